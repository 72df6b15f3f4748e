#include "core/civil_date.hpp"

namespace pysec {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

bool is_valid_date(const CivilDate& date) {
    return date.month >= 1 && date.month <= 12 && date.day >= 1 && date.day <= days_in_month(date.year, date.month);
}

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
std::int64_t days_from_civil(const CivilDate& date) {
    std::int64_t year = date.month <= 2 ? date.year - 1 : date.year;
    std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    std::int64_t year_of_era = year - era * 400;
    std::int64_t month_index = date.month > 2 ? date.month - 3 : date.month + 9;
    std::int64_t day_of_year = (153 * month_index + 2) / 5 + date.day - 1;
    std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

CivilDate civil_from_days(std::int64_t days) {
    days += 719468;
    std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    std::int64_t day_of_era = days - era * 146097;
    std::int64_t year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    std::int64_t month_index = (5 * day_of_year + 2) / 153;
    int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
    int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
    int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return CivilDate{year, month, day};
}

CivilDate date_from_iso_week(int year, int week, int weekday) {
    if (week < 1 || week > 53 || weekday < 1 || weekday > 7) return CivilDate{year, 0, 0};
    // Week 1 is the week with the year's first Thursday; 1970-01-01 was a Thursday.
    std::int64_t january_4 = days_from_civil(CivilDate{year, 1, 4});
    std::int64_t weekday_of_january_4 = ((january_4 + 3) % 7 + 7) % 7;  // 0 = Monday
    std::int64_t week_1_monday = january_4 - weekday_of_january_4;
    std::int64_t days = week_1_monday + (week - 1) * 7 + (weekday - 1);
    CivilDate date = civil_from_days(days);
    if (week == 53) {
        // Only years whose week 53 exists: its Thursday must still be in `year`.
        CivilDate thursday = civil_from_days(week_1_monday + 52 * 7 + 3);
        if (thursday.year != year) return CivilDate{year, 0, 0};
    }
    return date;
}

}  // namespace pysec
