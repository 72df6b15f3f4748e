#pragma once
// When did a file last change on the main line of history?  Walks the first
// parents from a commit and finds the most recent commit whose tree holds a
// different blob at the path than its first parent's: the moment the current
// content landed (for a change merged from a branch, the merge commit).

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "repo/git_handles.hpp"

namespace pysec::git {

// How many commits the walk looks at before giving up (documented in
// lock-cooldown-violation): enough for years of history, bounded for huge ones.
inline constexpr std::size_t history_walk_limit = 5000;

// The committer time (seconds since the epoch) of that commit, walking from
// `start`.  When the history is cut short (a shallow clone, a missing
// parent), the last commit reached counts as the change: a later time than
// the real one, never an earlier one.  Nullopt when `start` does not hold the
// path, or no change is found within `limit` commits.
std::optional<std::int64_t> last_change_time(git_repository* repository, const git_oid& start, std::string_view path,
                                             std::size_t limit = history_walk_limit);

}  // namespace pysec::git
