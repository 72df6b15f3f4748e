#include "rules/secrets/env_file.hpp"

namespace pysec {
namespace {

bool is_key_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
           c == '-';
}

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::size_t line_end(std::string_view text, std::size_t from) {
    std::size_t newline = text.find('\n', from);
    return newline == std::string_view::npos ? text.size() : newline;
}

}  // namespace

std::vector<EnvAssignment> read_env_assignments(std::string_view text) {
    std::vector<EnvAssignment> assignments;
    std::size_t at = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (at < text.size()) {
        std::size_t end = line_end(text, at);
        std::size_t next = end + 1;
        std::size_t i = at;
        while (i < end && is_blank(text[i])) ++i;
        if (text.substr(i, 7) == "export " || text.substr(i, 7) == "export\t") {
            i += 7;
            while (i < end && is_blank(text[i])) ++i;
        }
        std::size_t key_begin = i;
        while (i < end && is_key_char(text[i])) ++i;
        std::size_t key_end = i;
        while (i < end && is_blank(text[i])) ++i;
        if (key_end == key_begin || i >= end || text[i] != '=') {
            at = next;
            continue;
        }
        ++i;
        while (i < end && is_blank(text[i])) ++i;
        EnvAssignment assignment;
        assignment.key = std::string(text.substr(key_begin, key_end - key_begin));
        assignment.key_begin = key_begin;
        char quote = i < end ? text[i] : '\0';
        if (quote == '"' || quote == '\'') {
            // A quoted value ends at the matching quote, possibly lines later.
            std::size_t close = i + 1;
            while (close < text.size() && text[close] != quote) close += (quote == '"' && text[close] == '\\') ? 2 : 1;
            if (close >= text.size()) close = end;  // unterminated: to the end of the line
            assignment.value_begin = i + 1;
            assignment.value_end = close;
            if (close > end) next = line_end(text, close) + 1;
        } else {
            std::size_t value_end = i;
            for (std::size_t j = i; j < end; ++j) {
                if (text[j] == '#' && j > i && is_blank(text[j - 1])) break;
                if (text[j] == '#' && j == i) break;
                value_end = j + 1;
            }
            while (value_end > i && (is_blank(text[value_end - 1]) || text[value_end - 1] == '\r')) --value_end;
            assignment.value_begin = i;
            assignment.value_end = value_end;
        }
        assignment.value = std::string(text.substr(assignment.value_begin, assignment.value_end - assignment.value_begin));
        assignments.push_back(std::move(assignment));
        at = next;
    }
    return assignments;
}

}  // namespace pysec
