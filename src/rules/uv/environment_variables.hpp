#pragma once
// Every environment variable the repository sets for the tools it runs:
// the `env:` of workflows, jobs, job containers and steps, the `env:` of
// composite-action steps, and a dev container's `remoteEnv`/`containerEnv`.
// uv and pip read their settings from such variables (UV_EXCLUDE_NEWER,
// PIP_EXTRA_INDEX_URL, ...), so the configuration rules judge them like the
// settings files.

#include <functional>
#include <string>
#include <string_view>

#include "model/project.hpp"

namespace pysec {

struct EnvironmentVariable {
    const Document& document;
    const Node& key;
    const Node& value;
    // CI (a workflow or an action) or a developer's dev container.
    bool in_ci = true;
    // "workflow", "job `test`", "step", "dev container `remoteEnv`", ...
    std::string scope;
};

void for_each_environment_variable(const Project& project,
                                   const std::function<void(const EnvironmentVariable&)>& visit);

// The variable's value as the tool sees it, when the file fixes it: nullopt
// for an expression (`${{ secrets.X }}`), a shell or dev-container variable
// (`$X`, `${localEnv:X}`), or a non-scalar.
std::optional<std::string_view> literal_environment_value(const Node& value);

}  // namespace pysec
