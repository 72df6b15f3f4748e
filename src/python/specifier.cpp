#include "python/specifier.hpp"

#include <array>
#include <utility>

#include "python/python_text.hpp"
#include "python/specifier_grammar.hpp"

namespace pysec::python {

namespace {

struct OperatorSpelling {
    std::string_view text;
    SpecifierOperator op;
};

// Longest first, so that "===" is not read as "==" and "<=" not as "<".
constexpr std::array<OperatorSpelling, 8> operator_spellings{{
    {"===", SpecifierOperator::arbitrary},
    {"~=", SpecifierOperator::compatible},
    {"==", SpecifierOperator::equal},
    {"!=", SpecifierOperator::not_equal},
    {"<=", SpecifierOperator::less_equal},
    {">=", SpecifierOperator::greater_equal},
    {"<", SpecifierOperator::less},
    {">", SpecifierOperator::greater},
}};

bool same_release(const Version& a, const Version& b) {
    if (a.epoch() != b.epoch()) return false;
    const auto& x = a.release();
    const auto& y = b.release();
    for (std::size_t i = 0; i < x.size() || i < y.size(); ++i) {
        VersionNumber left = i < x.size() ? x[i] : VersionNumber{};
        VersionNumber right = i < y.size() ? y[i] : VersionNumber{};
        if (left != right) return false;
    }
    return true;
}

// `candidate` is `spec` with or without a local label ("1.0+ubuntu" for "1.0"):
// ==, != and <= treat those as the version itself.
bool is_local_build_of(const Version& candidate, const Version& spec) {
    return same_release(candidate, spec) && candidate.pre() == spec.pre() &&
           candidate.post() == spec.post() && candidate.dev() == spec.dev();
}

// `candidate` is `spec`, a local build of it or one of its post-releases, all of
// which PEP 440 excludes from ">spec" (for a spec that is not a post-release).
bool is_post_release_of(const Version& candidate, const Version& spec) {
    return same_release(candidate, spec) && candidate.pre() == spec.pre() &&
           (candidate.dev() == spec.dev() || candidate.post().has_value());
}

Version::Parts without_local(const Version& version) {
    Version::Parts parts = version.parts();
    parts.local.clear();
    return parts;
}

// The first development release of a release: 1.2 -> 1.2.dev0.
Version first_dev_release(const VersionNumber& epoch, std::vector<VersionNumber> release) {
    Version::Parts parts;
    parts.epoch = epoch;
    parts.release = std::move(release);
    parts.dev = VersionNumber{};
    return Version::from_parts(std::move(parts));
}

// The first development release of the next prefix: 1.2 -> 1.3.dev0, which is
// where "==1.2.*" and "~=1.2.0" end.
Version next_prefix_start(const VersionNumber& epoch, std::vector<VersionNumber> prefix) {
    prefix.back() = prefix.back().next();
    return first_dev_release(epoch, std::move(prefix));
}

}  // namespace

std::string_view operator_text(SpecifierOperator op) {
    for (const auto& spelling : operator_spellings) {
        if (spelling.op == op) return spelling.text;
    }
    return "";
}

ParseResult<Specifier> Specifier::parse(std::string_view text) {
    auto invalid = [&] {
        return SyntaxError{"Invalid specifier: " + python_repr(text), false, {}, 0, 0};
    };
    std::string_view stripped = strip_python_whitespace(text);
    if (stripped.empty() || match_specifier(stripped) != stripped.size()) return invalid();

    Specifier specifier;
    for (const auto& spelling : operator_spellings) {
        if (!stripped.starts_with(spelling.text)) continue;
        specifier.op_ = spelling.op;
        specifier.version_text_ = std::string(strip_python_whitespace(stripped.substr(spelling.text.size())));
        break;
    }
    if (specifier.op_ == SpecifierOperator::arbitrary) return specifier;

    std::string_view version = specifier.version_text_;
    specifier.wildcard_ = version.ends_with(".*");
    if (specifier.wildcard_) version.remove_suffix(2);
    auto parsed = Version::parse(version);
    if (!parsed) return invalid();  // the grammar above admits only valid versions
    specifier.version_ = std::move(parsed).value();
    return specifier;
}

bool Specifier::is_exact_pin() const {
    return (op_ == SpecifierOperator::equal && !wildcard_) || op_ == SpecifierOperator::arbitrary;
}

bool Specifier::matches(const Version& candidate) const {
    if (op_ == SpecifierOperator::arbitrary) {
        return equals_ascii_icase(candidate.normalized(), version_text_);
    }
    const Version& spec = *version_;
    switch (op_) {
        case SpecifierOperator::greater_equal:
            return candidate >= spec;
        case SpecifierOperator::less_equal:
            return candidate <= spec || is_local_build_of(candidate, spec);
        case SpecifierOperator::greater: {
            // The next version after a development or post-release spec is its
            // next development or post-release; after any other spec, everything
            // above its post-releases.
            if (spec.dev()) {
                Version::Parts next = without_local(spec);
                next.dev = spec.dev()->next();
                return candidate >= Version::from_parts(std::move(next));
            }
            if (spec.post()) {
                Version::Parts next = without_local(spec);
                next.post = spec.post()->next();
                next.dev = VersionNumber{};
                return candidate >= Version::from_parts(std::move(next));
            }
            return candidate > spec && !is_post_release_of(candidate, spec);
        }
        case SpecifierOperator::less: {
            // "<2.0" excludes 2.0's own pre-releases: it ends at 2.0.dev0, unless
            // the spec is itself a pre-release.
            Version::Parts bound = without_local(spec);
            if (!spec.is_prerelease()) bound.dev = VersionNumber{};
            Version end = Version::from_parts(std::move(bound));
            if (end <= first_dev_release(VersionNumber{}, {VersionNumber{}})) return false;
            return candidate < end;
        }
        case SpecifierOperator::equal:
        case SpecifierOperator::not_equal: {
            bool equal = false;
            if (wildcard_) {
                equal = candidate >= first_dev_release(spec.epoch(), spec.release()) &&
                        candidate < next_prefix_start(spec.epoch(), spec.release());
            } else if (spec.has_local()) {
                equal = candidate == spec;
            } else {
                equal = candidate >= spec && (candidate <= spec || is_local_build_of(candidate, spec));
            }
            return op_ == SpecifierOperator::equal ? equal : !equal;
        }
        case SpecifierOperator::compatible: {
            // "~=1.4.2" is ">=1.4.2" up to the next "1.4" prefix: "<1.5.dev0".
            std::vector<VersionNumber> prefix(spec.release().begin(), spec.release().end() - 1);
            return candidate >= spec && candidate < next_prefix_start(spec.epoch(), std::move(prefix));
        }
        case SpecifierOperator::arbitrary:
            break;
    }
    return false;
}

bool Specifier::contains(const Version& version, bool prereleases) const {
    if (!prereleases && version.is_prerelease()) return false;
    return matches(version);
}

bool Specifier::contains(std::string_view version, bool prereleases) const {
    auto parsed = Version::parse(version);
    if (op_ == SpecifierOperator::arbitrary) {
        if (!equals_ascii_icase(version, version_text_)) return false;
        return prereleases || !parsed || !parsed->is_prerelease();
    }
    return parsed && contains(*parsed, prereleases);
}

std::string Specifier::to_string() const { return std::string(operator_text(op_)) + version_text_; }

std::string Specifier::canonical_form() const {
    std::string op(operator_text(op_));
    if (op_ == SpecifierOperator::arbitrary || wildcard_) return op + version_text_;
    Version::Parts parts = version_->parts();
    // ~= keeps its trailing zeros: they say how much of the version may change.
    if (op_ != SpecifierOperator::compatible) {
        while (parts.release.size() > 1 && parts.release.back().is_zero()) parts.release.pop_back();
    }
    return op + Version::from_parts(std::move(parts)).normalized();
}

}  // namespace pysec::python
