#include "rules/dependabot/dependabot_directories.hpp"

#include "config/path_glob.hpp"
#include "core/text.hpp"

namespace pysec {

std::string normalize_dependabot_directory(std::string_view directory) {
    directory = trim(directory);
    std::string out;
    std::size_t start = 0;
    while (start <= directory.size()) {
        std::size_t slash = directory.find('/', start);
        std::string_view part = directory.substr(start, slash == std::string_view::npos ? std::string_view::npos
                                                                                        : slash - start);
        if (!part.empty() && part != ".") {
            if (!out.empty()) out += '/';
            out += part;
        }
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return out;
}

std::vector<DependabotScope> dependabot_scopes(const DependabotConfig& config) {
    std::vector<DependabotScope> scopes;
    for (const DependabotUpdate& update : config.entries) {
        DependabotScope scope{update.ecosystem, {}};
        if (auto directory = update.node->text("directory")) {
            scope.directories.push_back(normalize_dependabot_directory(*directory));
        }
        if (const Node* list = update.node->get("directories"); list && list->is_sequence()) {
            for (const Node* item : list->items) {
                if (auto text = item->text()) scope.directories.push_back(normalize_dependabot_directory(*text));
            }
        }
        scopes.push_back(std::move(scope));
    }
    return scopes;
}

bool scope_names(const DependabotScope& scope, std::string_view directory) {
    for (const std::string& pattern : scope.directories) {
        if (pattern == directory) return true;
        if (pattern.find_first_of("*?") == std::string::npos) continue;
        if (pattern == "**" || glob_matches(pattern, directory)) return true;
    }
    return false;
}

}  // namespace pysec
