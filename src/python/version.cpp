#include "python/version.hpp"

#include <array>
#include <utility>

#include "python/python_text.hpp"

namespace pysec::python {

namespace {

bool is_separator(char c) { return c == '.' || c == '_' || c == '-'; }

// Reads the ASCII digits at text[i...] and advances i; nullopt when there are none.
std::optional<VersionNumber> read_number(std::string_view text, std::size_t& i) {
    std::size_t start = i;
    while (i < text.size() && is_ascii_digit(text[i])) ++i;
    if (i == start) return std::nullopt;
    return VersionNumber::from_digits(text.substr(start, i - start));
}

struct Spelling {
    std::string_view letters;
    Version::PreReleaseKind kind;
};

// In the order of packaging's alternation, so that "alpha" wins over "a".
constexpr std::array<Spelling, 8> pre_release_spellings{{
    {"alpha", Version::PreReleaseKind::alpha},
    {"a", Version::PreReleaseKind::alpha},
    {"beta", Version::PreReleaseKind::beta},
    {"b", Version::PreReleaseKind::beta},
    {"preview", Version::PreReleaseKind::release_candidate},
    {"pre", Version::PreReleaseKind::release_candidate},
    {"c", Version::PreReleaseKind::release_candidate},
    {"rc", Version::PreReleaseKind::release_candidate},
}};
constexpr std::array<std::string_view, 3> post_release_spellings{"post", "rev", "r"};

// A suffix such as "-rc.1" or ".post" or "dev2": an optional separator, one of
// the spellings, an optional separator and an optional number (0 when absent).
// Returns the index of the matched spelling and advances i, or returns -1.
template <class Spellings, class LettersOf>
int read_lettered_suffix(std::string_view text, std::size_t& i, const Spellings& spellings,
                         LettersOf letters_of, VersionNumber& number) {
    std::size_t k = i;
    if (k < text.size() && is_separator(text[k])) ++k;
    for (std::size_t s = 0; s < spellings.size(); ++s) {
        std::string_view letters = letters_of(spellings[s]);
        if (!starts_with_ascii_icase(text.substr(k), letters)) continue;
        k += letters.size();
        if (k < text.size() && is_separator(text[k])) ++k;
        number = read_number(text, k).value_or(VersionNumber{});
        i = k;
        return static_cast<int>(s);
    }
    return -1;
}

bool is_local_char(char c) { return is_ascii_alnum(c); }

Version::LocalSegment local_segment(std::string_view text) {
    bool numeric = true;
    for (char c : text) numeric = numeric && is_ascii_digit(c);
    if (numeric) return {VersionNumber::from_digits(text), {}};
    return {std::nullopt, ascii_lower(text)};
}

// The release compared without trailing zeros.
std::size_t significant_length(const std::vector<VersionNumber>& release) {
    std::size_t length = release.size();
    while (length > 0 && release[length - 1].is_zero()) --length;
    return length;
}

std::strong_ordering compare_release(const std::vector<VersionNumber>& a,
                                     const std::vector<VersionNumber>& b) {
    std::size_t a_length = significant_length(a);
    std::size_t b_length = significant_length(b);
    for (std::size_t i = 0; i < a_length && i < b_length; ++i) {
        if (auto c = a[i] <=> b[i]; c != 0) return c;
    }
    return a_length <=> b_length;
}

// The pre-release rank: a development release without pre- or post-release sorts
// before every pre-release of the same release, a final release after them.
std::strong_ordering compare_pre(const Version& a, const Version& b) {
    auto rank = [](const Version& v) {
        if (!v.pre() && !v.post() && v.dev()) return 0;
        return v.pre() ? 1 : 2;
    };
    if (auto c = rank(a) <=> rank(b); c != 0) return c;
    if (!a.pre()) return std::strong_ordering::equal;
    if (auto c = a.pre()->kind <=> b.pre()->kind; c != 0) return c;
    return a.pre()->number <=> b.pre()->number;
}

// `absent_first`: whether a missing number sorts before every present one.
std::strong_ordering compare_optional(const std::optional<VersionNumber>& a,
                                      const std::optional<VersionNumber>& b, bool absent_first) {
    if (a.has_value() != b.has_value()) {
        bool a_first = a.has_value() != absent_first;
        return a_first ? std::strong_ordering::less : std::strong_ordering::greater;
    }
    return a ? *a <=> *b : std::strong_ordering::equal;
}

// No label sorts first; labels compare segment by segment, letters before numbers,
// and a label that is a prefix of another sorts first.
std::strong_ordering compare_local(const std::vector<Version::LocalSegment>& a,
                                   const std::vector<Version::LocalSegment>& b) {
    for (std::size_t i = 0; i < a.size() && i < b.size(); ++i) {
        const auto& x = a[i];
        const auto& y = b[i];
        if (x.number.has_value() != y.number.has_value()) {
            return x.number ? std::strong_ordering::greater : std::strong_ordering::less;
        }
        auto c = x.number ? *x.number <=> *y.number : x.text.compare(y.text) <=> 0;
        if (c != 0) return c;
    }
    return a.size() <=> b.size();
}

}  // namespace

ParseResult<Version> Version::parse(std::string_view input) {
    auto invalid = [&] { return SyntaxError{"Invalid version: " + python_repr(input), false, {}, 0, 0}; };
    std::string_view text = strip_python_whitespace(input);
    const std::size_t n = text.size();
    Parts parts;
    std::size_t i = 0;

    if (i < n && (text[i] == 'v' || text[i] == 'V')) ++i;

    std::size_t after_digits = i;
    if (auto epoch = read_number(text, after_digits); epoch && after_digits < n && text[after_digits] == '!') {
        parts.epoch = *epoch;
        i = after_digits + 1;
    }

    auto first = read_number(text, i);
    if (!first) return invalid();
    parts.release = {*first};
    while (i + 1 < n && text[i] == '.' && is_ascii_digit(text[i + 1])) {
        ++i;
        parts.release.push_back(*read_number(text, i));
    }

    VersionNumber number;
    int pre = read_lettered_suffix(text, i, pre_release_spellings,
                                   [](const Spelling& s) { return s.letters; }, number);
    if (pre >= 0) parts.pre = PreRelease{pre_release_spellings[static_cast<std::size_t>(pre)].kind, number};

    // "1.0-5" is an implicit post-release; otherwise a spelled one.
    if (i + 1 < n && text[i] == '-' && is_ascii_digit(text[i + 1])) {
        ++i;
        parts.post = read_number(text, i);
    } else if (read_lettered_suffix(text, i, post_release_spellings,
                                    [](std::string_view s) { return s; }, number) >= 0) {
        parts.post = number;
    }

    constexpr std::array<std::string_view, 1> dev_spelling{"dev"};
    if (read_lettered_suffix(text, i, dev_spelling, [](std::string_view s) { return s; }, number) >= 0) {
        parts.dev = number;
    }

    if (i + 1 < n && text[i] == '+' && is_local_char(text[i + 1])) {
        std::size_t start = ++i;
        while (true) {
            while (i < n && is_local_char(text[i])) ++i;
            parts.local.push_back(local_segment(text.substr(start, i - start)));
            if (i + 1 < n && is_separator(text[i]) && is_local_char(text[i + 1])) {
                start = ++i;
                continue;
            }
            break;
        }
    }

    if (i != n) return invalid();
    return Version(std::move(parts));
}

Version Version::from_parts(Parts parts) {
    if (parts.release.empty()) parts.release = {VersionNumber{}};
    return Version(std::move(parts));
}

std::string Version::base_version() const {
    std::string text;
    if (!parts_.epoch.is_zero()) text = parts_.epoch.digits() + "!";
    for (std::size_t i = 0; i < parts_.release.size(); ++i) {
        if (i > 0) text += '.';
        text += parts_.release[i].digits();
    }
    return text;
}

std::string Version::public_version() const {
    std::string text = base_version();
    if (parts_.pre) {
        static constexpr std::array<std::string_view, 3> letters{"a", "b", "rc"};
        text += letters[static_cast<std::size_t>(parts_.pre->kind)];
        text += parts_.pre->number.digits();
    }
    if (parts_.post) text += ".post" + parts_.post->digits();
    if (parts_.dev) text += ".dev" + parts_.dev->digits();
    return text;
}

std::string Version::local_label() const {
    std::string text;
    for (const LocalSegment& segment : parts_.local) {
        if (!text.empty()) text += '.';
        text += segment.number ? segment.number->digits() : segment.text;
    }
    return text;
}

std::string Version::normalized() const {
    std::string text = public_version();
    if (has_local()) text += "+" + local_label();
    return text;
}

std::strong_ordering operator<=>(const Version& a, const Version& b) {
    if (auto c = a.epoch() <=> b.epoch(); c != 0) return c;
    if (auto c = compare_release(a.release(), b.release()); c != 0) return c;
    if (auto c = compare_pre(a, b); c != 0) return c;
    if (auto c = compare_optional(a.post(), b.post(), /*absent_first=*/true); c != 0) return c;
    if (auto c = compare_optional(a.dev(), b.dev(), /*absent_first=*/false); c != 0) return c;
    return compare_local(a.local(), b.local());
}

}  // namespace pysec::python
