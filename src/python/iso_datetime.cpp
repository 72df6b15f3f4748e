#include "python/iso_datetime.hpp"

#include <string>

namespace pysec::python {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::optional<int> number(std::string_view text, std::size_t at, std::size_t count) {
    if (at + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = at; i < at + count; ++i) {
        if (!is_digit(text[i])) return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

// Where the date ends, as _find_isoformat_datetime_separator decides.
std::optional<std::size_t> date_length(std::string_view text) {
    if (text.size() == 7) return 7;
    if (text[4] == '-') {
        if (text[5] != 'W') return 10;
        if (text.size() > 8 && text[8] == '-') {
            if (text.size() == 9) return std::nullopt;
            if (text.size() > 10 && is_digit(text[10])) return 8;
            return 10;
        }
        return 8;
    }
    if (text[4] == 'W') {
        std::size_t end = 7;
        while (end < text.size() && is_digit(text[end])) ++end;
        if (end < 9) return end;
        return end % 2 == 0 ? 7 : 8;
    }
    return 8;
}

std::optional<CivilDate> parse_date(std::string_view text) {
    if (text.size() != 7 && text.size() != 8 && text.size() != 10) return std::nullopt;
    auto year = number(text, 0, 4);
    if (!year || *year < 1) return std::nullopt;
    bool separated = text[4] == '-';
    std::size_t at = separated ? 5 : 4;
    if (at < text.size() && text[at] == 'W') {
        ++at;
        auto week = number(text, at, 2);
        if (!week) return std::nullopt;
        at += 2;
        int weekday = 1;
        if (at < text.size()) {
            if ((text[at] == '-') != separated) return std::nullopt;
            at += separated ? 1 : 0;
            auto day = number(text, at, 1);
            if (!day || at + 1 != text.size()) return std::nullopt;
            weekday = *day;
        }
        CivilDate date = date_from_iso_week(*year, *week, weekday);
        if (!is_valid_date(date)) return std::nullopt;
        return date;
    }
    auto month = number(text, at, 2);
    if (!month) return std::nullopt;
    at += 2;
    if ((at < text.size() && text[at] == '-') != separated) return std::nullopt;
    at += separated ? 1 : 0;
    auto day = number(text, at, 2);
    if (!day || at + 2 != text.size()) return std::nullopt;
    CivilDate date{*year, *month, *day};
    if (!is_valid_date(date)) return std::nullopt;
    return date;
}

struct TimeParts {
    int parts[4] = {0, 0, 0, 0};  // hour, minute, second, microsecond
};

// HH[:?MM[:?SS[{.,}fff[fff]]]]
std::optional<TimeParts> parse_hh_mm_ss_ff(std::string_view text) {
    TimeParts result;
    std::size_t at = 0;
    bool separated = false;
    for (int component = 0; component < 3; ++component) {
        auto value = number(text, at, 2);
        if (!value) return std::nullopt;
        result.parts[component] = *value;
        at += 2;
        char next = at < text.size() ? text[at] : '\0';
        if (component == 0) separated = next == ':';
        if (next == '\0' || component >= 2) break;
        if (separated && next != ':') return std::nullopt;
        at += separated ? 1 : 0;
    }
    if (at < text.size()) {
        if (text[at] != '.' && text[at] != ',') return std::nullopt;
        ++at;
        std::size_t remainder = text.size() - at;
        if (remainder == 0) return std::nullopt;
        std::size_t parsed = remainder >= 6 ? 6 : remainder;
        auto micro = number(text, at, parsed);
        if (!micro) return std::nullopt;
        int value = *micro;
        for (std::size_t i = parsed; i < 6; ++i) value *= 10;
        for (std::size_t i = at + parsed; i < text.size(); ++i) {
            if (!is_digit(text[i])) return std::nullopt;
        }
        result.parts[3] = value;
    }
    return result;
}

bool parse_time(std::string_view text, IsoDateTime& result) {
    if (text.size() < 2) return false;
    std::size_t offset_at = std::string_view::npos;
    for (char sign : {'-', '+', 'Z'}) {
        offset_at = text.find(sign);
        if (offset_at != std::string_view::npos) break;
    }
    std::string_view time = offset_at == std::string_view::npos ? text : text.substr(0, offset_at);
    auto parts = parse_hh_mm_ss_ff(time);
    if (!parts) return false;
    result.hour = parts->parts[0];
    result.minute = parts->parts[1];
    result.second = parts->parts[2];
    result.microsecond = parts->parts[3];
    if (offset_at == std::string_view::npos) return true;
    if (offset_at + 1 == text.size() && text.back() == 'Z') {
        result.has_offset = true;
        return true;
    }
    std::string_view zone = text.substr(offset_at + 1);
    if (zone.size() == 0 || zone.size() == 1 || zone.size() == 3 || text[offset_at] == 'Z') return false;
    auto offset = parse_hh_mm_ss_ff(zone);
    if (!offset) return false;
    int seconds = offset->parts[0] * 3600 + offset->parts[1] * 60 + offset->parts[2];
    // timezone() takes offsets strictly within a day.
    if (seconds >= 86400) return false;
    result.has_offset = true;
    result.offset_seconds = text[offset_at] == '-' ? -seconds : seconds;
    return true;
}

}  // namespace

std::int64_t IsoDateTime::epoch_seconds() const {
    return days_from_civil(date) * 86400 + hour * 3600 + minute * 60 + second - offset_seconds;
}

std::optional<IsoDateTime> parse_isoformat(std::string_view text) {
    if (text.size() < 7) return std::nullopt;
    for (std::size_t i = 0; i < 4; ++i) {
        if (!is_digit(text[i])) return std::nullopt;
    }
    auto length = date_length(text);
    if (!length || *length > text.size()) return std::nullopt;
    auto date = parse_date(text.substr(0, *length));
    if (!date) return std::nullopt;
    IsoDateTime result;
    result.date = *date;
    std::string_view time = *length + 1 <= text.size() ? text.substr(*length + 1) : std::string_view{};
    if (time.empty()) return result;
    if (!parse_time(time, result)) return std::nullopt;
    result.has_time = true;
    // datetime() range checks (hour 24 is only accepted by newer Pythons as
    // 24:00:00 meaning the next midnight; read it as that).
    if (result.hour == 24 && result.minute == 0 && result.second == 0 && result.microsecond == 0) {
        result.date = civil_from_days(days_from_civil(result.date) + 1);
        result.hour = 0;
    }
    if (result.hour > 23 || result.minute > 59 || result.second > 59) return std::nullopt;
    return result;
}

}  // namespace pysec::python
