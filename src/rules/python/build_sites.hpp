#pragma once
// Where a job builds Python distributions: build frontends in `run:` (seen
// through `pipx run`, `uvx`, `uv run`, `python -m`) and building actions.
// Publishing commands that build as they upload (`flit publish`,
// `pdm publish`, `poetry publish --build`, `maturin publish`) count too.

#include <string>
#include <vector>

#include "model/workflow.hpp"
#include "shell/invocation.hpp"

namespace pysec {

struct BuildSite {
    const WorkflowStep* step = nullptr;
    const shell::Command* command = nullptr;  // null for an action step
    std::string tool;                         // "python -m build", "uv build", "pypa/cibuildwheel", ...
};

// The build tool a command runs, or "" when it does not build distributions.
std::string build_tool_of(const shell::Invocation& invocation);

std::vector<BuildSite> build_sites(const std::vector<WorkflowStep>& steps);

}  // namespace pysec
