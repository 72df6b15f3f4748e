// unredacted-secrets: `fromJSON(secrets.X)`: the fields of a JSON secret are
// not masked in the logs, only the secret's whole text is.

#include "rules/all_rules.hpp"
#include "rules/workflow/expression_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo unredacted_secrets_info{
    .id = "unredacted-secrets",
    .title = "fields of a JSON secret escape log masking",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "`fromJSON()` applied to a secret (`fromJSON(secrets.CONFIG).token`, "
            "`fromJSON(secrets['CONFIG'])`), anywhere in a workflow or action. Other uses of secrets, and "
            "`fromJSON` of anything else, are not reported.",
    .why = "The runner masks a secret by searching the log for its exact text (and a few encodings of "
           "it). A field taken out of a JSON secret is a different string: `{\"user\": \"u\", \"token\": "
           "\"abc\"}` is masked, `abc` alone is not, so the token appears in clear text in any log line that "
           "prints it, for anyone who can read the logs (everyone, in a public repository).",
    .fix = "Store each value that must stay secret as its own secret (`secrets.DEPLOY_TOKEN`). If a "
           "structured secret cannot be avoided, mask each field yourself before use with "
           "`echo \"::add-mask::$FIELD\"`.",
    .example = "Before:\n"
               "  TOKEN: ${{ fromJSON(secrets.DEPLOY_CONFIG).token }}\n"
               "After:\n"
               "  TOKEN: ${{ secrets.DEPLOY_TOKEN }}\n",
};

void find_json_secrets(const expr::Expr& expression, std::vector<const expr::Expr*>& out) {
    if (expression.kind == expr::ExprKind::Call && expression.name == "fromjson" && expression.children.size() == 1) {
        auto path = expr::context_path(*expression.children[0]);
        if (path && path->starts_with("secrets.")) {
            out.push_back(&expression);
            return;
        }
    }
    for (const auto& child : expression.children) find_json_secrets(*child, out);
}

class UnredactedSecretsRule final : public Rule {
public:
    const RuleInfo& info() const override { return unredacted_secrets_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_expression_scalar(context.project, [&](const ScalarExpressions& expressions) {
            for (const ExpressionItem& item : expressions.items()) {
                if (!item.expression) continue;
                std::vector<const expr::Expr*> calls;
                find_json_secrets(*item.expression, calls);
                std::string_view text = item.text(expressions.scalar().value);
                for (const expr::Expr* call : calls) {
                    std::string written(text.substr(call->begin, call->end - call->begin));
                    Finding finding = finding_at(expressions.location(item, *call),
                                                 "`" + written +
                                                     "` takes fields out of a JSON secret; the runner masks only "
                                                     "the whole secret, so the fields show in clear text in logs");
                    finding.help = "store each field as its own secret and use ${{ secrets.FIELD_NAME }}";
                    sink.add(std::move(finding));
                }
            }
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_unredacted_secrets_rule() { return std::make_unique<UnredactedSecretsRule>(); }

}  // namespace pysec
