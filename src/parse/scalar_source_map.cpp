#include "parse/scalar_source_map.hpp"

#include <algorithm>

#include "parse/yaml_scalar_extent.hpp"

namespace pysec {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Length of a YAML double-quoted escape sequence starting at `text[i] == '\\'`.
std::size_t escape_length(std::string_view text, std::size_t i) {
    if (i + 1 >= text.size()) return 1;
    switch (text[i + 1]) {
        case 'x': return 4;
        case 'u': return 6;
        case 'U': return 10;
        case '\n': return 2;
        default: return 2;
    }
}

}  // namespace

// Aligns the value with the source: equal characters advance together; where
// the value has whitespace the source may have any run of blanks, line breaks
// and indentation (folding); an escape (`\n`, `\u00e9`) or a doubled quote in
// the source stands for the characters it decodes to.  Only JSON/TOML/YAML
// scalars that are not quoted are mapped one to one.
ScalarSourceMap::ScalarSourceMap(const Document& document, const Node& scalar) : document_(document) {
    std::string_view text = document.text();
    std::string_view value = scalar.value;
    std::size_t position = scalar.begin;
    std::size_t limit = std::min(scalar.end, text.size());
    std::size_t block_indent = 0;
    if (scalar.style == ScalarStyle::Literal || scalar.style == ScalarStyle::Folded) {
        BlockScalarLayout layout = yaml_block_layout(text, scalar.begin);
        position = layout.content_begin;
        block_indent = layout.indent;
        for (std::size_t k = 0; k < block_indent && position < limit && text[position] == ' '; ++k) ++position;
    } else if (scalar.style == ScalarStyle::SingleQuoted || scalar.style == ScalarStyle::DoubleQuoted) {
        ++position;  // the opening quote
    }
    offsets_.reserve(value.size() + 1);
    bool double_quoted = scalar.style == ScalarStyle::DoubleQuoted;
    bool single_quoted = scalar.style == ScalarStyle::SingleQuoted;
    std::size_t i = 0;
    while (i < value.size()) {
        char c = value[i];
        if (single_quoted && c == '\'' && position + 1 < limit && text[position] == '\'' &&
            text[position + 1] == '\'') {
            offsets_.push_back(position);
            position += 2;
            ++i;
            continue;
        }
        if (position < limit && text[position] == c && !(double_quoted && c == '\\')) {
            offsets_.push_back(position);
            ++position;
            ++i;
            // A block scalar's next line starts with its indentation.
            if (c == '\n') {
                for (std::size_t k = 0; k < block_indent && position < limit && text[position] == ' '; ++k) {
                    ++position;
                }
            }
            continue;
        }
        if (double_quoted && position < limit && text[position] == '\\') {
            std::size_t length = escape_length(text, position);
            // An escape decodes to one character, or to a UTF-8 sequence.
            std::size_t decoded = 1;
            if (length >= 6 && i < value.size()) {
                auto lead = static_cast<unsigned char>(value[i]);
                decoded = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
            }
            for (std::size_t k = 0; k < decoded && i < value.size(); ++k, ++i) offsets_.push_back(position);
            position += length;
            continue;
        }
        if (is_space(c) && position < limit && is_space(text[position])) {
            offsets_.push_back(position);
            ++i;
            while (position < limit && is_space(text[position])) ++position;
            continue;
        }
        if (position < limit && is_space(text[position])) {
            // Folding dropped a line break that the value does not show.
            while (position < limit && is_space(text[position])) ++position;
            continue;
        }
        // Lost: point whatever is left at the current position.
        offsets_.push_back(std::min(position, limit));
        ++i;
    }
    offsets_.push_back(std::min(position, limit));
}

std::size_t ScalarSourceMap::source_offset(std::size_t value_index) const {
    return offsets_[std::min(value_index, offsets_.size() - 1)];
}

Span ScalarSourceMap::span(std::size_t begin, std::size_t end) const {
    std::size_t source_begin = source_offset(begin);
    // The end is just after the last character, not at the next one (which
    // may be on the next line after folding).
    std::size_t source_end = end > begin ? source_offset(end - 1) + 1 : source_begin;
    return document_.span(source_begin, std::max(source_begin, source_end));
}

Location ScalarSourceMap::location(std::size_t begin, std::size_t end, std::string message) const {
    return Location{document_.path(), span(begin, end), std::move(message)};
}

}  // namespace pysec
