#pragma once
// Date-times as uv reads them: jiff's Temporal ISO 8601 grammar, a hybrid of
// RFC 3339, RFC 9557 and ISO 8601 (https://docs.rs/jiff/latest/jiff/fmt/temporal/).
//
//   2024-06-14            2024-06-14T17:30:00Z     2024-06-14 17:30-04:00
//   20240614T173000Z      2024-06-14T17:30:00.5+05:30[Asia/Kolkata]
//
// Dates are extended (YYYY-MM-DD) or basic (YYYYMMDD), years 4 digits or a
// sign and 6 digits (jiff's range is -9999..9999); the separator is `T`, `t`
// or a space; the time is HH, HH:MM, HH:MM:SS (or basic HHMM, HHMMSS), with a
// fraction of 1 to 9 digits after the seconds; second 60 is accepted (a leap
// second, read as 59); an offset (`Z`, `z`, `+HH`, `+HH:MM`, `+HHMM`,
// `+HH:MM:SS`) needs a time; bracketed annotations (`[America/New_York]`,
// `[u-ca=iso8601]`) may follow.

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/civil_date.hpp"

namespace pysec {

struct TemporalDateTime {
    enum class Offset { None, Zulu, Numeric };

    CivilDate date;
    bool has_time = false;
    int hour = 0;
    int minute = 0;
    int second = 0;
    std::uint32_t nanosecond = 0;
    Offset offset = Offset::None;
    int offset_seconds = 0;  // east of UTC, for Offset::Numeric

    // jiff's `Timestamp` needs a time and an offset; a `civil::Date` takes
    // anything but a `Z` offset (a time is read and dropped).
    bool is_timestamp() const { return has_time && offset != Offset::None; }
    bool is_civil() const { return offset != Offset::Zulu; }
    // Seconds since the Unix epoch, for timestamps.
    std::int64_t epoch_seconds() const;
};

std::optional<TemporalDateTime> parse_temporal_datetime(std::string_view text);

}  // namespace pysec
