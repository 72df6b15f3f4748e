#include "rules/lock/explicit_index_pins.hpp"

#include "model/uv_lock.hpp"
#include "python/package_name.hpp"

namespace pysec {
namespace {

const Node* tool_uv(const Document& document) {
    const Node* root = document.root();
    const Node* tool = root && root->is_mapping() ? root->get("tool") : nullptr;
    const Node* uv = tool && tool->is_mapping() ? tool->get("uv") : nullptr;
    return uv && uv->is_mapping() ? uv : nullptr;
}

bool in_directory(std::string_view path, std::string_view directory) {
    return directory.empty() || (path.size() > directory.size() && path.starts_with(directory) &&
                                 path[directory.size()] == '/');
}

}  // namespace

ExplicitIndexPins::ExplicitIndexPins(const Project& project, std::string_view directory) {
    for (const ProjectFile& file : project.files()) {
        if (!file.document || !in_directory(file.path, directory)) continue;
        // uv.toml holds the same settings at its top level, indexes included (sources are pyproject's).
        const Node* uv = nullptr;
        if (file.kind == FileKind::Pyproject) {
            uv = tool_uv(*file.document);
        } else if (file.kind == FileKind::UvToml && file.document->root() && file.document->root()->is_mapping()) {
            uv = file.document->root();
        }
        if (!uv) continue;
        if (const Node* indexes = uv->get("index"); indexes && indexes->is_sequence()) {
            for (const Node* index : indexes->items) {
                if (!index->is_mapping()) continue;
                auto name = index->text("name");
                auto url = index->text("url");
                if (!name || !url) continue;
                const Node* flag = index->get("explicit");
                if (flag && flag->as_bool().value_or(false)) {
                    explicit_index_urls_[std::string(*name)] = normalize_index_url(*url);
                } else {
                    non_explicit_indexes_.insert(std::string(*name));
                }
            }
        }
        const Node* sources = uv->get("sources");
        if (!sources || !sources->is_mapping()) continue;
        for (const Node::Entry& entry : sources->entries) {
            std::string package = python::canonicalize_name(entry.key->value);
            std::vector<const Node*> items;
            if (entry.value->is_sequence()) items = entry.value->items;
            else items.push_back(entry.value);
            for (const Node* item : items) {
                auto index = item->is_mapping() ? item->text("index") : std::nullopt;
                if (index) sources_[package].insert(std::string(*index));
                else not_only_indexes_.insert(package);
            }
        }
    }
}

bool ExplicitIndexPins::pins(std::string_view canonical_name, std::string_view registry) const {
    std::string name(canonical_name);
    auto sources = sources_.find(name);
    if (sources == sources_.end() || not_only_indexes_.contains(name)) return false;
    std::string wanted = normalize_index_url(registry);
    bool matched = false;
    for (const std::string& index : sources->second) {
        if (non_explicit_indexes_.contains(index)) return false;
        auto url = explicit_index_urls_.find(index);
        if (url == explicit_index_urls_.end()) return false;
        if (url->second == wanted) matched = true;
    }
    return matched;
}

}  // namespace pysec
