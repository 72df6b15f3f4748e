#pragma once
// Plain-text helpers shared by parsers and reports: line index, UTF-8 checks.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.hpp"

namespace pysec {

// Maps byte offsets of a text to 1-based line/column positions and back.
// Built once per file; lookups are a binary search plus a scan of one line.
class LineIndex {
public:
    LineIndex() = default;
    explicit LineIndex(std::string_view text);

    Position position(std::size_t offset) const;
    std::size_t offset(Position position) const;
    std::size_t line_count() const { return starts_.size(); }
    // The line's text without its line terminator ("\n" or "\r\n").
    std::string_view line(std::uint32_t line_number) const;
    std::size_t line_start(std::uint32_t line_number) const;

private:
    std::string_view text_;
    std::vector<std::size_t> starts_;
};

// Byte offset of the first byte that is not part of valid UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or nullopt.
std::optional<std::size_t> find_invalid_utf8(std::string_view text);

// Number of code points in valid UTF-8 text (continuation bytes are not counted).
std::size_t count_code_points(std::string_view text);

std::string_view trim(std::string_view text);
bool starts_with_icase(std::string_view text, std::string_view prefix);
std::string to_lower(std::string_view text);
// Collapses every run of whitespace into one space and trims the ends.
std::string collapse_whitespace(std::string_view text);

}  // namespace pysec
