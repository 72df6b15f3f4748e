#pragma once
// Repository-relative paths written inside files (`-r other.txt`, a step's
// `working-directory`), resolved without touching the file system.

#include <optional>
#include <string>
#include <string_view>

namespace pysec {

// `a/b/../c.txt` -> `a/c.txt`; `./x` -> `x`.  Nullopt when the path leaves
// the repository or is absolute.
std::optional<std::string> normalize_repository_path(std::string_view path);

// The repository path of `reference` written in a file in `directory` ("" at
// the root), or nullopt when it cannot be known (absolute, a variable, a URL).
std::optional<std::string> resolve_relative_path(std::string_view directory, std::string_view reference);

}  // namespace pysec
