#include "rules/dependabot/update_targets.hpp"

#include <algorithm>
#include <set>

#include "rules/workflow/workflow_sites.hpp"

namespace pysec {

bool is_test_or_example_path(std::string_view path) {
    static constexpr std::string_view skipped[] = {"tests",    "test",         "testdata", "test_data", "test-data",
                                                   "fixtures", "__fixtures__", "examples", "example"};
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) break;  // the last component is the file name
        std::string_view component = path.substr(start, slash - start);
        if (component.find("{{") != std::string_view::npos) return true;
        for (std::string_view name : skipped) {
            if (component == name) return true;
        }
        start = slash + 1;
    }
    return false;
}

std::string_view directory_of(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string_view{} : path.substr(0, slash);
}

std::vector<const ProjectFile*> files_using_remote_actions(const Project& project) {
    std::set<std::string_view> paths;
    for_each_uses(project, [&](const UsesSite& site) {
        if (site.reference.kind == UsesReference::Kind::Repository) paths.insert(site.document.path());
    });
    std::vector<const ProjectFile*> files;
    for (const ProjectFile& file : project.files()) {
        if (paths.count(file.path) && !is_test_or_example_path(file.path)) files.push_back(&file);
    }
    return files;
}

std::vector<const ProjectFile*> python_dependency_files(const Project& project) {
    std::vector<const ProjectFile*> files;
    for (const ProjectFile& file : project.files()) {
        bool python = file.kind == FileKind::Pyproject || file.kind == FileKind::UvLock ||
                      file.kind == FileKind::Pylock || file.kind == FileKind::Requirements;
        if (python && !is_test_or_example_path(file.path)) files.push_back(&file);
    }
    return files;
}

const ProjectFile* precommit_with_remote_hooks(const Project& project) {
    for (const ProjectFile& file : project.files()) {
        if (file.kind != FileKind::PreCommit || !file.document || file.failure) continue;
        const Node* root = file.document->root();
        const Node* repos = root && root->is_mapping() ? root->get("repos") : nullptr;
        if (!repos || !repos->is_sequence()) continue;
        for (const Node* repo : repos->items) {
            auto url = repo->is_mapping() ? repo->text("repo") : std::nullopt;
            if (url && *url != "local" && *url != "meta") return &file;
        }
    }
    return nullptr;
}

}  // namespace pysec
