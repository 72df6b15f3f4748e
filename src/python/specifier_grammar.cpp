#include "python/specifier_grammar.hpp"

#include <array>

#include "python/python_text.hpp"

namespace pysec::python {

namespace {

enum class Branch {
    equality,    // == and !=: a wildcard or a local label is allowed
    compatible,  // ~=: at least two release numbers
    ordered,     // <=, >=, <, >
};

bool is_separator(char c) { return c == '-' || c == '_' || c == '.'; }

void skip_digits(std::string_view text, std::size_t& i) {
    while (i < text.size() && is_ascii_digit(text[i])) ++i;
}

// [-_.]? (one of `spellings`) [-_.]? [0-9]* ; leaves i alone when the letters are missing.
template <std::size_t N>
void skip_lettered_suffix(std::string_view text, std::size_t& i,
                          const std::array<std::string_view, N>& spellings) {
    std::size_t k = i;
    if (k < text.size() && is_separator(text[k])) ++k;
    for (std::string_view letters : spellings) {
        if (!starts_with_ascii_icase(text.substr(k), letters)) continue;
        k += letters.size();
        if (k < text.size() && is_separator(text[k])) ++k;
        skip_digits(text, k);
        i = k;
        return;
    }
}

std::size_t match_version(std::string_view text, std::size_t i, Branch branch) {
    const std::size_t n = text.size();
    i = skip_python_whitespace(text, i);
    if (i < n && (text[i] == 'v' || text[i] == 'V')) ++i;

    std::size_t after_epoch = i;
    skip_digits(text, after_epoch);
    if (after_epoch > i && after_epoch < n && text[after_epoch] == '!') i = after_epoch + 1;

    std::size_t release_start = i;
    skip_digits(text, i);
    if (i == release_start) return 0;
    std::size_t release_numbers = 1;
    while (i + 1 < n && text[i] == '.' && is_ascii_digit(text[i + 1])) {
        ++i;
        skip_digits(text, i);
        ++release_numbers;
    }
    if (branch == Branch::compatible && release_numbers < 2) return 0;
    if (branch == Branch::equality && text.substr(i, 2) == ".*") return i + 2;

    static constexpr std::array<std::string_view, 8> pre{"alpha", "beta", "preview", "pre",
                                                          "a",     "b",    "c",       "rc"};
    static constexpr std::array<std::string_view, 3> post{"post", "rev", "r"};
    static constexpr std::array<std::string_view, 1> dev{"dev"};
    skip_lettered_suffix(text, i, pre);
    if (i + 1 < n && text[i] == '-' && is_ascii_digit(text[i + 1])) {
        ++i;
        skip_digits(text, i);
    } else {
        skip_lettered_suffix(text, i, post);
    }
    skip_lettered_suffix(text, i, dev);

    if (branch == Branch::equality && i + 1 < n && text[i] == '+' && is_ascii_alnum(text[i + 1])) {
        ++i;
        while (true) {
            while (i < n && is_ascii_alnum(text[i])) ++i;
            if (i + 1 < n && is_separator(text[i]) && is_ascii_alnum(text[i + 1])) {
                ++i;
                continue;
            }
            break;
        }
    }
    return i;
}

}  // namespace

std::size_t match_specifier(std::string_view text) {
    if (text.starts_with("===")) {
        // An arbitrary string: anything up to whitespace, ";" or ")".
        std::size_t i = skip_python_whitespace(text, 3);
        while (i < text.size()) {
            DecodedChar decoded = decode_utf8(text, i);
            char32_t c = decoded.code_point;
            if (c == ';' || c == ')' || (decoded.valid && is_python_whitespace(c))) break;
            i += decoded.length;
        }
        return i;
    }
    if (text.starts_with("==") || text.starts_with("!=")) return match_version(text, 2, Branch::equality);
    if (text.starts_with("~=")) return match_version(text, 2, Branch::compatible);
    if (text.starts_with("<=") || text.starts_with(">=")) return match_version(text, 2, Branch::ordered);
    if (text.starts_with("<") || text.starts_with(">")) return match_version(text, 1, Branch::ordered);
    return 0;
}

}  // namespace pysec::python
