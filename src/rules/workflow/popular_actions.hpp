#pragma once
// Popular actions that typosquatters imitate, as `owner/repo` in lower case:
// the reference list of typosquat-uses.

#include <span>
#include <string_view>

namespace pysec {

std::span<const std::string_view> popular_actions();

}  // namespace pysec
