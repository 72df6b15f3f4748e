#pragma once
// What a `${{ }}` expression in a job can evaluate to, as far as the file
// says: literals, the values of a static `strategy.matrix`, the options of a
// `choice` input.  Used where a rule must judge the value a key will have at
// run time (`runs-on: ${{ matrix.os }}`, `container: ${{ matrix.image }}`).

#include <optional>
#include <string>
#include <vector>

#include "expr/expression.hpp"
#include "model/workflow.hpp"

namespace pysec {

struct PossibleValue {
    std::optional<std::string> text;  // scalars; nullopt for a sequence or mapping value
    const Node* node = nullptr;       // where the value is written in the file (null: in the expression)
};

struct PossibleValues {
    // False when some value comes from something pysec cannot see (a string
    // input, `vars.*`, a step output, a dynamic matrix, ...).
    bool complete = true;
    std::vector<PossibleValue> values;
};

PossibleValues possible_values(const expr::Expr& expression, const Workflow& workflow, const WorkflowJob& job);

// The same for the text inside one `${{ }}`; incomplete when it does not parse.
PossibleValues possible_values(std::string_view expression_text, const Workflow& workflow, const WorkflowJob& job);

}  // namespace pysec

namespace pysec {

// Every text a scalar with `${{ }}` in it can take: the values of each
// expression put in place (at most 256 combinations, else incomplete).  A
// scalar that is one expression keeps non-scalar values (a matrix entry that
// is a list); in longer text only scalar values can be put in place.
PossibleValues possible_texts(const Node& scalar, const Workflow& workflow, const WorkflowJob& job);

}  // namespace pysec
