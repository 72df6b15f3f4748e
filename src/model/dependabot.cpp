#include "model/dependabot.hpp"

#include <array>
#include <algorithm>

namespace pysec {

std::optional<DependabotConfig> read_dependabot(const Document& document) {
    const Node* root = document.root();
    if (!root || !root->is_mapping()) return std::nullopt;
    DependabotConfig config;
    config.document = &document;
    config.root = root;
    config.updates = root->get("updates");
    if (config.updates && config.updates->is_sequence()) {
        for (const Node* item : config.updates->items) {
            if (!item->is_mapping()) continue;
            DependabotUpdate update;
            update.node = item;
            update.ecosystem_node = item->get("package-ecosystem");
            update.ecosystem = item->text("package-ecosystem").value_or("");
            update.cooldown = item->find("cooldown");
            config.entries.push_back(update);
        }
    }
    return config;
}

bool dependabot_ecosystem_is_semver(std::string_view ecosystem) {
    static constexpr std::array non_semver = {"github-actions", "docker", "docker-compose", "devcontainers",
                                              "gitsubmodule", "terraform", "helm", "dotnet-sdk"};
    return std::find(non_semver.begin(), non_semver.end(), ecosystem) == non_semver.end();
}

}  // namespace pysec
