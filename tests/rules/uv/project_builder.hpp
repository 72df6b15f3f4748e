#pragma once
// A Project built from files given in the test, classified and parsed as the
// scanner would.

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "inventory/file_kind.hpp"
#include "model/project.hpp"

namespace pysec::test {

inline std::unique_ptr<Project> make_project(const std::vector<std::pair<std::string, std::string>>& files) {
    auto project = std::make_unique<Project>();
    for (const auto& [path, text] : files) {
        auto kind = classify_path(path);
        if (!kind) kind = classify_named_file(path);
        if (!kind) continue;
        ParsedFile parsed = parse_document(path, text, format_of(*kind));
        project->add_file(ProjectFile{path, *kind, std::move(parsed.document), parsed.failure, std::nullopt});
    }
    project->build_models();
    return project;
}

}  // namespace pysec::test
