#include "model/lock_timestamps.hpp"

#include <cstdio>

namespace pysec {
namespace {

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t year, unsigned month, unsigned day) {
    year -= month <= 2 ? 1 : 0;
    std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    auto year_of_era = static_cast<unsigned>(year - era * 400);
    unsigned day_of_year = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    unsigned day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + static_cast<std::int64_t>(day_of_era) - 719468;
}

void civil_from_days(std::int64_t days, std::int64_t& year, unsigned& month, unsigned& day) {
    days += 719468;
    std::int64_t era = (days >= 0 ? days : days - 146096) / 146097;
    auto day_of_era = static_cast<unsigned>(days - era * 146097);
    unsigned year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    unsigned day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    unsigned shifted_month = (5 * day_of_year + 2) / 153;
    day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    month = shifted_month < 10 ? shifted_month + 3 : shifted_month - 9;
    year = static_cast<std::int64_t>(year_of_era) + era * 400 + (month <= 2 ? 1 : 0);
}

bool is_leap(std::int64_t year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

unsigned days_in_month(std::int64_t year, unsigned month) {
    static constexpr unsigned days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap(year) ? 29 : days[month - 1];
}

// Reads exactly `count` digits at `position`.
std::optional<unsigned> digits(std::string_view text, std::size_t& position, std::size_t count) {
    if (position + count > text.size()) return std::nullopt;
    unsigned value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        char c = text[position + i];
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + static_cast<unsigned>(c - '0');
    }
    position += count;
    return value;
}

bool expect(std::string_view text, std::size_t& position, char c) {
    if (position >= text.size() || text[position] != c) return false;
    ++position;
    return true;
}

}  // namespace

std::optional<std::int64_t> parse_rfc3339_timestamp(std::string_view text) {
    std::size_t at = 0;
    auto year = digits(text, at, 4);
    if (!year || !expect(text, at, '-')) return std::nullopt;
    auto month = digits(text, at, 2);
    if (!month || !expect(text, at, '-')) return std::nullopt;
    auto day = digits(text, at, 2);
    if (!day || *month < 1 || *month > 12 || *day < 1 || *day > days_in_month(*year, *month)) return std::nullopt;
    if (at >= text.size() || (text[at] != 'T' && text[at] != 't' && text[at] != ' ')) return std::nullopt;
    ++at;
    auto hour = digits(text, at, 2);
    if (!hour || !expect(text, at, ':')) return std::nullopt;
    auto minute = digits(text, at, 2);
    if (!minute || !expect(text, at, ':')) return std::nullopt;
    auto second = digits(text, at, 2);
    // 60 is a leap second; it reads as the next second's start.
    if (!second || *hour > 23 || *minute > 59 || *second > 60) return std::nullopt;
    if (at < text.size() && text[at] == '.') {
        ++at;
        std::size_t first = at;
        while (at < text.size() && text[at] >= '0' && text[at] <= '9') ++at;
        if (at == first) return std::nullopt;
    }
    std::int64_t offset = 0;
    if (at < text.size() && (text[at] == 'Z' || text[at] == 'z')) {
        ++at;
    } else if (at < text.size() && (text[at] == '+' || text[at] == '-')) {
        int sign = text[at] == '-' ? -1 : 1;
        ++at;
        auto offset_hours = digits(text, at, 2);
        if (!offset_hours || !expect(text, at, ':')) return std::nullopt;
        auto offset_minutes = digits(text, at, 2);
        if (!offset_minutes || *offset_hours > 23 || *offset_minutes > 59) return std::nullopt;
        offset = sign * static_cast<std::int64_t>(*offset_hours * 3600 + *offset_minutes * 60);
    } else {
        return std::nullopt;
    }
    if (at != text.size()) return std::nullopt;
    std::int64_t seconds = days_from_civil(*year, *month, *day) * 86400 + *hour * 3600 + *minute * 60 + *second;
    return seconds - offset;
}

std::string format_utc_minutes(std::int64_t seconds) {
    std::int64_t days = seconds >= 0 ? seconds / 86400 : (seconds - 86399) / 86400;
    std::int64_t rest = seconds - days * 86400;
    std::int64_t year = 0;
    unsigned month = 0;
    unsigned day = 0;
    civil_from_days(days, year, month, day);
    char text[128];
    std::snprintf(text, sizeof text, "%04lld-%02u-%02u %02lld:%02lld UTC", static_cast<long long>(year), month, day,
                  static_cast<long long>(rest / 3600), static_cast<long long>(rest % 3600 / 60));
    return text;
}

}  // namespace pysec
