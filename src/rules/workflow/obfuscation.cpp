// obfuscation: workflow text written so that it says less than it does:
// `uses:` paths with `.`, `..` or empty components, expressions that fold to
// a constant, and a whole `with:` hidden in one expression.

#include <algorithm>

#include "rules/all_rules.hpp"
#include "rules/workflow/expression_constants.hpp"
#include "rules/workflow/expression_sites.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo obfuscation_info{
    .id = "obfuscation",
    .title = "workflow text that hides what it does",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "Three shapes, in workflows and actions:\n"
            "- a `uses:` whose path has `.`, `..` or empty components (`actions/checkout/../evil@v4`, "
            "`owner/repo//path@v1`, `./.github/actions/../../tmp`); the leading `./` of a local action and a "
            "trailing slash after it (`uses: ./`, the repository's own action) are fine;\n"
            "- an expression, or a part of one, that always has the same value because it involves only "
            "literals: `format('{0}', 'x')`, `'a' == 'a'`, `true && 'x'`, `!false`, `fromJSON(toJSON('x'))`; "
            "and the identity round trip `fromJSON(toJSON(x))` of anything. A plain literal (`${{ true }}`, "
            "`if: false`) is not reported, and neither is `fromJSON('[\"a\", \"b\"]')` or `fromJSON('true')`, "
            "the only way to write a list, a number or a boolean;\n"
            "- a step's or reusable-workflow call's whole `with:` written as one expression "
            "(`with: ${{ fromJSON(needs.setup.outputs.inputs) }}`), which hides which inputs an action gets.",
    .why = "Reviewers and tools (pysec's own rules among them) match `uses:` against names such as "
           "`actions/checkout` and read expressions to see where values come from. Paths that climb out "
           "of the named action and expressions that compute a constant defeat both, and they are a known "
           "trick for slipping a change past review; a legitimate workflow never needs them.",
    .fix = "Write the plain value: the canonical `owner/repo/path@ref`, the constant the expression "
           "evaluates to, and `with:` as a mapping of named inputs.",
    .example = "Before:\n"
               "  - uses: actions/cache/save/../../checkout@<sha>\n"
               "  - run: echo ${{ format('{0}', 'hello') }}\n"
               "After:\n"
               "  - uses: actions/checkout@<sha>\n"
               "  - run: echo hello\n",
};

// The path components of a `uses:` that GitHub resolves but that hide what
// is used: "`.`", "`..`" or an empty one.
std::vector<std::string> odd_components(std::string_view uses) {
    std::vector<std::string> odd;
    if (uses.starts_with("docker://")) return odd;
    std::string_view path = uses.substr(0, uses.rfind('@'));
    bool local = path.starts_with("./") || path.starts_with("../") || path.starts_with("$/");
    // owner/repo are the first two components of a repository reference,
    // `.` the first of a local one.
    std::size_t skip = local ? 1 : 2;
    std::size_t index = 0;
    std::size_t position = 0;
    while (position <= path.size()) {
        std::size_t slash = path.find('/', position);
        std::string_view component = path.substr(position, slash == std::string_view::npos ? slash : slash - position);
        bool first_local_dots = local && index == 0 && component == "..";
        // A trailing slash of a local path (`uses: ./`, the repository's own
        // action) names the same directory.
        bool trailing_local_slash = local && component.empty() && slash == std::string_view::npos;
        if ((index >= skip || first_local_dots) && !trailing_local_slash &&
            (component == "." || component == ".." || component.empty())) {
            std::string name = component.empty() ? "an empty component" : "`" + std::string(component) + "`";
            if (std::find(odd.begin(), odd.end(), name) == odd.end()) odd.push_back(name);
        }
        if (slash == std::string_view::npos) break;
        position = slash + 1;
        ++index;
    }
    return odd;
}

bool is_fromjson_of_literal(const expr::Expr& expression) {
    return expression.kind == expr::ExprKind::Call && expression.name == "fromjson" &&
           expression.children.size() == 1 && expression.children[0]->kind == expr::ExprKind::String;
}

bool is_round_trip(const expr::Expr& expression) {
    return expression.kind == expr::ExprKind::Call && expression.name == "fromjson" &&
           expression.children.size() == 1 && expression.children[0]->kind == expr::ExprKind::Call &&
           expression.children[0]->name == "tojson" && expression.children[0]->children.size() == 1;
}

// The largest parts worth reporting: constant but not already a plain value.
void find_obfuscated(const expr::Expr& expression, std::vector<const expr::Expr*>& out) {
    if (is_round_trip(expression) || (is_constant_expression(expression) && !expression.is_literal() &&
                                      !is_fromjson_of_literal(expression))) {
        out.push_back(&expression);
        return;
    }
    for (const auto& child : expression.children) find_obfuscated(*child, out);
}

class ObfuscationRule final : public Rule {
public:
    const RuleInfo& info() const override { return obfuscation_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        check_uses(context.project, sink);
        check_expressions(context.project, sink);
        check_with(context.project, sink);
    }

private:
    void check_uses(const Project& project, FindingSink& sink) const {
        for_each_uses(project, [&](const UsesSite& site) {
            if (!site.node.is_scalar()) return;
            std::vector<std::string> odd = odd_components(site.node.value);
            if (odd.empty()) return;
            std::string list;
            for (const std::string& name : odd) list += (list.empty() ? "" : " and ") + name;
            sink.add(finding_at(site.document, site.node,
                                "`" + site.node.value + "` has " + list +
                                    " in its path, which hides which action it runs"));
        });
    }

    void check_expressions(const Project& project, FindingSink& sink) const {
        for_each_expression_scalar(project, [&](const ScalarExpressions& expressions) {
            for (const ExpressionItem& item : expressions.items()) {
                if (!item.expression) continue;
                std::vector<const expr::Expr*> parts;
                find_obfuscated(*item.expression, parts);
                std::string_view text = item.text(expressions.scalar().value);
                for (const expr::Expr* part : parts) {
                    std::string written(text.substr(part->begin, part->end - part->begin));
                    Finding finding = finding_at(expressions.location(item, *part), "");
                    if (is_round_trip(*part)) {
                        std::string_view inner = text.substr(part->children[0]->children[0]->begin,
                                                             part->children[0]->children[0]->end -
                                                                 part->children[0]->children[0]->begin);
                        finding.message = "`" + written + "` is the same as `" + std::string(inner) +
                                          "`; the round trip only hides it";
                        finding.help = std::string(inner);
                    } else if (auto value = expr::constant_value(*part)) {
                        finding.message = "`" + written + "` always evaluates to `" + *value +
                                          "`; write the value itself";
                        finding.help = *value;
                    } else {
                        finding.message = "`" + written + "` involves only literals and always has the same "
                                          "value; write the value itself";
                    }
                    sink.add(std::move(finding));
                }
            }
        });
    }

    void check_with(const Project& project, FindingSink& sink) const {
        auto check = [&](const Document& document, const Node* with) {
            if (!with || !with->is_scalar() || with->value.find("${{") == std::string::npos) return;
            Finding finding = finding_at(document, *with,
                                         "the whole `with:` is one expression, which hides which inputs the "
                                         "action receives");
            finding.help = "with:\n  <input>: ${{ <value> }}   # one named input per line";
            sink.add(std::move(finding));
        };
        for (const Workflow& workflow : project.workflows()) {
            for (const WorkflowJob& job : workflow.jobs) {
                check(*workflow.document, job.with);
                for (const WorkflowStep& step : job.steps) check(*workflow.document, step.with);
            }
        }
        for (const ActionDefinition& action : project.actions()) {
            for (const WorkflowStep& step : action.steps) check(*action.document, step.with);
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_obfuscation_rule() { return std::make_unique<ObfuscationRule>(); }

}  // namespace pysec
