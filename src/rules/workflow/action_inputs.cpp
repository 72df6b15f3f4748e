#include "rules/workflow/action_inputs.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "core/text.hpp"
#include "expr/expression.hpp"
#include "expr/template.hpp"

namespace pysec {
namespace {

bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

// Reads a decimal number at the front of `text` and removes it.
std::optional<int> take_number(std::string_view& text) {
    std::size_t length = 0;
    while (length < text.size() && length < 9 && is_digit(text[length])) ++length;
    if (length == 0) return std::nullopt;
    int value = 0;
    std::from_chars(text.data(), text.data() + length, value);
    text.remove_prefix(length);
    return value;
}

// The comment after the `uses:` value on its line, without the `#`.
std::string_view trailing_comment(const Document& document, const Node& uses) {
    std::string_view text = document.text();
    if (uses.end > text.size()) return {};
    std::size_t line_end = text.find('\n', uses.end);
    std::string_view rest = text.substr(uses.end, line_end == std::string_view::npos ? text.npos : line_end - uses.end);
    auto hash = rest.find('#');
    if (hash == std::string_view::npos) return {};
    return trim(rest.substr(hash + 1));
}

}  // namespace

bool has_template_expression(const Node* value) {
    return value && value->is_scalar() && value->value.find("${{") != std::string::npos;
}

std::optional<std::string> constant_input(const Node* value) {
    if (!value || !value->is_scalar()) return std::nullopt;
    const std::string& text = value->value;
    auto expressions = expr::find_template_expressions(text);
    if (expressions.empty()) {
        if (text.find("${{") != std::string::npos) return std::nullopt;  // unclosed
        return text;
    }
    std::string result;
    std::size_t at = 0;
    for (const auto& expression : expressions) {
        result += text.substr(at, expression.begin - at);
        try {
            auto parsed = expr::parse_expression(expression.inner(text));
            auto folded = expr::constant_value(*parsed);
            if (!folded) return std::nullopt;
            result += *folded;
        } catch (const expr::ExpressionError&) {
            return std::nullopt;
        }
        at = expression.end;
    }
    result += text.substr(at);
    return result;
}

std::optional<std::string> sole_context(std::string_view text) {
    text = trim(text);
    auto expressions = expr::find_template_expressions(text);
    if (expressions.size() != 1 || expressions[0].begin != 0 || expressions[0].end != text.size()) return std::nullopt;
    try {
        return expr::context_path(*expr::parse_expression(expressions[0].inner(text)));
    } catch (const expr::ExpressionError&) {
        return std::nullopt;
    }
}

std::optional<bool> boolean_input(const Node* value) {
    auto text = constant_input(value);
    if (!text) return std::nullopt;
    std::string_view word = trim(*text);
    if (word == "true" || word == "True" || word == "TRUE") return true;
    if (word == "false" || word == "False" || word == "FALSE") return false;
    return std::nullopt;
}

std::optional<ActionVersion> parse_action_version(std::string_view text) {
    text = trim(text);
    // `release/v1`, `tag=v1.2.3`, `pin @v1`: the version is the last word.
    if (auto cut = text.find_last_of("/=@ "); cut != std::string_view::npos) text.remove_prefix(cut + 1);
    if (!text.empty() && (text.front() == 'v' || text.front() == 'V')) text.remove_prefix(1);
    ActionVersion version;
    auto major = take_number(text);
    if (!major) return std::nullopt;
    version.major = *major;
    if (text.starts_with('.')) {
        text.remove_prefix(1);
        version.minor = take_number(text);
        if (version.minor && text.starts_with('.')) {
            text.remove_prefix(1);
            version.patch = take_number(text);
        }
    }
    // `v6-beta` is a version; `6abc` (a short SHA) is not.
    if (!text.empty() && text.front() != '-' && text.front() != '+' && text.front() != ' ') return std::nullopt;
    return version;
}

std::optional<ActionVersion> action_version(const Document& document, const Node& uses,
                                            const UsesReference& reference) {
    if (!reference.has_ref) return std::nullopt;
    if (!is_commit_sha(reference.ref)) return parse_action_version(reference.ref);
    // `# v6.1.0`, `# tag=v6.1.0`, `# pin @v6`: the first word that reads as a
    // version (`v6` or `6.1`; a bare number may be anything else).
    std::string_view comment = trailing_comment(document, uses);
    while (!comment.empty()) {
        std::size_t space = comment.find_first_of(" \t");
        std::string_view word = comment.substr(0, space);
        std::string_view last = word.substr(word.find_last_of("/=@") == std::string_view::npos
                                                ? 0
                                                : word.find_last_of("/=@") + 1);
        bool looks_like_version = !last.empty() && (last.front() == 'v' || last.front() == 'V' ||
                                                     last.find('.') != std::string_view::npos);
        if (looks_like_version) {
            if (auto version = parse_action_version(last)) return version;
        }
        if (space == std::string_view::npos) break;
        comment = trim(comment.substr(space));
    }
    return std::nullopt;
}

// `0.8.3`, `v0.57.1`, `==0.8.3`, `1.2.3-rc1`: one exact version.
bool is_exact_version(std::string_view version) {
    version = trim(version);
    if (version.starts_with("==")) version.remove_prefix(2);
    version = trim(version);
    if (!version.empty() && (version.front() == 'v' || version.front() == 'V')) version.remove_prefix(1);
    std::size_t i = 0;
    bool expect_digit = true;
    for (; i < version.size(); ++i) {
        char c = version[i];
        if (std::isdigit(static_cast<unsigned char>(c))) {
            expect_digit = false;
        } else if (c == '.' && !expect_digit) {
            expect_digit = true;
        } else {
            break;
        }
    }
    if (i == 0 || expect_digit) return false;
    std::string_view suffix = version.substr(i);
    if (suffix.empty()) return true;
    if (suffix.front() != '-' && suffix.front() != '+') return false;
    return std::all_of(suffix.begin() + 1, suffix.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-';
    }) && suffix.size() > 1;
}

}  // namespace pysec
