#pragma once
// Which repository directories a Dependabot `updates[]` entry looks at:
// `directory: /path` or `directories: [/a, /b/*, /**]`, repository-rooted,
// with `*` (one path segment) and `**` (any number, including none) globs.

#include <string>
#include <string_view>
#include <vector>

#include "model/dependabot.hpp"

namespace pysec {

// "/", "", "." -> ""; "/docs/" -> "docs"; "./a//b" -> "a/b".
std::string normalize_dependabot_directory(std::string_view directory);

struct DependabotScope {
    std::string ecosystem;
    std::vector<std::string> directories;  // normalized patterns
};

std::vector<DependabotScope> dependabot_scopes(const DependabotConfig& config);

// Does the entry name `directory` ("" for the root) itself?
bool scope_names(const DependabotScope& scope, std::string_view directory);

}  // namespace pysec
