#include "model/temporal_datetime.hpp"

namespace pysec {
namespace {

class Cursor {
public:
    explicit Cursor(std::string_view text) : text_(text) {}

    bool done() const { return at_ >= text_.size(); }
    char peek(std::size_t ahead = 0) const { return at_ + ahead < text_.size() ? text_[at_ + ahead] : '\0'; }
    bool accept(char c) {
        if (peek() != c) return false;
        ++at_;
        return true;
    }
    bool is_digit(std::size_t ahead = 0) const { return peek(ahead) >= '0' && peek(ahead) <= '9'; }
    // Exactly `count` digits, or nullopt (and nothing consumed).
    std::optional<int> digits(std::size_t count) {
        int value = 0;
        for (std::size_t i = 0; i < count; ++i) {
            if (!is_digit(i)) return std::nullopt;
            value = value * 10 + (peek(i) - '0');
        }
        at_ += count;
        return value;
    }
    std::size_t position() const { return at_; }
    std::string_view rest() const { return text_.substr(at_); }
    void skip(std::size_t count) { at_ += count; }

private:
    std::string_view text_;
    std::size_t at_ = 0;
};

std::optional<int> read_year(Cursor& cursor) {
    if (cursor.peek() == '+' || cursor.peek() == '-') {
        bool negative = cursor.peek() == '-';
        cursor.skip(1);
        auto year = cursor.digits(6);
        if (!year || (negative && *year == 0)) return std::nullopt;  // -000000 is not a year
        return negative ? -*year : *year;
    }
    return cursor.digits(4);
}

std::optional<CivilDate> read_date(Cursor& cursor) {
    auto year = read_year(cursor);
    if (!year || *year < -9999 || *year > 9999) return std::nullopt;
    bool extended = cursor.accept('-');
    auto month = cursor.digits(2);
    if (!month) return std::nullopt;
    if (extended && !cursor.accept('-')) return std::nullopt;
    auto day = cursor.digits(2);
    if (!day) return std::nullopt;
    CivilDate date{*year, *month, *day};
    if (!is_valid_date(date)) return std::nullopt;
    return date;
}

// 1 to 9 digits after `.` or `,`, as nanoseconds.
std::optional<std::uint32_t> read_fraction(Cursor& cursor) {
    if (cursor.peek() != '.' && cursor.peek() != ',') return 0;
    cursor.skip(1);
    std::uint32_t value = 0;
    int count = 0;
    while (cursor.is_digit()) {
        if (count == 9) return std::nullopt;
        value = value * 10 + static_cast<std::uint32_t>(cursor.peek() - '0');
        cursor.skip(1);
        ++count;
    }
    if (count == 0) return std::nullopt;
    for (int i = count; i < 9; ++i) value *= 10;
    return value;
}

bool read_time(Cursor& cursor, TemporalDateTime& result) {
    auto hour = cursor.digits(2);
    if (!hour || *hour > 23) return false;
    result.hour = *hour;
    bool extended = cursor.peek() == ':';
    if (extended ? cursor.is_digit(1) : cursor.is_digit()) {
        if (extended) cursor.skip(1);
        auto minute = cursor.digits(2);
        if (!minute || *minute > 59) return false;
        result.minute = *minute;
        bool more = extended ? cursor.peek() == ':' && cursor.is_digit(1) : cursor.is_digit();
        if (more) {
            if (extended) cursor.skip(1);
            auto second = cursor.digits(2);
            if (!second || *second > 60) return false;
            result.second = *second == 60 ? 59 : *second;
            auto fraction = read_fraction(cursor);
            if (!fraction) return false;
            result.nanosecond = *fraction;
        }
    }
    result.has_time = true;
    return true;
}

bool read_offset(Cursor& cursor, TemporalDateTime& result) {
    if (cursor.accept('Z') || cursor.accept('z')) {
        result.offset = TemporalDateTime::Offset::Zulu;
        return true;
    }
    if (cursor.peek() != '+' && cursor.peek() != '-') return true;
    int sign = cursor.peek() == '-' ? -1 : 1;
    cursor.skip(1);
    auto hours = cursor.digits(2);
    if (!hours || *hours > 25) return false;
    int seconds = *hours * 3600;
    bool extended = cursor.peek() == ':';
    if (extended ? cursor.is_digit(1) : cursor.is_digit()) {
        if (extended) cursor.skip(1);
        auto minutes = cursor.digits(2);
        if (!minutes || *minutes > 59) return false;
        seconds += *minutes * 60;
        if (extended && cursor.peek() == ':' && cursor.is_digit(1)) {
            cursor.skip(1);
            auto secs = cursor.digits(2);
            if (!secs || *secs > 59) return false;
            seconds += *secs;
        }
    }
    result.offset = TemporalDateTime::Offset::Numeric;
    result.offset_seconds = sign * seconds;
    return true;
}

// `[America/New_York]`, `[!u-ca=iso8601]`, `[+05:30]`: kept apart from the
// value and not interpreted (an offset already fixes the instant).
bool read_annotations(Cursor& cursor) {
    while (cursor.accept('[')) {
        std::string_view rest = cursor.rest();
        std::size_t close = rest.find(']');
        if (close == std::string_view::npos || close == 0) return false;
        cursor.skip(close + 1);
    }
    return true;
}

}  // namespace

std::int64_t TemporalDateTime::epoch_seconds() const {
    std::int64_t seconds = days_from_civil(date) * 86400 + hour * 3600 + minute * 60 + second;
    return offset == Offset::Numeric ? seconds - offset_seconds : seconds;
}

std::optional<TemporalDateTime> parse_temporal_datetime(std::string_view text) {
    Cursor cursor(text);
    TemporalDateTime result;
    auto date = read_date(cursor);
    if (!date) return std::nullopt;
    result.date = *date;
    if (cursor.peek() == 'T' || cursor.peek() == 't' || (cursor.peek() == ' ' && cursor.is_digit(1))) {
        cursor.skip(1);
        if (!read_time(cursor, result)) return std::nullopt;
        if (!read_offset(cursor, result)) return std::nullopt;
    }
    if (!read_annotations(cursor) || !cursor.done()) return std::nullopt;
    return result;
}

}  // namespace pysec
