#pragma once
// A typed view of .github/dependabot.yml.

#include <optional>
#include <string>
#include <vector>

#include "parse/document.hpp"

namespace pysec {

struct DependabotUpdate {
    const Node* node = nullptr;       // the `updates[]` item
    std::string ecosystem;            // package-ecosystem
    const Node* ecosystem_node = nullptr;
    const Node::Entry* cooldown = nullptr;  // `cooldown:` key and value, when present
};

struct DependabotConfig {
    const Document* document = nullptr;
    const Node* root = nullptr;
    const Node* updates = nullptr;  // the `updates:` value
    std::vector<DependabotUpdate> entries;
};

std::optional<DependabotConfig> read_dependabot(const Document& document);

// Ecosystems whose versions Dependabot does not read as semver: it ignores
// `semver-*-days` for them and applies `default-days` to every update.
bool dependabot_ecosystem_is_semver(std::string_view ecosystem);

}  // namespace pysec
