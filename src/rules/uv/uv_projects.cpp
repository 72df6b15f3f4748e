#include "rules/uv/uv_projects.hpp"

#include <algorithm>
#include <array>

namespace pysec {
namespace {

Location first_line(const Document& document, std::string message) {
    Location location{document.path(), Span{{1, 1}, {1, 1}}, std::move(message)};
    if (document.lines().line_count() > 0) {
        location.span.end.column = static_cast<std::uint32_t>(count_code_points(document.lines().line(1))) + 1;
    }
    return location;
}

const Document* file_in(const Project& project, const std::string& directory, std::string_view name) {
    std::string path = directory.empty() ? std::string(name) : directory + "/" + std::string(name);
    return project.document(path);
}

}  // namespace

Location UvProject::anchor(std::string message) const {
    if (settings) return settings->anchor(std::move(message));
    if (pyproject && pyproject->root() && pyproject->root()->is_mapping()) {
        if (const Node::Entry* table = pyproject->root()->find("project")) return pyproject->location(*table->key, std::move(message));
        return first_line(*pyproject, std::move(message));
    }
    if (lock) return first_line(*lock, std::move(message));
    if (pyproject) return first_line(*pyproject, std::move(message));
    return Location{directory.empty() ? "uv.lock" : directory + "/uv.lock", Span{{1, 1}, {1, 1}}, std::move(message)};
}

bool is_test_data_path(std::string_view path) {
    constexpr std::array names = {"test", "tests", "testing", "testdata", "test-data", "test_data", "fixtures",
                                  "__fixtures__", "test-fixtures"};
    std::size_t start = 0;
    while (start < path.size()) {
        std::size_t slash = path.find('/', start);
        if (slash == std::string_view::npos) break;  // the file name itself does not count
        std::string_view component = path.substr(start, slash - start);
        for (std::string_view name : names) {
            if (component == name) return true;
        }
        start = slash + 1;
    }
    return false;
}

std::vector<UvProject> find_uv_projects(const Project& project, const std::vector<UvSettings>& settings) {
    std::vector<UvProject> projects;
    auto make = [&](const std::string& directory) {
        UvProject result;
        result.directory = directory;
        result.lock = file_in(project, directory, "uv.lock");
        result.pyproject = file_in(project, directory, "pyproject.toml");
        result.settings = effective_uv_settings(settings, directory);
        for (const UvSettings& candidate : settings) {
            if (candidate.directory == directory && candidate.shadowed) result.shadowed = &candidate;
        }
        return result;
    };
    std::vector<std::string> roots;  // directories of locks and settings files
    for (const ProjectFile& file : project.files()) {
        if (file.kind != FileKind::UvLock || !file.document || is_test_data_path(file.path)) continue;
        projects.push_back(make(directory_of(file.path)));
        roots.push_back(directory_of(file.path));
    }
    for (const UvSettings& candidate : settings) {
        if (!candidate.build_backend_only && !is_test_data_path(candidate.path)) roots.push_back(candidate.directory);
    }
    for (const UvSettings& candidate : settings) {
        if (candidate.build_backend_only || candidate.shadowed || is_test_data_path(candidate.path)) continue;
        bool nested = std::any_of(roots.begin(), roots.end(), [&](const std::string& root) {
            return root != candidate.directory && directory_contains(root, candidate.directory);
        });
        bool known = std::any_of(projects.begin(), projects.end(),
                                 [&](const UvProject& p) { return p.directory == candidate.directory; });
        if (!nested && !known) projects.push_back(make(candidate.directory));
    }
    std::sort(projects.begin(), projects.end(),
              [](const UvProject& a, const UvProject& b) { return a.directory < b.directory; });
    return projects;
}

}  // namespace pysec
