#include "python/python_text.hpp"

#include <iterator>
#include <utility>

namespace pysec::python {

namespace {

bool is_continuation(unsigned char byte) { return (byte & 0xC0) == 0x80; }

bool in_ranges(char32_t c, const std::pair<char32_t, char32_t>* ranges, std::size_t count) {
    for (std::size_t i = 0; i < count; ++i) {
        if (c >= ranges[i].first && c <= ranges[i].second) return true;
    }
    return false;
}

// Non-ASCII characters that Python's `\w` does not match, as far as a requirement
// string is likely to contain them: Latin-1 punctuation and symbols, general
// punctuation, arrows and technical symbols, box drawing and dingbats, CJK and
// full-width punctuation, emoji.
constexpr std::pair<char32_t, char32_t> non_word_ranges[] = {
    {0x80, 0xA9},       {0xAB, 0xB1},       {0xB4, 0xB4},       {0xB6, 0xB8},
    {0xBB, 0xBB},       {0xBF, 0xBF},       {0xD7, 0xD7},       {0xF7, 0xF7},
    {0x2000, 0x206F},   {0x20A0, 0x20CF},   {0x2190, 0x23FF},   {0x2500, 0x2775},
    {0x2794, 0x27BF},   {0x2E00, 0x2E2E},   {0x2E30, 0x2E7F},   {0x3000, 0x3004},
    {0x3008, 0x3020},   {0xFE30, 0xFE4F},   {0xFF01, 0xFF0F},   {0xFF1A, 0xFF20},
    {0xFF3B, 0xFF40},   {0xFF5B, 0xFF65},   {0x1F000, 0x1F0FF}, {0x1F10D, 0x1FAFF},
};

// Characters that repr() escapes because str.isprintable() is false for them
// (controls, format characters, separators, surrogates, private use), as far as
// they are likely to appear; repr() of anything else is the character itself.
constexpr std::pair<char32_t, char32_t> non_printable_ranges[] = {
    {0x80, 0xA0},       {0xAD, 0xAD},       {0x600, 0x605},     {0x61C, 0x61C},
    {0x6DD, 0x6DD},     {0x70F, 0x70F},     {0x180E, 0x180E},   {0x1680, 0x1680},
    {0x2000, 0x200F},   {0x2028, 0x202F},   {0x205F, 0x206F},   {0x3000, 0x3000},
    {0xD800, 0xF8FF},   {0xFEFF, 0xFEFF},   {0xFFF9, 0xFFFB},   {0xFFFE, 0xFFFF},
    {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xF0000, 0x10FFFF},
};

void append_escape(std::string& out, char32_t c) {
    static constexpr char hex[] = "0123456789abcdef";
    int digits = 8;
    if (c < 0x100) {
        out += "\\x";
        digits = 2;
    } else if (c < 0x10000) {
        out += "\\u";
        digits = 4;
    } else {
        out += "\\U";
    }
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += hex[(c >> shift) & 0xF];
}

}  // namespace

DecodedChar decode_utf8(std::string_view text, std::size_t offset) {
    auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    unsigned char lead = byte(offset);
    if (lead < 0x80) return {lead, 1, true};
    std::size_t length = 0;
    char32_t value = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, value = lead & 0x1F, minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, value = lead & 0x0F, minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, value = lead & 0x07, minimum = 0x10000;
    } else {
        return {lead, 1, false};
    }
    if (offset + length > text.size()) return {lead, 1, false};
    for (std::size_t i = 1; i < length; ++i) {
        if (!is_continuation(byte(offset + i))) return {lead, 1, false};
        value = (value << 6) | (byte(offset + i) & 0x3F);
    }
    // Surrogates are accepted: Python strings can hold them, and a marker's
    // "\ud800" escape produces one.
    if (value < minimum || value > 0x10FFFF) return {lead, 1, false};
    return {value, length, true};
}

void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

bool is_python_whitespace(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
           c == 0x202F || c == 0x205F || c == 0x3000;
}

bool is_python_word_char(char32_t c) {
    if (c < 0x80) return c == '_' || is_ascii_alnum(static_cast<char>(c));
    if (is_python_whitespace(c)) return false;
    return !in_ranges(c, non_word_ranges, std::size(non_word_ranges));
}

std::size_t skip_python_whitespace(std::string_view text, std::size_t offset) {
    while (offset < text.size()) {
        DecodedChar decoded = decode_utf8(text, offset);
        if (!decoded.valid || !is_python_whitespace(decoded.code_point)) break;
        offset += decoded.length;
    }
    return offset;
}

std::string_view strip_python_whitespace(std::string_view text) {
    std::size_t begin = skip_python_whitespace(text, 0);
    std::size_t end = begin;
    for (std::size_t offset = begin; offset < text.size();) {
        DecodedChar decoded = decode_utf8(text, offset);
        offset += decoded.length;
        if (!decoded.valid || !is_python_whitespace(decoded.code_point)) end = offset;
    }
    return text.substr(begin, end - begin);
}

std::size_t code_point_index(std::string_view text, std::size_t byte_offset) {
    std::size_t count = 0;
    for (std::size_t offset = 0; offset < byte_offset && offset < text.size(); ++count) {
        offset += decode_utf8(text, offset).length;
    }
    return count;
}

std::string ascii_lower(std::string_view text) {
    std::string lower(text);
    for (char& c : lower) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return lower;
}

bool equals_ascii_icase(std::string_view a, std::string_view b) {
    return a.size() == b.size() && starts_with_ascii_icase(a, b);
}

bool starts_with_ascii_icase(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char a = text[i];
        char b = prefix[i];
        if (a >= 'A' && a <= 'Z') a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z') b = static_cast<char>(b - 'A' + 'a');
        if (a != b) return false;
    }
    return true;
}

std::string python_repr(std::string_view text) {
    bool has_single = text.find('\'') != std::string_view::npos;
    bool has_double = text.find('"') != std::string_view::npos;
    char quote = has_single && !has_double ? '"' : '\'';
    std::string out(1, quote);
    for (std::size_t offset = 0; offset < text.size();) {
        DecodedChar decoded = decode_utf8(text, offset);
        offset += decoded.length;
        char32_t c = decoded.code_point;
        if (!decoded.valid) {
            append_escape(out, c);
        } else if (c == '\\' || c == static_cast<char32_t>(quote)) {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\t') {
            out += "\\t";
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\r') {
            out += "\\r";
        } else if (c < 0x20 || c == 0x7F ||
                   in_ranges(c, non_printable_ranges, std::size(non_printable_ranges))) {
            append_escape(out, c);
        } else {
            append_utf8(out, c);
        }
    }
    out += quote;
    return out;
}

}  // namespace pysec::python
