#pragma once
// Which update bots a repository configures: Dependabot
// (.github/dependabot.yml) and Renovate (its config files, package.json's
// `renovate` key, or a workflow that runs the Renovate action).

#include <optional>

#include "model/project.hpp"

namespace pysec {

struct RenovateConfigSource {
    const ProjectFile* file = nullptr;
    const Node* config = nullptr;  // the config object; null when the file cannot be read
    const Node* key = nullptr;     // package.json's `renovate` key, when the config lives there
};

// The config Renovate reads: the first of renovate.json, renovate.json5,
// .github/renovate.json(5), .gitlab/renovate.json(5), .renovaterc,
// .renovaterc.json(5) and package.json's `renovate` key that exists.
std::optional<RenovateConfigSource> find_renovate_config(const Project& project);

// A Renovate config exists (readable or not), or a workflow runs renovatebot/github-action.
bool renovate_configured(const Project& project);

bool dependabot_configured(const Project& project);

}  // namespace pysec
