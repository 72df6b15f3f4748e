#include "model/exclude_newer.hpp"

#include <cmath>

#include "model/temporal_datetime.hpp"

namespace pysec {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// uv's own classification of a value it cannot read (format_exclude_newer_error).
std::string rejection(std::string_view text, const std::string& span_error) {
    std::string_view trimmed = text;
    while (!trimmed.empty() && (trimmed.front() == ' ' || trimmed.front() == '\t')) trimmed.remove_prefix(1);
    while (!trimmed.empty() && (trimmed.front() == '+' || trimmed.front() == '-')) trimmed.remove_prefix(1);
    if (!trimmed.empty() && (trimmed.front() == 'P' || trimmed.front() == 'p')) {
        return "not an ISO 8601 duration uv can read (" + span_error + ")";
    }
    std::size_t at = 0;
    while (at < trimmed.size() && (trimmed[at] == ' ' || trimmed[at] == '\t')) ++at;
    if (at < trimmed.size() && is_digit(trimmed[at])) {
        std::size_t digits_end = at;
        while (digits_end < trimmed.size() && is_digit(trimmed[digits_end])) ++digits_end;
        std::size_t after = digits_end;
        while (after < trimmed.size() && (trimmed[after] == ' ' || trimmed[after] == '\t')) ++after;
        bool letter = after < trimmed.size() && ((trimmed[after] >= 'a' && trimmed[after] <= 'z') ||
                                                 (trimmed[after] >= 'A' && trimmed[after] <= 'Z'));
        if (letter) return "not a duration uv can read (" + span_error + ")";
        if (digits_end - at == 4 && digits_end < trimmed.size() && trimmed[digits_end] == '-') {
            return "not a valid date or timestamp";
        }
    }
    return "neither a date (`2026-01-01`), a timestamp (`2026-01-01T00:00:00Z`) nor a duration (`7 days`, `P7D`)";
}

ExcludeNewerReading rejected(std::string error) {
    ExcludeNewerReading reading;
    reading.kind = ExcludeNewerReading::Kind::Rejected;
    reading.error = std::move(error);
    return reading;
}

}  // namespace

double ExcludeNewerReading::duration_seconds() const { return std::fabs(span.total_seconds()); }

ExcludeNewerReading read_exclude_newer(std::string_view text) {
    ExcludeNewerReading reading;
    if (auto datetime = parse_temporal_datetime(text)) {
        if (datetime->is_timestamp()) {
            reading.kind = ExcludeNewerReading::Kind::Timestamp;
            reading.epoch_seconds = datetime->epoch_seconds();
            return reading;
        }
        if (datetime->is_civil()) {
            reading.kind = ExcludeNewerReading::Kind::LocalDate;
            reading.date = datetime->date;
            reading.time_dropped = datetime->has_time;
            return reading;
        }
    }
    DurationParse parsed = parse_duration_span(text);
    if (!parsed.span) return rejected(rejection(text, parsed.error));
    const DurationSpan& span = *parsed.span;
    if (span.years != 0) return rejected("a duration in years, which uv does not allow (write days)");
    if (span.months != 0) return rejected("a duration in months, which uv does not allow (write days)");
    // uv subtracts the span from now; it must stay within jiff's range (year -9999).
    if (std::fabs(span.total_seconds()) > 600'000'000'000.0) {
        return rejected("a duration too large to subtract from the current time");
    }
    reading.kind = ExcludeNewerReading::Kind::Duration;
    reading.span = span;
    return reading;
}

ExcludeNewerReading read_exclude_newer(const Node& value, bool allow_false) {
    if (value.is_mapping()) {
        // The table form uv writes: a timestamp, made relative by a span.
        const Node* timestamp = value.get("timestamp");
        auto text = timestamp ? timestamp->text() : std::nullopt;
        if (!text || (timestamp->type != ScalarType::String && timestamp->type != ScalarType::Untyped)) {
            return rejected("a table without a `timestamp` string");
        }
        auto datetime = parse_temporal_datetime(*text);
        if (!datetime || !datetime->is_timestamp()) return rejected("a table whose `timestamp` is not an RFC 3339 timestamp");
        ExcludeNewerReading reading;
        reading.kind = ExcludeNewerReading::Kind::Timestamp;
        reading.epoch_seconds = datetime->epoch_seconds();
        if (const Node* span = value.get("span")) {
            auto span_text = span->text();
            DurationParse parsed = span_text ? parse_duration_span(*span_text) : DurationParse{};
            if (!parsed.span) return rejected("a table whose `span` is not a duration");
            reading.kind = ExcludeNewerReading::Kind::Duration;
            reading.span = *parsed.span;
        }
        return reading;
    }
    if (!value.is_scalar()) return rejected("not a string");
    switch (value.type) {
        case ScalarType::String:
        case ScalarType::Untyped:
            return read_exclude_newer(value.value);
        case ScalarType::Boolean: break;
        case ScalarType::DateTime: return rejected("an unquoted TOML date-time, which uv does not read (quote it)");
        default: return rejected("a number, not a string");
    }
    // A boolean.
    if (allow_false && value.value == "false") {
        ExcludeNewerReading reading;
        reading.kind = ExcludeNewerReading::Kind::Disabled;
        return reading;
    }
    return rejected(allow_false ? "`true`, but `false` (no cutoff for this package) is the only boolean uv accepts"
                                : "a boolean, not a date, timestamp or duration");
}

}  // namespace pysec
