#include "python/dependency_tokenizer.hpp"

#include <array>

#include "python/python_text.hpp"
#include "python/specifier_grammar.hpp"

namespace pysec::python {

namespace {

bool is_word_at(std::string_view text, std::size_t offset) {
    if (offset >= text.size()) return false;
    DecodedChar decoded = decode_utf8(text, offset);
    return decoded.valid && is_python_word_char(decoded.code_point);
}

bool is_word_before(std::string_view text, std::size_t offset) {
    if (offset == 0) return false;
    std::size_t start = offset - 1;
    while (start > 0 && offset - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    DecodedChar decoded = decode_utf8(text, start);
    if (start + decoded.length != offset) return false;  // a stray byte, not a character
    return decoded.valid && is_python_word_char(decoded.code_point);
}

// `\bword\b` at `offset`, for words made of word characters.
bool is_keyword_at(std::string_view text, std::size_t offset, std::string_view word) {
    return text.substr(offset).starts_with(word) && !is_word_before(text, offset) &&
           !is_word_at(text, offset + word.size());
}

// packaging's marker variables, with the PEP 345 dotted spellings and setuptools'
// python_implementation.
constexpr std::array<std::string_view, 20> variable_spellings{
    "python_version",       "python_full_version",
    "os.name",              "os_name",
    "sys.platform",         "sys_platform",
    "platform_release",     "platform_system",
    "platform.version",     "platform_version",
    "platform.machine",     "platform_machine",
    "platform.python_implementation", "platform_python_implementation",
    "python_implementation", "implementation_name",
    "implementation_version", "extras",
    "extra",                "dependency_groups",
};

constexpr std::array<std::string_view, 8> marker_operators{"===", "==", "~=", "!=", "<=", ">=", "<", ">"};

std::optional<std::size_t> match_identifier(std::string_view text, std::size_t offset) {
    if (offset >= text.size() || !is_ascii_alnum(text[offset]) || is_word_before(text, offset)) {
        return std::nullopt;
    }
    std::size_t end = offset + 1;
    auto is_name_char = [](char c) { return is_ascii_alnum(c) || c == '.' || c == '_' || c == '-'; };
    while (end < text.size() && is_name_char(text[end])) ++end;
    // The pattern ends with `\b`: give back characters until a word boundary.
    for (; end > offset; --end) {
        bool before = is_ascii_alnum(text[end - 1]) || text[end - 1] == '_';
        if (before != is_word_at(text, end)) return end - offset;
    }
    return std::nullopt;
}

// `\+[a-z0-9]+([-_.][a-z0-9]+)*`, lower case only as in packaging's pattern.
std::optional<std::size_t> match_local_label(std::string_view text, std::size_t offset) {
    auto is_label_char = [](char c) { return is_ascii_digit(c) || (c >= 'a' && c <= 'z'); };
    std::size_t i = offset;
    if (i + 1 >= text.size() || text[i] != '+' || !is_label_char(text[i + 1])) return std::nullopt;
    ++i;
    while (true) {
        while (i < text.size() && is_label_char(text[i])) ++i;
        bool separator = i + 1 < text.size() && (text[i] == '-' || text[i] == '_' || text[i] == '.');
        if (!separator || !is_label_char(text[i + 1])) break;
        ++i;
    }
    return i - offset;
}

std::optional<std::size_t> match_run(std::string_view text, std::size_t offset, bool (*accepts)(char)) {
    std::size_t end = offset;
    while (end < text.size() && accepts(text[end])) ++end;
    if (end == offset) return std::nullopt;
    return end - offset;
}

}  // namespace

std::optional<std::size_t> DependencyTokenizer::match(DependencyToken kind) const {
    std::string_view rest = source_.substr(position_);
    auto single = [&](char c) -> std::optional<std::size_t> {
        if (!rest.empty() && rest.front() == c) return 1;
        return std::nullopt;
    };
    switch (kind) {
        case DependencyToken::left_parenthesis: return single('(');
        case DependencyToken::right_parenthesis: return single(')');
        case DependencyToken::left_bracket: return single('[');
        case DependencyToken::right_bracket: return single(']');
        case DependencyToken::semicolon: return single(';');
        case DependencyToken::comma: return single(',');
        case DependencyToken::at: return single('@');
        case DependencyToken::quoted_string: {
            if (rest.empty() || (rest.front() != '\'' && rest.front() != '"')) return std::nullopt;
            std::size_t close = rest.find(rest.front(), 1);
            if (close == std::string_view::npos) return std::nullopt;
            return close + 1;
        }
        case DependencyToken::marker_operator:
            for (std::string_view op : marker_operators) {
                if (rest.starts_with(op)) return op.size();
            }
            return std::nullopt;
        case DependencyToken::boolean_operator:
            if (is_keyword_at(source_, position_, "or")) return 2;
            if (is_keyword_at(source_, position_, "and")) return 3;
            return std::nullopt;
        case DependencyToken::in:
            if (is_keyword_at(source_, position_, "in")) return 2;
            return std::nullopt;
        case DependencyToken::not_:
            if (is_keyword_at(source_, position_, "not")) return 3;
            return std::nullopt;
        case DependencyToken::variable:
            for (std::string_view name : variable_spellings) {
                if (is_keyword_at(source_, position_, name)) return name.size();
            }
            return std::nullopt;
        case DependencyToken::specifier: {
            std::size_t length = match_specifier(rest);
            if (length == 0) return std::nullopt;
            return length;
        }
        case DependencyToken::url:
            return match_run(source_, position_, [](char c) { return c != ' ' && c != '\t'; });
        case DependencyToken::identifier:
            return match_identifier(source_, position_);
        case DependencyToken::version_prefix_trail:
            if (rest.starts_with(".*")) return 2;
            return std::nullopt;
        case DependencyToken::version_local_label_trail:
            return match_local_label(source_, position_);
        case DependencyToken::whitespace:
            return match_run(source_, position_, [](char c) { return c == ' ' || c == '\t'; });
        case DependencyToken::end:
            // The very end: a trailing line break is not the end of a requirement.
            if (rest.empty()) return 0;
            return std::nullopt;
    }
    return std::nullopt;
}

bool DependencyTokenizer::check(DependencyToken kind) {
    auto length = match(kind);
    if (!length) return false;
    pending_length_ = *length;
    return true;
}

bool DependencyTokenizer::peek(DependencyToken kind) const { return match(kind).has_value(); }

std::string_view DependencyTokenizer::read() {
    std::string_view token = source_.substr(position_, pending_length_);
    position_ += pending_length_;
    pending_length_ = 0;
    return token;
}

void DependencyTokenizer::consume(DependencyToken kind) {
    if (check(kind)) read();
}

std::string_view DependencyTokenizer::expect(DependencyToken kind, std::string_view expected) {
    if (!check(kind)) fail("Expected " + std::string(expected));
    return read();
}

void DependencyTokenizer::fail(std::string message, std::optional<std::size_t> span_begin,
                               std::optional<std::size_t> span_end) const {
    SyntaxError error;
    error.message = std::move(message);
    error.has_span = true;
    error.source = std::string(source_);
    error.begin = code_point_index(source_, span_begin.value_or(position_));
    error.end = code_point_index(source_, span_end.value_or(position_));
    throw TokenizerFailure{std::move(error)};
}

}  // namespace pysec::python
