#pragma once
// A PEP 508 dependency specifier, as in pip requirement files, pyproject.toml
// and package metadata: "name[extra1,extra2] (>=1.0,<2); python_version < '3.12'"
// or "name @ https://example.com/name.zip ; os_name == 'nt'".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "python/marker.hpp"
#include "python/specifier_set.hpp"
#include "python/syntax_error.hpp"

namespace pysec::python {

class Requirement {
public:
    // Parses the whole string; a trailing line break makes it invalid.  Errors are
    // packaging's InvalidRequirement messages, with the span they point at.
    static ParseResult<Requirement> parse(std::string_view text);

    // As written ("Foo.Bar"); see canonical_name().
    const std::string& name() const { return name_; }
    std::string canonical_name() const;
    // As written, sorted, each once.
    const std::vector<std::string>& extras() const { return extras_; }
    // Empty for a URL requirement or a bare name.
    const SpecifierSet& specifier() const { return specifier_; }
    const std::optional<std::string>& url() const { return url_; }
    const std::optional<Marker>& marker() const { return marker_; }

    // str(Requirement): 'name[a,b]<2,>=1; python_version < "3.12"'.
    std::string to_string() const;

    // packaging's equality: canonical names, extras, specifiers, URL and marker.
    friend bool operator==(const Requirement& a, const Requirement& b);

private:
    std::string name_;
    std::vector<std::string> extras_;
    SpecifierSet specifier_;
    std::optional<std::string> url_;
    std::optional<Marker> marker_;
};

}  // namespace pysec::python
