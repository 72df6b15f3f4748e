#pragma once
// The timestamps lock files carry (`upload-time` in uv.lock and pylock.toml),
// read as seconds since the Unix epoch so that they compare with commit times.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pysec {

// An RFC 3339 date-time with an offset, as uv writes it ("2024-07-26T18:15:03.762Z")
// and as toml++ renders a TOML offset date-time ("2024-07-26T18:15:03+02:00"):
// `T`, `t` or a space between date and time, optional fractional seconds (dropped),
// `Z`/`z` or `±HH:MM`.  Nullopt for anything else, a date without a time included:
// a lock that omits the offset does not say when the upload happened.
std::optional<std::int64_t> parse_rfc3339_timestamp(std::string_view text);

// "2025-03-08 14:05 UTC", for messages.
std::string format_utc_minutes(std::int64_t seconds);

}  // namespace pysec
