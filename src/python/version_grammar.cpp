#include "python/version_grammar.hpp"

#include <array>

#include "python/python_text.hpp"

namespace pysec::python {

namespace {

bool is_separator(char c) { return c == '.' || c == '_' || c == '-'; }

std::optional<VersionNumber> read_number(std::string_view text, std::size_t& i) {
    std::size_t start = i;
    while (i < text.size() && is_ascii_digit(text[i])) ++i;
    if (i == start) return std::nullopt;
    return VersionNumber::from_digits(text.substr(start, i - start));
}

// A lettered suffix such as "-rc.1", ".post" or "dev2": an optional separator, one
// of `spellings` (in any letter case), an optional separator and an optional
// number, 0 when absent.  Returns the index of the spelling and advances i, or
// leaves i alone and returns nullopt.
template <std::size_t N>
std::optional<std::size_t> read_lettered_suffix(std::string_view text, std::size_t& i,
                                                const std::array<std::string_view, N>& spellings,
                                                VersionNumber& number) {
    std::size_t k = i;
    if (k < text.size() && is_separator(text[k])) ++k;
    for (std::size_t s = 0; s < N; ++s) {
        if (!starts_with_ascii_icase(text.substr(k), spellings[s])) continue;
        k += spellings[s].size();
        if (k < text.size() && is_separator(text[k])) ++k;
        number = read_number(text, k).value_or(VersionNumber{});
        i = k;
        return s;
    }
    return std::nullopt;
}

// In the order of packaging's alternation, so that "alpha" wins over "a".
constexpr std::array<std::string_view, 8> pre_release_spellings{"alpha", "a",   "beta", "b",
                                                                 "preview", "pre", "c", "rc"};
constexpr std::array<Version::PreReleaseKind, 8> pre_release_kinds{
    Version::PreReleaseKind::alpha,          Version::PreReleaseKind::alpha,
    Version::PreReleaseKind::beta,           Version::PreReleaseKind::beta,
    Version::PreReleaseKind::release_candidate, Version::PreReleaseKind::release_candidate,
    Version::PreReleaseKind::release_candidate, Version::PreReleaseKind::release_candidate};
constexpr std::array<std::string_view, 3> post_release_spellings{"post", "rev", "r"};
constexpr std::array<std::string_view, 1> dev_release_spellings{"dev"};

Version::LocalSegment local_segment(std::string_view text) {
    bool numeric = true;
    for (char c : text) numeric = numeric && is_ascii_digit(c);
    if (numeric) return {VersionNumber::from_digits(text), {}};
    return {std::nullopt, ascii_lower(text)};
}

}  // namespace

std::optional<VersionMatch> match_version(std::string_view text, bool allow_local) {
    const std::size_t n = text.size();
    VersionMatch match;
    Version::Parts& parts = match.parts;
    std::size_t i = 0;

    if (i < n && (text[i] == 'v' || text[i] == 'V')) ++i;

    std::size_t after_epoch = i;
    if (auto epoch = read_number(text, after_epoch); epoch && after_epoch < n && text[after_epoch] == '!') {
        parts.epoch = *epoch;
        i = after_epoch + 1;
    }

    auto first = read_number(text, i);
    if (!first) return std::nullopt;
    parts.release = {*first};
    while (i + 1 < n && text[i] == '.' && is_ascii_digit(text[i + 1])) {
        ++i;
        parts.release.push_back(*read_number(text, i));
    }

    VersionNumber number;
    if (auto pre = read_lettered_suffix(text, i, pre_release_spellings, number)) {
        parts.pre = Version::PreRelease{pre_release_kinds[*pre], number};
    }
    // "1.0-5" is an implicit post-release; otherwise a spelled one.
    if (i + 1 < n && text[i] == '-' && is_ascii_digit(text[i + 1])) {
        ++i;
        parts.post = read_number(text, i);
    } else if (read_lettered_suffix(text, i, post_release_spellings, number)) {
        parts.post = number;
    }
    if (read_lettered_suffix(text, i, dev_release_spellings, number)) parts.dev = number;

    // "+" and segments of letters and digits separated by ".", "_" or "-".
    if (allow_local && i + 1 < n && text[i] == '+' && is_ascii_alnum(text[i + 1])) {
        std::size_t start = ++i;
        while (true) {
            while (i < n && is_ascii_alnum(text[i])) ++i;
            parts.local.push_back(local_segment(text.substr(start, i - start)));
            if (i + 1 < n && is_separator(text[i]) && is_ascii_alnum(text[i + 1])) {
                start = ++i;
                continue;
            }
            break;
        }
    }
    match.length = i;
    return match;
}

}  // namespace pysec::python
