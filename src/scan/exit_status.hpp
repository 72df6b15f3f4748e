#pragma once
// The process exit status, part of the CLI contract (see README):
//   0      no shown finding reaches --fail-on
//   11-14  the highest shown severity, at or above --fail-on:
//          11 informational, 12 low, 13 medium, 14 high
//   2      usage error (bad option, path, revision or config)
//   1      internal error

#include <optional>
#include <string_view>

#include "core/severity.hpp"

namespace pysec {

inline constexpr int exit_clean = 0;
inline constexpr int exit_internal_error = 1;
inline constexpr int exit_usage_error = 2;

struct FailOn {
    std::optional<Severity> threshold;  // nullopt: `never`
    bool reached_by(std::optional<Severity> highest) const { return threshold && highest && *highest >= *threshold; }
};

std::optional<FailOn> parse_fail_on(std::string_view text);
int exit_status_for(std::optional<Severity> highest_shown, FailOn fail_on);

}  // namespace pysec
