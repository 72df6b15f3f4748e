#include "rules/dependabot/update_bots.hpp"

#include <array>
#include <string_view>

#include "core/text.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

// Renovate's own search order (lib/config/app-strings.ts).
constexpr std::array renovate_file_order = {
    std::string_view{"renovate.json"},         std::string_view{"renovate.json5"},
    std::string_view{".github/renovate.json"}, std::string_view{".github/renovate.json5"},
    std::string_view{".gitlab/renovate.json"}, std::string_view{".gitlab/renovate.json5"},
    std::string_view{".renovaterc"},           std::string_view{".renovaterc.json"},
    std::string_view{".renovaterc.json5"},
};

const ProjectFile* file_at(const Project& project, std::string_view path, FileKind kind) {
    for (const ProjectFile& file : project.files()) {
        if (file.kind == kind && file.path == path) return &file;
    }
    return nullptr;
}

const Node::Entry* package_json_renovate_key(const ProjectFile& file) {
    if (!file.document || file.failure) return nullptr;
    const Node* root = file.document->root();
    return root && root->is_mapping() ? root->find("renovate") : nullptr;
}

}  // namespace

std::optional<RenovateConfigSource> find_renovate_config(const Project& project) {
    for (std::string_view path : renovate_file_order) {
        if (const ProjectFile* file = file_at(project, path, FileKind::Renovate)) {
            const Node* root = file->document && !file->failure ? file->document->root() : nullptr;
            return RenovateConfigSource{file, root, nullptr};
        }
    }
    // Files named on the command line keep their own path.
    for (const ProjectFile& file : project.files()) {
        if (file.kind == FileKind::Renovate) {
            const Node* root = file.document && !file.failure ? file.document->root() : nullptr;
            return RenovateConfigSource{&file, root, nullptr};
        }
    }
    for (const ProjectFile& file : project.files()) {
        if (file.kind != FileKind::PackageJson) continue;
        if (const Node::Entry* entry = package_json_renovate_key(file)) {
            return RenovateConfigSource{&file, entry->value, entry->key};
        }
    }
    return std::nullopt;
}

bool renovate_configured(const Project& project) {
    if (find_renovate_config(project)) return true;
    bool runs_renovate = false;
    for_each_uses(project, [&](const UsesSite& site) {
        if (site.reference.kind == UsesReference::Kind::Repository &&
            to_lower(site.reference.slug()) == "renovatebot/github-action") {
            runs_renovate = true;
        }
    });
    return runs_renovate;
}

bool dependabot_configured(const Project& project) { return project.has_kind(FileKind::Dependabot); }

}  // namespace pysec
