#pragma once
// A PEP 508 environment marker ("python_version < '3.11' and sys_platform ==
// 'win32'"): parsed, printed in packaging's normalized form (which is also how
// two markers are compared), and evaluated against an environment.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "python/syntax_error.hpp"

namespace pysec::python {

struct MarkerOperand {
    bool is_variable = false;
    // A variable's name, with "os.name" spelled "os_name" and setuptools'
    // "python_implementation" spelled "platform_python_implementation"; or the
    // value of a quoted string, with its escapes resolved.
    std::string text;
    friend bool operator==(const MarkerOperand&, const MarkerOperand&) = default;
};

struct MarkerComparison {
    MarkerOperand left;
    std::string op;  // === == ~= != <= >= < > in, "not in"
    MarkerOperand right;
    friend bool operator==(const MarkerComparison&, const MarkerComparison&) = default;
};

enum class MarkerJoin { conjunction, disjunction };  // and, or

// Terms joined left to right; `and` binds tighter than `or` when evaluated.
struct MarkerExpression {
    struct Term {
        std::optional<MarkerComparison> comparison;  // a comparison ...
        std::vector<MarkerExpression> group;         // ... or one parenthesised expression
        friend bool operator==(const Term&, const Term&) = default;
    };
    std::vector<Term> terms;
    std::vector<MarkerJoin> joins;  // joins[i] is between terms[i] and terms[i + 1]
    friend bool operator==(const MarkerExpression&, const MarkerExpression&) = default;
};

// The values marker variables take.  `sets` holds the set-valued variables of
// lock files ("extras", "dependency_groups").
struct MarkerEnvironment {
    std::map<std::string, std::string, std::less<>> values;
    std::map<std::string, std::set<std::string>, std::less<>> sets;
};

// packaging's evaluation contexts: core metadata (where "extra" defaults to ""),
// lock files (where "extras" and "dependency_groups" default to empty sets), and
// any other requirement.
enum class MarkerContext { metadata, lock_file, requirement };

struct MarkerEvaluation {
    bool matches = false;
    // Why the marker cannot be evaluated, as packaging would raise it: a variable
    // missing from the environment, or an undefined comparison ("'2.7' ~= os_name").
    std::string error;
    bool ok() const { return error.empty(); }
};

class Marker {
public:
    // The error is packaging's, with the span of the input it points at.
    static ParseResult<Marker> parse(std::string_view text);
    // Extra and dependency-group names compared with a variable are normalized
    // (PEP 685), as packaging does when it builds a marker.
    explicit Marker(MarkerExpression expression);

    const MarkerExpression& expression() const { return expression_; }

    // str(Marker): 'python_version >= "3.8" and (os_name == "nt" or extra == "win")'.
    std::string to_string() const;

    // Every variable must be in `environment` (with the context's defaults), as
    // packaging evaluates a marker against a complete environment.  Version-valued
    // variables (python_version, python_full_version, implementation_version,
    // platform_release) compare as PEP 440 versions when the comparison is a valid
    // specifier; other comparisons are string (in)equality, with < and > false.
    MarkerEvaluation evaluate(const MarkerEnvironment& environment,
                              MarkerContext context = MarkerContext::metadata) const;

    // Markers are equal when their normalized forms are.
    friend bool operator==(const Marker& a, const Marker& b) { return a.to_string() == b.to_string(); }

private:
    MarkerExpression expression_;
};

}  // namespace pysec::python
