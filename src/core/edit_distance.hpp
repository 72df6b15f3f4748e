#pragma once
// How many single-character edits separate two names: insertions, deletions,
// substitutions and swaps of two neighbours (the Damerau-Levenshtein distance
// in its "optimal string alignment" form), the usual measure of a typo.

#include <cstddef>
#include <string_view>

namespace pysec {

// Stops counting at `limit + 1`: callers ask "at most one edit?", not "how far?".
std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit = 8);

}  // namespace pysec
