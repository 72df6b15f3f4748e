#include "rules/dependabot/renovate_duration.hpp"

#include <array>
#include <charconv>
#include <string>
#include <vector>

#include "core/text.hpp"

namespace pysec {
namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// `time.split(/(.*?[a-z]+)/)`, trimmed, empty pieces dropped.
std::vector<std::string_view> split_pieces(std::string_view text) {
    std::vector<std::string_view> pieces;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t letter = start;
        while (letter < text.size() && !is_lower(text[letter])) ++letter;
        std::size_t end = letter;
        while (end < text.size() && is_lower(text[end])) ++end;
        std::string_view piece = trim(text.substr(start, end - start));
        if (!piece.empty()) pieces.push_back(piece);
        start = end;
    }
    return pieces;
}

constexpr double minute = 1.0 / (24 * 60);

struct Unit {
    std::string_view name;
    double days;
};

constexpr std::array units = {
    Unit{"years", 365.25}, Unit{"year", 365.25}, Unit{"yrs", 365.25}, Unit{"yr", 365.25}, Unit{"y", 365.25},
    Unit{"weeks", 7}, Unit{"week", 7}, Unit{"w", 7},
    Unit{"days", 1}, Unit{"day", 1}, Unit{"d", 1},
    Unit{"hours", 1.0 / 24}, Unit{"hour", 1.0 / 24}, Unit{"hrs", 1.0 / 24}, Unit{"hr", 1.0 / 24}, Unit{"h", 1.0 / 24},
    Unit{"minutes", minute}, Unit{"minute", minute}, Unit{"mins", minute}, Unit{"min", minute}, Unit{"m", minute},
    Unit{"seconds", minute / 60}, Unit{"second", minute / 60}, Unit{"secs", minute / 60}, Unit{"sec", minute / 60},
    Unit{"s", minute / 60},
    Unit{"milliseconds", minute / 60000}, Unit{"millisecond", minute / 60000}, Unit{"msecs", minute / 60000},
    Unit{"msec", minute / 60000}, Unit{"ms", minute / 60000},
};

// The `ms` package: /^(-?(?:\d+)?\.?\d+) *(unit)?$/i, at most 100 characters.
std::optional<double> ms_days(std::string_view piece) {
    if (piece.size() > 100) return std::nullopt;
    std::size_t at = 0;
    if (at < piece.size() && piece[at] == '-') ++at;
    std::size_t number_begin = at;
    while (at < piece.size() && is_digit(piece[at])) ++at;
    if (at < piece.size() && piece[at] == '.') ++at;
    std::size_t fraction_begin = at;
    while (at < piece.size() && is_digit(piece[at])) ++at;
    // The last part must be digits: "5." is not a number, ".5" and "5" are.
    if (at == fraction_begin && !(fraction_begin > number_begin && piece[fraction_begin - 1] != '.')) {
        return std::nullopt;
    }
    double number = 0;
    std::string digits(piece.substr(0, at));
    auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), number);
    if (parsed.ec != std::errc{} || parsed.ptr != digits.data() + digits.size()) return std::nullopt;
    while (at < piece.size() && piece[at] == ' ') ++at;
    std::string unit = to_lower(piece.substr(at));
    if (unit.empty()) return number * minute / 60000;
    for (const Unit& candidate : units) {
        if (candidate.name == unit) return number * candidate.days;
    }
    return std::nullopt;
}

// "N months" or "N M" is N * 30 days (Renovate's own addition to `ms`).
std::optional<double> months_days(std::string_view piece) {
    std::size_t at = 0;
    while (at < piece.size() && is_digit(piece[at])) ++at;
    if (at == 0) return std::nullopt;
    std::size_t digits_end = at;
    while (at < piece.size() && (piece[at] == ' ' || piece[at] == '\t')) ++at;
    std::string_view unit = piece.substr(at);
    if (unit != "month" && unit != "months" && unit != "M") return std::nullopt;
    double months = 0;
    std::string digits(piece.substr(0, digits_end));
    std::from_chars(digits.data(), digits.data() + digits.size(), months);
    return months * 30;
}

}  // namespace

std::optional<double> renovate_duration_days(std::string_view text) {
    std::vector<std::string_view> pieces = split_pieces(text);
    if (pieces.empty()) return std::nullopt;
    double total = 0;
    for (std::string_view piece : pieces) {
        auto days = months_days(piece);
        if (!days) days = ms_days(piece);
        if (!days) return std::nullopt;
        total += *days;
    }
    return total;
}

}  // namespace pysec
