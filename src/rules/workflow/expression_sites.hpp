#pragma once
// The `${{ }}` expressions of YAML scalars, parsed once, with their places in
// the file.  Most expression rules ask the same two questions: "what does this
// expression say?" and "where exactly is this part of it?"; this answers both
// for any scalar (a `run:` script, an `if:`, a `with:` value, an `env:` value).
//
// An `if:` written without `${{ }}` is itself one expression (GitHub wraps it
// implicitly); `ScalarExpressions::condition` reads it that way.

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "expr/expression.hpp"
#include "expr/template.hpp"
#include "model/project.hpp"
#include "parse/scalar_source_map.hpp"

namespace pysec {

struct ExpressionItem {
    // Offsets in the scalar's value: the fence `${{ ... }}` (for an implicit
    // condition, the whole value) and the expression text inside it.
    expr::TemplateExpression fence;
    bool fenced = true;
    std::unique_ptr<expr::Expr> expression;  // null when the text does not parse

    // The expression's source text (inside the fence).
    std::string_view text(std::string_view value) const { return fence.inner(value); }
};

class ScalarExpressions {
public:
    // Every `${{ }}` of `scalar`.
    ScalarExpressions(const Document& document, const Node& scalar);
    // An `if:` value: the whole value is an expression when it holds no `${{`.
    static ScalarExpressions condition(const Document& document, const Node& scalar);

    ScalarExpressions(ScalarExpressions&&) = default;

    const Document& document() const { return *document_; }
    const Node& scalar() const { return *scalar_; }
    const std::vector<ExpressionItem>& items() const { return items_; }
    bool empty() const { return items_.empty(); }

    // Where value[begin, end) is in the file.
    Location location(std::size_t begin, std::size_t end, std::string message = {}) const;
    // Where a whole `${{ }}` is.
    Location location(const ExpressionItem& item, std::string message = {}) const;
    // Where a part of a parsed expression (a node of `item.expression`) is.
    Location location(const ExpressionItem& item, const expr::Expr& part, std::string message = {}) const;

private:
    ScalarExpressions(const Document& document, const Node& scalar, bool implicit_condition);
    const ScalarSourceMap& source_map() const;

    const Document* document_;
    const Node* scalar_;
    std::vector<ExpressionItem> items_;
    mutable std::unique_ptr<ScalarSourceMap> map_;  // built on first use: most scalars never need it
};

// Every scalar value of every workflow and action that holds an expression
// (and every `if:` of a job or step, fenced or not), in document order.
void for_each_expression_scalar(const Project& project, const std::function<void(const ScalarExpressions&)>& visit);

// Every scalar value under `node` (mapping values and sequence items; keys are
// never expressions).
void for_each_scalar(const Node& node, const std::function<void(const Node&)>& visit);

// The `if:` nodes of a workflow or an action: jobs, steps, composite steps.
std::vector<const Node*> condition_nodes(const Workflow& workflow);
std::vector<const Node*> condition_nodes(const ActionDefinition& action);
// Every `if:` of the project's workflows and composite actions, with its document.
void for_each_condition(const Project& project, const std::function<void(const Document&, const Node&)>& visit);

}  // namespace pysec
