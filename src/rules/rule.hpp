#pragma once
// What a rule is: static metadata and documentation, and a pure check that
// reads the project and emits findings.  Rules never do I/O, never print,
// never touch the network, and never see another rule.

#include <string>
#include <string_view>

#include "core/finding.hpp"
#include "core/severity.hpp"
#include "model/project.hpp"

namespace pysec {

struct RuleInfo {
    std::string_view id;     // kebab-case, stable; zizmor's id where the concept is the same
    std::string_view title;  // one line, for listings
    Severity severity;
    Confidence confidence;
    Persona persona;
    std::string_view family;  // "workflows", "dependabot", ... (SARIF tags)
    // Documentation, printed by `pysec rules ID` and embedded in SARIF.
    std::string_view what;
    std::string_view why;
    std::string_view fix;
    std::string_view example;  // before/after
};

class FindingSink {
public:
    virtual ~FindingSink() = default;
    virtual void add(Finding finding) = 0;
};

// Thrown while reading a rule's `config:`; the CLI reports it as a usage error.
class RuleConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct RuleContext {
    const Project& project;
    const Node* config;  // `rules.<id>.config` from the pysec config, or null
};

class Rule {
public:
    virtual ~Rule() = default;
    virtual const RuleInfo& info() const = 0;
    virtual void check(const RuleContext& context, FindingSink& sink) const = 0;

protected:
    // A finding with this rule's defaults, located at `node` (or at `location`).
    Finding finding_at(const Document& document, const Node& node, std::string message) const;
    Finding finding_at(Location location, std::string message) const;
};

}  // namespace pysec
