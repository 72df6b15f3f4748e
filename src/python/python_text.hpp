#pragma once
// The few rules of Python's `str` that packaging's grammar depends on, applied
// to UTF-8 text: what `\s` and `\w` match, str.strip(), repr(), and counting
// positions in code points (packaging reports error spans as str indices).

#include <cstddef>
#include <string>
#include <string_view>

namespace pysec::python {

struct DecodedChar {
    char32_t code_point = 0;
    std::size_t length = 1;  // bytes; an invalid or truncated sequence decodes as one byte
    bool valid = true;
};

// Decodes the character starting at `offset` (which must be < text.size()).
DecodedChar decode_utf8(std::string_view text, std::size_t offset);
void append_utf8(std::string& out, char32_t code_point);

// Python's `\s` / str.isspace(): ASCII whitespace, U+001C..U+001F and the Unicode spaces.
bool is_python_whitespace(char32_t code_point);
// Python's `\w` for ASCII; other characters count as word characters unless they are
// whitespace or common punctuation (an approximation: it only decides which error a
// malformed requirement reports, never whether it is valid).
bool is_python_word_char(char32_t code_point);

// Offset of the first character at or after `offset` that is not Python whitespace.
std::size_t skip_python_whitespace(std::string_view text, std::size_t offset);
// str.strip() with no arguments.
std::string_view strip_python_whitespace(std::string_view text);

// Number of characters in text[0, byte_offset): the position packaging reports.
std::size_t code_point_index(std::string_view text, std::size_t byte_offset);

std::string ascii_lower(std::string_view text);
bool equals_ascii_icase(std::string_view a, std::string_view b);
bool starts_with_ascii_icase(std::string_view text, std::string_view prefix);
inline bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alnum(char c) {
    return is_ascii_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// repr() of a str, as it appears in packaging's messages ("Invalid version: '1.0+'").
std::string python_repr(std::string_view text);

}  // namespace pysec::python
