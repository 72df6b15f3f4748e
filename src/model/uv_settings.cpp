#include "model/uv_settings.hpp"

#include <algorithm>
#include <set>

#include "config/path_glob.hpp"
#include "core/text.hpp"

namespace pysec {
namespace {

bool is_true(const Node* value) { return value && value->is_scalar() && value->type == ScalarType::Boolean && value->value == "true"; }

std::vector<UvIndex> read_indexes(const Node* list) {
    std::vector<UvIndex> indexes;
    if (!list || !list->is_sequence()) return indexes;
    for (const Node* item : list->items) {
        if (!item->is_mapping()) continue;
        indexes.push_back(UvIndex{item, item->get("name"), item->get("url"), item->get("explicit"), item->get("default")});
    }
    return indexes;
}

UvSettingsTable read_table(const Node* table) {
    UvSettingsTable result;
    if (!table || !table->is_mapping()) return result;
    result.table = table;
    result.exclude_newer = table->get("exclude-newer");
    result.exclude_newer_package = table->get("exclude-newer-package");
    result.index_url = table->get("index-url");
    result.extra_index_url = table->get("extra-index-url");
    result.find_links = table->get("find-links");
    result.index_strategy = table->get("index-strategy");
    result.allow_insecure_host = table->get("allow-insecure-host");
    result.no_index = table->get("no-index");
    result.no_build = table->get("no-build");
    result.no_build_package = table->get("no-build-package");
    result.no_binary = table->get("no-binary");
    result.only_binary = table->get("only-binary");
    result.indexes = read_indexes(table->get("index"));
    return result;
}

UvSettings make_settings(const ProjectFile& file, const Node* table, const Node* table_key) {
    UvSettings settings;
    settings.document = file.document.get();
    settings.kind = file.kind;
    settings.path = file.path;
    settings.directory = directory_of(file.path);
    settings.table = table;
    settings.table_key = table_key;
    settings.top = read_table(table);
    if (const Node::Entry* pip = table->find("pip"); pip && pip->value->is_mapping()) {
        settings.pip_key = pip->key;
        settings.pip = read_table(pip->value);
    }
    if (file.kind == FileKind::Pyproject) settings.sources = table->get("sources");
    settings.build_backend_only = !table->entries.empty() &&
                                  std::all_of(table->entries.begin(), table->entries.end(), [](const Node::Entry& e) {
                                      return e.key->value == "build-backend";
                                  });
    return settings;
}

// `directory`, or a directory above it, is listed in the root's
// `[tool.uv.workspace] members` (and not in `exclude`).
bool is_workspace_member(const UvSettings& root, const std::string& directory) {
    const Node* workspace = root.table->get("workspace");
    if (!workspace || !workspace->is_mapping()) return false;
    if (directory == root.directory) return true;
    auto matches = [&](const Node* patterns, const std::string& relative) {
        if (!patterns || !patterns->is_sequence()) return false;
        for (const Node* pattern : patterns->items) {
            if (pattern->is_scalar() && glob_matches(pattern->value, relative)) return true;
        }
        return false;
    };
    std::string relative = root.directory.empty() ? directory : directory.substr(root.directory.size() + 1);
    while (!relative.empty()) {
        if (matches(workspace->get("members"), relative)) return !matches(workspace->get("exclude"), relative);
        relative = directory_of(relative);
    }
    return false;
}

}  // namespace

bool UvIndex::is_explicit() const { return is_true(explicit_); }
bool UvIndex::is_default() const { return is_true(default_); }

bool UvSettingsTable::no_build_enabled() const { return is_true(no_build); }

Location UvSettings::anchor(std::string message) const {
    if (table_key) return document->location(*table_key, std::move(message));
    Location location{path, Span{{1, 1}, {1, 1}}, std::move(message)};
    if (document && document->lines().line_count() > 0) {
        auto first = document->lines().line(1);
        location.span.end.column = static_cast<std::uint32_t>(count_code_points(first)) + 1;
    }
    return location;
}

std::string directory_of(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(path.substr(0, slash));
}

bool directory_contains(std::string_view outer, std::string_view inner) {
    if (outer.empty()) return true;
    return inner == outer || (inner.size() > outer.size() && inner.starts_with(outer) && inner[outer.size()] == '/');
}

std::vector<UvSettings> read_uv_settings(const Project& project) {
    std::vector<UvSettings> result;
    std::set<std::string> uv_toml_directories;
    for (const ProjectFile& file : project.files()) {
        if (file.kind == FileKind::UvToml && file.document && file.document->root() && !file.failure) {
            uv_toml_directories.insert(directory_of(file.path));
        }
    }
    for (const ProjectFile& file : project.files()) {
        if (!file.document || file.failure) continue;
        const Node* root = file.document->root();
        if (!root || !root->is_mapping()) continue;
        if (file.kind == FileKind::UvToml) {
            result.push_back(make_settings(file, root, nullptr));
        } else if (file.kind == FileKind::Pyproject) {
            const Node* tool = root->get("tool");
            const Node::Entry* uv = tool && tool->is_mapping() ? tool->find("uv") : nullptr;
            if (!uv || !uv->value->is_mapping()) continue;
            UvSettings settings = make_settings(file, uv->value, uv->key);
            settings.shadowed = uv_toml_directories.count(settings.directory) > 0;
            result.push_back(std::move(settings));
        }
    }
    return result;
}

const UvSettings* effective_uv_settings(const std::vector<UvSettings>& settings, std::string_view directory) {
    std::string current(directory);
    // In a workspace uv starts at the workspace root and ignores the members' settings.
    const UvSettings* workspace_root = nullptr;
    for (const UvSettings& candidate : settings) {
        if (candidate.is_uv_toml() || !directory_contains(candidate.directory, current)) continue;
        if (!is_workspace_member(candidate, current)) continue;
        if (!workspace_root || candidate.directory.size() > workspace_root->directory.size()) workspace_root = &candidate;
    }
    if (workspace_root) current = workspace_root->directory;
    while (true) {
        const UvSettings* found = nullptr;
        for (const UvSettings& candidate : settings) {
            if (candidate.directory != current || candidate.shadowed) continue;
            if (!found || candidate.is_uv_toml()) found = &candidate;
        }
        if (found) return found;
        if (current.empty()) return nullptr;
        current = directory_of(current);
    }
}

}  // namespace pysec
