#pragma once
// Renovate's time strings (`minimumReleaseAge: "7 days"`), read the way
// Renovate reads them (lib/util/pretty-time.ts `toMs`): the text is cut after
// each run of lower-case letters ("1 week 2 days" is "1 week" + "2 days"),
// each piece is read by the `ms` package (a number, optional spaces, an
// optional unit: ms, s, m, h, d, w, y and their long forms, any case; no unit
// means milliseconds), "N months"/"N M" count 30 days each, and the pieces
// are added.  Years are 365.25 days.  ISO 8601 durations (`P7D`) are not read.

#include <optional>
#include <string_view>

namespace pysec {

// The duration in days, or nullopt when Renovate cannot read the text.
std::optional<double> renovate_duration_days(std::string_view text);

}  // namespace pysec
