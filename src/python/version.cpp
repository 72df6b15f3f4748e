#include "python/version.hpp"

#include <array>
#include <utility>

#include "python/python_text.hpp"
#include "python/version_grammar.hpp"

namespace pysec::python {

namespace {

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
    std::string_view text = strip_python_whitespace(input);
    auto match = match_version(text);
    if (!match || match->length != text.size()) {
        return SyntaxError{"Invalid version: " + python_repr(input), false, {}, 0, 0};
    }
    return Version(std::move(match->parts));
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
