#include "model/duration_span.hpp"

#include <array>
#include <utility>

namespace pysec {
namespace {

// Units from largest to smallest; the index orders them.
enum class Unit : int { Year, Month, Week, Day, Hour, Minute, Second, Millisecond, Microsecond, Nanosecond };

constexpr const char* unit_name(Unit unit) {
    constexpr std::array names = {"years", "months", "weeks", "days", "hours", "minutes", "seconds",
                                  "milliseconds", "microseconds", "nanoseconds"};
    return names[static_cast<std::size_t>(unit)];
}

// jiff's limits for each unit of a Span (about 20,000 years of each).
constexpr std::int64_t unit_limit(Unit unit) {
    constexpr std::array<std::int64_t, 10> limits = {19'998,
                                                     239'976,
                                                     1'043'497,
                                                     7'304'484,
                                                     175'307'616,
                                                     10'518'456'960,
                                                     631'107'417'600,
                                                     631'107'417'600'000,
                                                     631'107'417'600'000'000,
                                                     INT64_MAX};
    return limits[static_cast<std::size_t>(unit)];
}

constexpr std::int64_t nanoseconds_per(Unit unit) {
    switch (unit) {
        case Unit::Hour: return 3'600'000'000'000;
        case Unit::Minute: return 60'000'000'000;
        case Unit::Second: return 1'000'000'000;
        case Unit::Millisecond: return 1'000'000;
        case Unit::Microsecond: return 1'000;
        case Unit::Nanosecond: return 1;
        default: return 0;  // fractions of days and larger are not allowed
    }
}

// The friendly labels; among those that match, the longest wins.
constexpr std::pair<std::string_view, Unit> friendly_labels[] = {
    {"years", Unit::Year},           {"year", Unit::Year},
    {"yrs", Unit::Year},             {"yr", Unit::Year},
    {"y", Unit::Year},               {"months", Unit::Month},
    {"month", Unit::Month},          {"mos", Unit::Month},
    {"mo", Unit::Month},             {"weeks", Unit::Week},
    {"week", Unit::Week},            {"wks", Unit::Week},
    {"wk", Unit::Week},              {"w", Unit::Week},
    {"days", Unit::Day},             {"day", Unit::Day},
    {"d", Unit::Day},                {"hours", Unit::Hour},
    {"hour", Unit::Hour},            {"hrs", Unit::Hour},
    {"hr", Unit::Hour},              {"h", Unit::Hour},
    {"minutes", Unit::Minute},       {"minute", Unit::Minute},
    {"mins", Unit::Minute},          {"min", Unit::Minute},
    {"m", Unit::Minute},             {"seconds", Unit::Second},
    {"second", Unit::Second},        {"secs", Unit::Second},
    {"sec", Unit::Second},           {"s", Unit::Second},
    {"milliseconds", Unit::Millisecond}, {"millisecond", Unit::Millisecond},
    {"millis", Unit::Millisecond},   {"milli", Unit::Millisecond},
    {"msecs", Unit::Millisecond},    {"msec", Unit::Millisecond},
    {"ms", Unit::Millisecond},       {"microseconds", Unit::Microsecond},
    {"microsecond", Unit::Microsecond}, {"micros", Unit::Microsecond},
    {"micro", Unit::Microsecond},    {"usecs", Unit::Microsecond},
    {"usec", Unit::Microsecond},     {"\xC2\xB5secs", Unit::Microsecond},
    {"\xC2\xB5sec", Unit::Microsecond}, {"us", Unit::Microsecond},
    {"\xC2\xB5s", Unit::Microsecond}, {"nanoseconds", Unit::Nanosecond},
    {"nanosecond", Unit::Nanosecond}, {"nanos", Unit::Nanosecond},
    {"nano", Unit::Nanosecond},      {"nsecs", Unit::Nanosecond},
    {"nsec", Unit::Nanosecond},      {"ns", Unit::Nanosecond},
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

class SpanBuilder {
public:
    std::string set(Unit unit, std::int64_t value) {
        if (value > unit_limit(unit)) return std::string("too many ") + unit_name(unit) + " for a duration";
        switch (unit) {
            case Unit::Year: span_.years = value; break;
            case Unit::Month: span_.months = value; break;
            case Unit::Week: span_.weeks = value; break;
            case Unit::Day: span_.days = value; break;
            case Unit::Hour: span_.hours = value; break;
            case Unit::Minute: span_.minutes = value; break;
            case Unit::Second: span_.seconds = value; break;
            default: {
                std::int64_t nanos = nanoseconds_per(unit);
                if (value > INT64_MAX / nanos - span_.nanoseconds / nanos) return "duration too large";
                span_.nanoseconds += value * nanos;
            }
        }
        return {};
    }
    // `value.fraction` of `unit` (hours or smaller only).
    std::string set_fraction(Unit unit, std::int64_t value, std::int64_t fraction_nanos) {
        if (nanoseconds_per(unit) == 0) {
            return std::string("a fraction is only allowed on hours or smaller units, not on ") + unit_name(unit);
        }
        if (std::string error = set(unit, value); !error.empty()) return error;
        // fraction_nanos is the fraction scaled to 1e9.
        long double extra = static_cast<long double>(fraction_nanos) / 1e9L * nanoseconds_per(unit);
        span_.nanoseconds += static_cast<std::int64_t>(extra);
        return {};
    }
    DurationSpan& span() { return span_; }

private:
    DurationSpan span_;
};

// Digits as an integer (saturating far above every limit), or nullopt.
std::optional<std::int64_t> read_integer(std::string_view text, std::size_t& at) {
    if (at >= text.size() || !is_digit(text[at])) return std::nullopt;
    std::int64_t value = 0;
    while (at < text.size() && is_digit(text[at])) {
        if (value < INT64_MAX / 10 - 10) value = value * 10 + (text[at] - '0');
        ++at;
    }
    return value;
}

// `.123` or `,123` (1 to 9 digits), scaled to nanoseconds of one unit.
std::optional<std::int64_t> read_fraction(std::string_view text, std::size_t& at, std::string& error) {
    if (at >= text.size() || (text[at] != '.' && text[at] != ',')) return std::nullopt;
    std::size_t start = ++at;
    std::int64_t value = 0;
    while (at < text.size() && is_digit(text[at])) {
        if (at - start == 9) {
            error = "a fraction has at most 9 digits";
            return std::nullopt;
        }
        value = value * 10 + (text[at] - '0');
        ++at;
    }
    if (at == start) {
        error = "expected digits after the decimal separator";
        return std::nullopt;
    }
    for (std::size_t digits = at - start; digits < 9; ++digits) value *= 10;
    return value;
}

std::optional<Unit> iso_unit(char designator, bool time_part) {
    switch (designator) {
        case 'Y': case 'y': return time_part ? std::nullopt : std::optional(Unit::Year);
        case 'W': case 'w': return time_part ? std::nullopt : std::optional(Unit::Week);
        case 'D': case 'd': return time_part ? std::nullopt : std::optional(Unit::Day);
        case 'M': case 'm': return time_part ? Unit::Minute : Unit::Month;
        case 'H': case 'h': return time_part ? std::optional(Unit::Hour) : std::nullopt;
        case 'S': case 's': return time_part ? std::optional(Unit::Second) : std::nullopt;
        default: return std::nullopt;
    }
}

DurationParse fail(std::string message) { return DurationParse{std::nullopt, std::move(message)}; }

DurationParse parse_iso8601(std::string_view text, bool negative, std::size_t at) {
    SpanBuilder builder;
    ++at;  // the `P`
    bool time_part = false;
    bool any = false;
    bool any_in_time = false;
    std::optional<Unit> previous;
    while (at < text.size()) {
        if (!time_part && (text[at] == 'T' || text[at] == 't')) {
            time_part = true;
            ++at;
            continue;
        }
        auto value = read_integer(text, at);
        if (!value) return fail("expected a number followed by a unit designator in the ISO 8601 duration");
        std::string error;
        auto fraction = read_fraction(text, at, error);
        if (!error.empty()) return fail(error);
        if (at >= text.size()) return fail("expected a unit designator after the number");
        auto unit = iso_unit(text[at], time_part);
        if (!unit) return fail(std::string("unexpected designator `") + text[at] + "` in the ISO 8601 duration");
        ++at;
        if (previous && *previous >= *unit) return fail("ISO 8601 duration units must go from largest to smallest");
        previous = unit;
        error = fraction ? builder.set_fraction(*unit, *value, *fraction) : builder.set(*unit, *value);
        if (!error.empty()) return fail(error);
        any = true;
        any_in_time = any_in_time || time_part;
        if (fraction && at < text.size()) return fail("only the smallest unit may have a fraction");
    }
    if (!any) return fail("an ISO 8601 duration needs at least one unit");
    if (time_part && !any_in_time) return fail("expected hours, minutes or seconds after `T`");
    builder.span().negative = negative;
    builder.span().iso8601 = true;
    return DurationParse{builder.span(), {}};
}

// The longest friendly label at `at`.
std::optional<std::pair<Unit, std::size_t>> friendly_label(std::string_view text, std::size_t at) {
    std::optional<std::pair<Unit, std::size_t>> best;
    for (const auto& [label, unit] : friendly_labels) {
        if (text.substr(at).starts_with(label) && (!best || label.size() > best->second)) {
            best = std::pair{unit, label.size()};
        }
    }
    return best;
}

DurationParse parse_friendly(std::string_view text, std::optional<bool> prefix_negative, std::size_t at) {
    SpanBuilder builder;
    auto value = read_integer(text, at);
    if (!value) return fail("expected the duration to start with a number after an optional sign");
    std::optional<Unit> previous;
    bool unit_after_comma = true;
    while (true) {
        if (at < text.size() && text[at] == ':') {
            // HH:MM:SS[.fraction] in place of hours, minutes and seconds.
            if (previous && *previous >= Unit::Hour) {
                return fail("`HH:MM:SS` may only follow years, months, weeks or days");
            }
            ++at;
            auto minutes = read_integer(text, at);
            if (!minutes || at >= text.size() || text[at] != ':') return fail("expected `HH:MM:SS`");
            ++at;
            auto seconds = read_integer(text, at);
            if (!seconds) return fail("expected `HH:MM:SS`");
            std::string error;
            auto fraction = read_fraction(text, at, error);
            if (!error.empty()) return fail(error);
            for (std::string e : {builder.set(Unit::Hour, *value), builder.set(Unit::Minute, *minutes),
                                  fraction ? builder.set_fraction(Unit::Second, *seconds, *fraction)
                                           : builder.set(Unit::Second, *seconds)}) {
                if (!e.empty()) return fail(e);
            }
            unit_after_comma = true;
            break;
        }
        std::string error;
        auto fraction = read_fraction(text, at, error);
        if (!error.empty()) return fail(error);
        while (at < text.size() && is_space(text[at])) ++at;
        auto label = friendly_label(text, at);
        if (!label) return fail("expected a unit (such as `days` or `hours`) after the number");
        at += label->second;
        Unit unit = label->first;
        if (at < text.size() && text[at] == ',') {
            ++at;
            if (at >= text.size() || !is_space(text[at])) return fail("expected whitespace after a comma");
            unit_after_comma = false;
        }
        if (previous && *previous >= unit) {
            return fail(std::string("unit ") + unit_name(unit) +
                        " written after a smaller or equal unit; units go from largest to smallest, once each");
        }
        previous = unit;
        error = fraction ? builder.set_fraction(unit, *value, *fraction) : builder.set(unit, *value);
        if (!error.empty()) return fail(error);
        if (fraction) break;
        std::size_t after_space = at;
        while (after_space < text.size() && is_space(text[after_space])) ++after_space;
        auto next = read_integer(text, after_space);
        if (!next) break;
        value = next;
        at = after_space;
        unit_after_comma = true;
    }
    if (!unit_after_comma) return fail("a comma must be followed by another unit");
    bool negative = prefix_negative.value_or(false);
    if (at < text.size() && is_space(text[at])) {
        std::size_t after_space = at;
        while (after_space < text.size() && is_space(text[after_space])) ++after_space;
        if (text.substr(after_space).starts_with("ago")) {
            if (prefix_negative) return fail("a duration takes a sign or `ago`, not both");
            negative = true;
            at = after_space + 3;
        }
    }
    if (at != text.size()) return fail("unexpected text `" + std::string(text.substr(at)) + "` after the duration");
    builder.span().negative = negative;
    return DurationParse{builder.span(), {}};
}

}  // namespace

double DurationSpan::total_seconds() const {
    return static_cast<double>(weeks) * 7 * 86400 + static_cast<double>(days) * 86400 +
           static_cast<double>(hours) * 3600 + static_cast<double>(minutes) * 60 + static_cast<double>(seconds) +
           static_cast<double>(nanoseconds) / 1e9;
}

DurationParse parse_duration_span(std::string_view text) {
    if (text.empty()) return fail("an empty string is not a duration");
    std::size_t at = 0;
    std::optional<bool> negative;
    if (text[0] == '+' || text[0] == '-') {
        negative = text[0] == '-';
        at = 1;
    }
    if (at < text.size() && (text[at] == 'P' || text[at] == 'p')) return parse_iso8601(text, negative.value_or(false), at);
    return parse_friendly(text, negative, at);
}

}  // namespace pysec
