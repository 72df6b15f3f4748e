#pragma once
// `datetime.fromisoformat` as Python 3.11 and later read it (pip parses
// `--uploaded-prior-to` / PIP_UPLOADED_PRIOR_TO with it).  The date is
// YYYY-MM-DD, YYYYMMDD, YYYY-Www, YYYYWww, YYYY-Www-D or YYYYWwwD (not ordinal
// dates); any one character may separate it from the time; the time is HH,
// HH:MM, HHMM, HH:MM:SS, HHMMSS, with `.` or `,` and a fraction (digits past
// the sixth are dropped); the offset is `Z` or +/- HH[[:]MM[[:]SS[.ffffff]]].
// Ported from the algorithm of CPython's Lib/_pydatetime.py
// (_find_isoformat_datetime_separator, _parse_isoformat_date,
// _parse_hh_mm_ss_ff, _parse_isoformat_time), which the C module mirrors.

#include <cstdint>
#include <optional>
#include <string_view>

#include "core/civil_date.hpp"

namespace pysec::python {

struct IsoDateTime {
    CivilDate date;
    bool has_time = false;  // a time component was written
    int hour = 0;
    int minute = 0;
    int second = 0;
    int microsecond = 0;
    bool has_offset = false;  // aware; otherwise pip reads it in the local time zone
    int offset_seconds = 0;

    std::int64_t epoch_seconds() const;  // treating a naive value as UTC
};

std::optional<IsoDateTime> parse_isoformat(std::string_view text);

}  // namespace pysec::python
