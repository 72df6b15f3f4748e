#pragma once
// What uv does with an `exclude-newer` value (pyproject.toml `[tool.uv]`,
// uv.toml, `exclude-newer-package` entries, UV_EXCLUDE_NEWER, --exclude-newer),
// following uv's ExcludeNewerValue::from_str and its deserializers
// (crates/uv-distribution-types/src/exclude_newer.rs), tried in this order:
//
//  1. an RFC 3339 / Temporal timestamp with an offset (`2026-01-02T00:00:00Z`):
//     an absolute cutoff;
//  2. a civil date (`2026-01-01`), also when written with a time but no
//     offset, whose time jiff then drops: uv takes the *next* midnight in the
//     machine's time zone, so the whole day is included;
//  3. a duration (jiff's Span, see duration_span.hpp): a cutoff that many
//     seconds before now (days of 24 hours); years or months are rejected
//     ("use days instead"); uv takes the absolute value of a negative
//     duration; uv 0.9.17 is the first release that reads durations;
//  4. anything else is an error.
//
// In TOML a value may also be a table `{ timestamp = "...", span = "P7D" }`
// (what uv writes into uv.lock; a span makes it relative), and an
// `exclude-newer-package` entry may be `false` (no cutoff for that package).
// A TOML date-time written without quotes is not a string, and uv's
// deserializer rejects it.

#include <cstdint>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "model/duration_span.hpp"
#include "parse/node.hpp"

namespace pysec {

struct ExcludeNewerReading {
    enum class Kind {
        Timestamp,  // absolute cutoff: `epoch_seconds`
        LocalDate,  // before the midnight that ends `date`, in the local time zone
        Duration,   // relative: `span`
        Disabled,   // `false` in exclude-newer-package
        Rejected,   // uv fails (CLI, env, uv.toml) or ignores the settings (pyproject.toml): `error`
    };
    Kind kind = Kind::Rejected;
    std::int64_t epoch_seconds = 0;
    CivilDate date;
    bool time_dropped = false;  // LocalDate written with a time (and no offset), which uv ignores
    DurationSpan span;
    std::string error;

    bool accepted() const { return kind != Kind::Rejected; }
    // Seconds of cooldown for a duration (its absolute value).
    double duration_seconds() const;
};

ExcludeNewerReading read_exclude_newer(std::string_view text);
// A TOML (or YAML/JSON) value; `allow_false` for exclude-newer-package entries.
ExcludeNewerReading read_exclude_newer(const Node& value, bool allow_false);

}  // namespace pysec
