#include "expr/data_flow.hpp"

namespace pysec::expr {
namespace {

bool is_boolean_function(const std::string& name) {
    return name == "contains" || name == "startswith" || name == "endswith" || name == "success" ||
           name == "always" || name == "cancelled" || name == "failure" || name == "hashfiles";
}

void reaching(const Expr& expression, std::vector<ContextUse>& out) {
    switch (expression.kind) {
        case ExprKind::Identifier:
        case ExprKind::Member:
        case ExprKind::Index:
        case ExprKind::Star: {
            if (auto path = context_path(expression)) {
                out.push_back(ContextUse{*path, expression.begin, expression.end});
            } else {
                // A property of something computed: `fromJSON(x).field` carries what x carries.
                reaching(*expression.children[0], out);
            }
            return;
        }
        case ExprKind::Call:
            if (is_boolean_function(expression.name)) return;
            for (const auto& argument : expression.children) reaching(*argument, out);
            return;
        case ExprKind::Binary:
            if (expression.op == BinaryOp::And) {
                reaching(*expression.children[1], out);
            } else if (expression.op == BinaryOp::Or) {
                reaching(*expression.children[0], out);
                reaching(*expression.children[1], out);
            }
            return;  // comparisons yield booleans
        default: return;  // literals and `!`
    }
}

void every(const Expr& expression, std::vector<ContextUse>& out) {
    if (auto path = context_path(expression)) {
        out.push_back(ContextUse{*path, expression.begin, expression.end});
        // Computed indexes read contexts of their own: secrets[format('X_{0}', matrix.n)].
        if (expression.kind == ExprKind::Index) every(*expression.children[1], out);
        return;
    }
    for (const auto& child : expression.children) every(*child, out);
}

}  // namespace

std::vector<ContextUse> contexts_reaching_value(const Expr& expression) {
    std::vector<ContextUse> out;
    reaching(expression, out);
    return out;
}

std::vector<ContextUse> all_contexts(const Expr& expression) {
    std::vector<ContextUse> out;
    every(expression, out);
    return out;
}

void for_each_call(const Expr& expression, const std::function<void(const Expr&)>& visit) {
    if (expression.kind == ExprKind::Call) visit(expression);
    for (const auto& child : expression.children) for_each_call(*child, visit);
}

}  // namespace pysec::expr
