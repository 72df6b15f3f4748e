#include "parse/yaml_scalar_extent.hpp"

#include <string>

#include "parse/parse_error.hpp"

namespace pysec {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }

std::size_t line_end(std::string_view text, std::size_t offset) {
    std::size_t end = text.find('\n', offset);
    if (end == std::string_view::npos) end = text.size();
    if (end > offset && text[end - 1] == '\r') --end;
    return end;
}

std::size_t next_line(std::string_view text, std::size_t offset) {
    std::size_t newline = text.find('\n', offset);
    return newline == std::string_view::npos ? text.size() : newline + 1;
}

std::size_t leading_spaces(std::string_view text, std::size_t line_start) {
    std::size_t position = line_start;
    while (position < text.size() && text[position] == ' ') ++position;
    return position - line_start;
}

std::size_t line_start_of(std::string_view text, std::size_t offset) {
    std::size_t newline = offset == 0 ? std::string_view::npos : text.rfind('\n', offset - 1);
    return newline == std::string_view::npos ? 0 : newline + 1;
}

std::size_t double_quoted_end(std::string_view text, std::size_t begin) {
    for (std::size_t i = begin + 1; i < text.size(); ++i) {
        if (text[i] == '\\') {
            ++i;
        } else if (text[i] == '"') {
            return i + 1;
        }
    }
    throw ParseError("double-quoted string is not closed", begin);
}

std::size_t single_quoted_end(std::string_view text, std::size_t begin) {
    for (std::size_t i = begin + 1; i < text.size(); ++i) {
        if (text[i] != '\'') continue;
        if (i + 1 < text.size() && text[i + 1] == '\'') {
            ++i;  // '' is an escaped quote
            continue;
        }
        return i + 1;
    }
    throw ParseError("single-quoted string is not closed", begin);
}

// A plain scalar's text is its value with line folds: match the value's
// characters against the source, letting any whitespace in the value stand for
// any run of whitespace (including line breaks) in the source.
std::size_t plain_end(std::string_view text, std::size_t begin, std::string_view value) {
    if (text.substr(begin, value.size()) == value) return begin + value.size();
    std::size_t position = begin;
    for (char c : value) {
        if (c == ' ' || c == '\n') {
            while (position < text.size() && (is_blank(text[position]) || is_break(text[position]))) ++position;
            continue;
        }
        if (position >= text.size() || text[position] != c) {
            // Could not follow the value through the source: fall back to the
            // rest of the first line, without a trailing comment.
            std::size_t end = line_end(text, begin);
            std::size_t comment = text.substr(begin, end - begin).find(" #");
            if (comment != std::string_view::npos) end = begin + comment;
            while (end > begin && is_blank(text[end - 1])) --end;
            return end;
        }
        ++position;
    }
    return position;
}

std::size_t block_end(std::string_view text, std::size_t header, std::string_view value) {
    std::size_t header_end = header + 1;
    while (header_end < text.size() && (text[header_end] == '+' || text[header_end] == '-' ||
                                        (text[header_end] >= '1' && text[header_end] <= '9'))) {
        ++header_end;
    }
    if (value.empty()) return header_end;
    BlockScalarLayout layout = yaml_block_layout(text, header);
    std::size_t end = header_end;
    for (std::size_t line = layout.content_begin; line < text.size(); line = next_line(text, line)) {
        std::size_t content_end = line_end(text, line);
        std::size_t spaces = leading_spaces(text, line);
        bool blank = line + spaces >= content_end;
        if (blank) continue;
        if (spaces < layout.indent) break;
        end = content_end;
    }
    return end;
}

}  // namespace

std::size_t skip_properties(std::string_view text, std::size_t offset) {
    while (offset < text.size() && (text[offset] == '&' || text[offset] == '!')) {
        while (offset < text.size() && !is_blank(text[offset]) && !is_break(text[offset])) ++offset;
        while (offset < text.size() && (is_blank(text[offset]) || is_break(text[offset]))) ++offset;
    }
    return offset;
}

BlockScalarLayout yaml_block_layout(std::string_view text, std::size_t header) {
    std::size_t explicit_indent = 0;
    std::size_t position = header + 1;
    while (position < text.size() && !is_break(text[position]) && text[position] != '#' &&
           !is_blank(text[position])) {
        if (text[position] >= '1' && text[position] <= '9') explicit_indent = text[position] - '0';
        ++position;
    }
    std::size_t content_begin = next_line(text, header);
    if (explicit_indent) {
        return {content_begin, leading_spaces(text, line_start_of(text, header)) + explicit_indent};
    }
    // Otherwise the first non-blank content line sets the indentation.
    for (std::size_t line = content_begin; line < text.size(); line = next_line(text, line)) {
        std::size_t spaces = leading_spaces(text, line);
        if (line + spaces < line_end(text, line)) return {content_begin, spaces};
    }
    return {content_begin, 0};
}

YamlScalarExtent yaml_scalar_extent(std::string_view text, std::size_t mark, std::string_view value) {
    std::size_t begin = skip_properties(text, mark);
    if (begin >= text.size()) return {mark, mark, ScalarStyle::Plain};
    switch (text[begin]) {
        case '"': return {begin, double_quoted_end(text, begin), ScalarStyle::DoubleQuoted};
        case '\'': return {begin, single_quoted_end(text, begin), ScalarStyle::SingleQuoted};
        case '|': return {begin, block_end(text, begin, value), ScalarStyle::Literal};
        case '>': return {begin, block_end(text, begin, value), ScalarStyle::Folded};
        default: return {begin, plain_end(text, begin, value), ScalarStyle::Plain};
    }
}

}  // namespace pysec
