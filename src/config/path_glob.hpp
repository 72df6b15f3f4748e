#pragma once
// Path patterns for `exclude:` in .github/pysec.yml, anchored at the
// repository root: `*` and `?` stay within one path segment, `**` spans any
// number of segments, and a pattern that names a directory (with or without a
// trailing `/`) covers everything below it.

#include <string_view>

namespace pysec {

bool glob_matches(std::string_view pattern, std::string_view path);
bool path_excluded_by(std::string_view pattern, std::string_view path);

}  // namespace pysec
