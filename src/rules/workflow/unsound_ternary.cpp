// unsound-ternary: the pseudo-ternary `cond && <falsy> || x`, which always
// yields x: when cond is true, `&&` yields the falsy value and `||` moves on.

#include "rules/all_rules.hpp"
#include "rules/workflow/expression_constants.hpp"
#include "rules/workflow/expression_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo unsound_ternary_info{
    .id = "unsound-ternary",
    .title = "pseudo-ternary whose true branch is falsy",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "An expression anywhere in a workflow or action (including `if:` without `${{ }}`) of the "
            "form `cond && <falsy constant> || x`: the true branch is `''`, `false`, `0`, `null`, or a "
            "constant that evaluates to one (`fromJSON('false')`, `format('')`). Every such branch of a "
            "longer `a && '' || b && 0 || c` chain is reported. Expressions made only of literals are "
            "left to `obfuscation`.",
    .why = "GitHub expressions have no ternary operator; `cond && a || b` imitates one only while `a` is "
           "truthy. With a falsy `a` the expression yields `b` whatever `cond` is, so a `runs-on`, a "
           "`fail-fast`, a version or an environment name silently takes the same value on every run, "
           "for example skipping the protected environment that the condition was meant to select.",
    .fix = "Negate the condition and swap the branches, so that the falsy value comes last: "
           "`!cond && x || ''`. Where the falsy value is a boolean the expression usually simplifies to "
           "`!cond && x`, or to a plain comparison.",
    .example = "Before:\n"
               "  fail-fast: ${{ github.event_name == 'pull_request' && false || true }}\n"
               "After:\n"
               "  fail-fast: ${{ github.event_name != 'pull_request' }}\n",
};

bool is_or(const expr::Expr& expression) {
    return expression.kind == expr::ExprKind::Binary && expression.op == expr::BinaryOp::Or;
}

bool is_and(const expr::Expr& expression) {
    return expression.kind == expr::ExprKind::Binary && expression.op == expr::BinaryOp::And;
}

// `a || b || c` as [a, b, c], whatever the grouping (`||` is associative).
void or_operands(const expr::Expr& expression, std::vector<const expr::Expr*>& out) {
    if (is_or(expression)) {
        for (const auto& child : expression.children) or_operands(*child, out);
    } else {
        out.push_back(&expression);
    }
}

struct UnsoundBranch {
    const expr::Expr* ternary;      // the `cond && <falsy>` operand
    const expr::Expr* alternative;  // the operand after it
    bool whole_chain;               // `cond && <falsy> || x` and nothing more
};

void find_unsound(const expr::Expr& expression, std::vector<UnsoundBranch>& out) {
    if (is_constant_expression(expression)) return;
    if (!is_or(expression)) {
        for (const auto& child : expression.children) find_unsound(*child, out);
        return;
    }
    std::vector<const expr::Expr*> operands;
    or_operands(expression, operands);
    for (std::size_t i = 0; i + 1 < operands.size(); ++i) {
        const expr::Expr& operand = *operands[i];
        if (is_and(operand) && is_falsy_constant(*operand.children[1])) {
            out.push_back(UnsoundBranch{&operand, operands[i + 1], operands.size() == 2});
        }
    }
    for (const expr::Expr* operand : operands) find_unsound(*operand, out);
}

class UnsoundTernaryRule final : public Rule {
public:
    const RuleInfo& info() const override { return unsound_ternary_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_expression_scalar(context.project, [&](const ScalarExpressions& expressions) {
            for (const ExpressionItem& item : expressions.items()) {
                if (!item.expression) continue;
                std::vector<UnsoundBranch> branches;
                find_unsound(*item.expression, branches);
                std::string_view text = item.text(expressions.scalar().value);
                auto source = [&](const expr::Expr& part) {
                    return std::string(text.substr(part.begin, part.end - part.begin));
                };
                for (const UnsoundBranch& branch : branches) {
                    const expr::Expr& condition = *branch.ternary->children[0];
                    const expr::Expr& falsy = *branch.ternary->children[1];
                    Finding finding = finding_at(
                        expressions.location(item, falsy),
                        "`" + source(*branch.ternary) + " || " + source(*branch.alternative) + "` never yields `" +
                            source(falsy) + "`: it is falsy, so `||` moves on to `" + source(*branch.alternative) +
                            "` even when the condition holds");
                    if (branch.whole_chain) {
                        finding.help = "!(" + source(condition) + ") && " + source(*branch.alternative) + " || " +
                                       source(falsy);
                    }
                    sink.add(std::move(finding));
                }
            }
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_unsound_ternary_rule() { return std::make_unique<UnsoundTernaryRule>(); }

}  // namespace pysec
