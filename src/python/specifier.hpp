#pragma once
// One PEP 440 version specifier (">=1.2", "==1.4.*", "~=2.0", "===foo") and the
// question it answers: does this version satisfy it?  Semantics are packaging's
// `Specifier`, including its rules for local versions, pre- and post-releases.

#include <optional>
#include <string>
#include <string_view>

#include "python/syntax_error.hpp"
#include "python/version.hpp"

namespace pysec::python {

enum class SpecifierOperator {
    compatible,     // ~=
    equal,          // ==
    not_equal,      // !=
    less_equal,     // <=
    greater_equal,  // >=
    less,           // <
    greater,        // >
    arbitrary,      // === (a case-insensitive string comparison)
};

std::string_view operator_text(SpecifierOperator op);

class Specifier {
public:
    // Whitespace around and after the operator is allowed ("  >= 1.0 ").  The error
    // message is packaging's: "Invalid specifier: '...'".
    static ParseResult<Specifier> parse(std::string_view text);

    SpecifierOperator op() const { return op_; }
    // The version as written, without surrounding whitespace: "1.4.*", "v2.0RC1".
    const std::string& version_text() const { return version_text_; }
    // "==1.4.*" and "!=1.4.*".
    bool is_wildcard() const { return wildcard_; }
    // The parsed version (without ".*" for a wildcard); none for ===.
    const std::optional<Version>& version() const { return version_; }
    // == without a wildcard, or ===: only one version (and its local builds) satisfies it.
    bool is_exact_pin() const;

    // Whether `version` satisfies the specifier.  With `prereleases` false, pre-
    // and development releases never do; true is packaging's answer for a single
    // version with prereleases=None or True.
    bool contains(const Version& version, bool prereleases = true) const;
    // The same for a version string: === compares this text as written, other
    // operators parse it and are never satisfied by an invalid version.
    bool contains(std::string_view version, bool prereleases = true) const;

    // str(Specifier): the operator and the version as written, "~=1.4.2".
    std::string to_string() const;

    // What packaging compares specifiers by: the operator and the normalized
    // version, without trailing zeros except for ~= ("==1", "~=1.0", "==1.0.*").
    std::string canonical_form() const;
    // packaging's equality: "==1.0" == "==1.0.0", "~=1.0" != "~=1.0.0".
    friend bool operator==(const Specifier& a, const Specifier& b) {
        return a.canonical_form() == b.canonical_form();
    }

private:
    Specifier() = default;
    bool matches(const Version& version) const;

    SpecifierOperator op_ = SpecifierOperator::equal;
    std::string version_text_;
    bool wildcard_ = false;
    std::optional<Version> version_;
};

}  // namespace pysec::python
