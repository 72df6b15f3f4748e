#pragma once
// Durations as uv reads them: jiff's `Span` parser, which takes either an
// ISO 8601 duration in Temporal's grammar (`P7D`, `PT24H`, `P1W2D`, `-P3D`;
// case-insensitive; a fraction only on the smallest of hours, minutes and
// seconds) or jiff's "friendly" format (`7 days`, `1 week 2 days`, `24h`,
// `3 days, 4 hours`, `1.5 hours`, `5 days 01:02:03`, `2 weeks ago`), chosen by
// the first character after an optional sign (`P`/`p` means ISO 8601).
//
// Friendly grammar (https://docs.rs/jiff/latest/jiff/fmt/friendly/): an
// optional sign, then integer + optional whitespace + unit label, repeated,
// each unit smaller than the one before, separated by optional whitespace or
// `, `; a fraction (`.`/`,` and 1-9 digits) only on hours or smaller, and
// then nothing may follow; `HH:MM:SS[.f]` may replace hours, minutes and
// seconds after days or larger units; ` ago` at the end negates (not with a
// sign). Unit labels are lower case: years/year/yrs/yr/y, months/month/mos/mo,
// weeks/week/wks/wk/w, days/day/d, hours/hour/hrs/hr/h, minutes/minute/mins/
// min/m, seconds/second/secs/sec/s, and milli-/micro-/nanoseconds
// (ms, us, µs, ns and their long forms); the longest label that matches wins
// (`1mo` is a month, `1m` a minute, `1ms` a millisecond).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pysec {

struct DurationSpan {
    bool negative = false;
    bool iso8601 = false;  // written as `P...`
    std::int64_t years = 0;
    std::int64_t months = 0;
    std::int64_t weeks = 0;
    std::int64_t days = 0;
    std::int64_t hours = 0;
    std::int64_t minutes = 0;
    std::int64_t seconds = 0;
    std::int64_t nanoseconds = 0;  // milli/micro/nanoseconds and fractions of larger units

    bool has_calendar_units() const { return years != 0 || months != 0; }
    // The length without years and months, with 24-hour days (as uv resolves
    // durations: "a day is 24 hours, DST transitions are ignored").
    double total_seconds() const;
    bool is_zero() const { return !has_calendar_units() && total_seconds() == 0; }
};

struct DurationParse {
    std::optional<DurationSpan> span;
    std::string error;  // why jiff rejects the text, when `span` is empty
};

DurationParse parse_duration_span(std::string_view text);

}  // namespace pysec
