#pragma once
// What an update bot would keep current in a repository: the files that pin
// actions (workflows and composite actions with a `uses: owner/repo@ref`),
// Python dependency files, and a pre-commit config with remote hooks.
// Test data, examples and project templates are left out: nobody wants a bot
// to bump the requirement files that a test suite reads as fixtures.

#include <string_view>
#include <vector>

#include "model/project.hpp"

namespace pysec {

// A path under tests/, test/, testdata/, test_data/, test-data/, fixtures/,
// __fixtures__/, examples/, example/, or a template directory (`{{...}}`).
// (pytest's testing/ holds real dependency sets, so it is not skipped.)
bool is_test_or_example_path(std::string_view path);

// Workflows and action.yml files that use at least one repository action.
std::vector<const ProjectFile*> files_using_remote_actions(const Project& project);

// pyproject.toml, uv.lock, pylock.toml and requirement files outside test data.
std::vector<const ProjectFile*> python_dependency_files(const Project& project);

// The pre-commit config, when it names at least one remote hook repository.
const ProjectFile* precommit_with_remote_hooks(const Project& project);

// The directory of a repository path ("" at the root).
std::string_view directory_of(std::string_view path);

}  // namespace pysec
