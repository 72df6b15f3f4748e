#include "rules/workflow/explanatory_comment.hpp"

#include <array>

#include "core/text.hpp"

namespace pysec {
namespace {

constexpr std::array directive_prefixes = {"pysec:", "zizmor:", "expect:", "pysec-fixture:"};

// A comment that may hold several directives separated by `#`: `# zizmor: ignore[x] # why`.
bool segment_is_directive(std::string_view segment) {
    segment = trim(segment);
    if (segment.empty()) return true;
    for (std::string_view prefix : directive_prefixes) {
        if (starts_with_icase(segment, prefix)) return true;
    }
    return false;
}

}  // namespace

std::optional<std::string_view> trailing_comment(std::string_view text, std::size_t offset) {
    std::size_t line_end = text.find('\n', offset);
    if (line_end == std::string_view::npos) line_end = text.size();
    // A `#` starts a comment only after whitespace (or at the start of the line).
    for (std::size_t i = offset; i < line_end; ++i) {
        if (text[i] == '#' && (i == 0 || text[i - 1] == ' ' || text[i - 1] == '\t')) {
            return text.substr(i + 1, line_end - i - 1);
        }
    }
    return std::nullopt;
}

bool is_explanatory_comment(std::string_view comment) {
    while (true) {
        auto hash = comment.find('#');
        if (!segment_is_directive(comment.substr(0, hash))) return true;
        if (hash == std::string_view::npos) return false;
        comment.remove_prefix(hash + 1);
    }
}

bool has_explanatory_comment(const Document& document, const Node& key, const Node& value) {
    std::string_view text = document.text();
    // `key: value  # why`, or `key:  # why` above a block collection.
    bool same_line = document.position(value.begin).line == document.position(key.begin).line;
    std::size_t after = same_line && value.end > key.end ? value.end : key.end;
    if (auto comment = trailing_comment(text, after); comment && is_explanatory_comment(*comment)) return true;
    // The block of comment-only lines directly above the key.
    const LineIndex& lines = document.lines();
    std::uint32_t line = document.position(key.begin).line;
    while (line > 1) {
        --line;
        std::string_view above = trim(lines.line(line));
        if (!above.starts_with('#')) break;
        if (is_explanatory_comment(above.substr(1))) return true;
    }
    return false;
}

}  // namespace pysec
