#pragma once
// Who controls the value of an expression where it is evaluated.  The context
// trust table (expr/context_trust.hpp) knows contexts in general; inputs, env
// and matrix values depend on the workflow: an input's declared type, the
// value an `env:` variable is set to, whether a matrix is written out.  This
// follows them, so that `${{ env.TITLE }}` is as dangerous as the
// `github.event.issue.title` it was set from, and `${{ inputs.dry-run }}` of a
// boolean input is harmless.

#include <string>
#include <vector>

#include "expr/expression.hpp"
#include "model/project.hpp"

namespace pysec {

// Where an expression is evaluated: a workflow job's step (workflow and job
// set) or a composite action's step (action set).  `step` may be null for
// expressions outside steps (a job's `if:`, its `env:`).  With `project`
// set, the inputs of an action inside the repository are followed to what
// the repository's workflows pass it.
struct ExpressionScope {
    const Workflow* workflow = nullptr;
    const WorkflowJob* job = nullptr;
    const ActionDefinition* action = nullptr;
    const WorkflowStep* step = nullptr;
    const Project* project = nullptr;
};

// Ordered from harmless to dangerous, so that the worst source is the maximum.
enum class SourceRisk {
    Safe,      // numbers, ids, SHAs, enums, literals, secrets: nothing to inject
    Unknown,   // produced at run time or configured elsewhere: step outputs, vars, undefined env
    Low,       // chosen from a closed set by someone with write access (an environment input)
    Attacker,  // free text whoever triggers the workflow (or calls it) chooses
};

struct ValueSource {
    SourceRisk risk = SourceRisk::Safe;
    std::string context;  // as it appears in the expression: `env.title`, `github.head_ref`
    std::size_t begin = 0;  // span of that context in the expression text
    std::size_t end = 0;
    // What it is, for messages: "an issue title", "a free-text input",
    // "set from `github.head_ref` (the pull request's branch name)".
    std::string why;
    // Where the value is defined, when that explains the finding: the input's
    // key, the `env:` entry, the matrix value, a caller's `with:` value (in
    // `definition_document` when that is another file; null means the same).
    const Node* definition = nullptr;
    const Document* definition_document = nullptr;
    std::string definition_note;
};

// Every context that reaches the value of `expression` (parsed from `text`),
// each with its risk.
std::vector<ValueSource> value_sources(const expr::Expr& expression, std::string_view text,
                                       const ExpressionScope& scope);

// The riskiest of them (risk Safe with an empty context when none reaches it).
// Ties keep the first in the expression.
ValueSource riskiest_source(const expr::Expr& expression, std::string_view text, const ExpressionScope& scope);

}  // namespace pysec
