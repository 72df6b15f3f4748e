#pragma once
// Proleptic Gregorian calendar arithmetic, for reading the dates and
// timestamps that uv and pip accept as cooldown cutoffs.

#include <cstdint>

namespace pysec {

struct CivilDate {
    int year = 1970;
    int month = 1;  // 1..12
    int day = 1;    // 1..31
    friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);
bool is_valid_date(const CivilDate& date);

// Days since 1970-01-01 (negative before), and back.
std::int64_t days_from_civil(const CivilDate& date);
CivilDate civil_from_days(std::int64_t days);

// ISO 8601 week dates (`2026-W01-1`): the calendar date, or an invalid date
// (month 0) when the week does not exist in that year.
CivilDate date_from_iso_week(int year, int week, int weekday);

}  // namespace pysec
