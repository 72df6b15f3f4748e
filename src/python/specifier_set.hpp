#pragma once
// A comma-separated list of specifiers (">=1.0,!=1.3.*,<2"), satisfied by a
// version that satisfies all of them; empty, it is satisfied by every version.

#include <string>
#include <string_view>
#include <vector>

#include "python/specifier.hpp"
#include "python/syntax_error.hpp"

namespace pysec::python {

class SpecifierSet {
public:
    SpecifierSet() = default;
    explicit SpecifierSet(std::vector<Specifier> specifiers) : specifiers_(std::move(specifiers)) {}

    // Items are split on "," and stripped; empty items are ignored (">=1,").
    // The error is packaging's for the first invalid item: "Invalid specifier: 'y'".
    static ParseResult<SpecifierSet> parse(std::string_view text);

    // In the order written.
    const std::vector<Specifier>& specifiers() const { return specifiers_; }
    bool empty() const { return specifiers_.empty(); }

    // Whether `version` satisfies every specifier (see Specifier::contains).
    bool contains(const Version& version, bool prereleases = true) const;
    // The same for a version string.  As in packaging, an empty set accepts even
    // a string that is not a valid version.
    bool contains(std::string_view version, bool prereleases = true) const;

    // str(SpecifierSet): sorted, without duplicates, comma-joined: "!=1.3,>=1.0".
    std::string to_string() const;

    // The same specifiers, in any order and counting duplicates once.
    friend bool operator==(const SpecifierSet& a, const SpecifierSet& b);

private:
    std::vector<Specifier> specifiers_;
};

}  // namespace pysec::python
