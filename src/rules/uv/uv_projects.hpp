#pragma once
// The uv projects of a repository, as the uv configuration rules judge them:
//  - every directory with a uv.lock (a project that uv locks and syncs);
//  - every uv settings file (uv.toml, or a pyproject.toml with `[tool.uv]`
//    beyond `build-backend`) with no lock or settings file in a directory
//    above it: a project configured for uv that has not committed a lock.
// Paths under test-data directories (`test/`, `tests/`, `testing/`,
// `fixtures/`, `testdata/`...) are sample projects for the repository's own
// tests, not the repository's configuration, and are left out.

#include <string>
#include <string_view>
#include <vector>

#include "model/project.hpp"
#include "model/uv_settings.hpp"

namespace pysec {

struct UvProject {
    std::string directory;                  // "" at the root
    const Document* lock = nullptr;         // its uv.lock, when committed
    const Document* pyproject = nullptr;    // pyproject.toml in the directory
    const UvSettings* settings = nullptr;   // the settings uv applies there (maybe from a directory above)
    const UvSettings* shadowed = nullptr;   // a `[tool.uv]` there that uv ignores for a uv.toml next to it

    // Where to report a setting the project lacks: the settings that apply
    // (`[tool.uv]` or uv.toml), else pyproject.toml's `[project]`, else uv.lock.
    Location anchor(std::string message = {}) const;
    std::string name() const { return directory.empty() ? "the project" : "the project in `" + directory + "/`"; }
};

std::vector<UvProject> find_uv_projects(const Project& project, const std::vector<UvSettings>& settings);

// A path inside a directory that holds test data (see above).
bool is_test_data_path(std::string_view path);

}  // namespace pysec
