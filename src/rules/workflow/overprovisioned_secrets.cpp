// overprovisioned-secrets: the whole `secrets` context (`toJSON(secrets)`) or
// a secret picked by a computed name (`secrets[format(...)]`), which hands the
// job every secret instead of the ones it needs.

#include "rules/all_rules.hpp"
#include "rules/workflow/expression_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo overprovisioned_secrets_info{
    .id = "overprovisioned-secrets",
    .title = "every secret handed to the job",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "An expression anywhere in a workflow or action that takes the whole `secrets` context: "
            "`toJSON(secrets)`, `${{ secrets }}`, `secrets.*`, or a secret chosen by a computed name, "
            "`secrets[format('TOKEN_{0}', matrix.env)]` or `secrets[inputs.name]`. A secret named by a "
            "literal (`secrets.PYPI_TOKEN`, `secrets['PYPI_TOKEN']`) is what GitHub expects and is not "
            "reported.",
    .why = "GitHub gives a job only the secrets its expressions name. `toJSON(secrets)` names them all: "
           "every repository and organisation secret is written into the step's environment or arguments, "
           "so one compromised step, action or dependency gets all of them, and a computed name lets "
           "whoever controls the name read any secret. The runner still masks the values in logs, but "
           "nothing stops a process from sending them elsewhere.",
    .fix = "Name each secret the step needs, one by one (`PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}`). For a "
           "choice between a few secrets, spell the choice out with literals (`matrix.env == 'prod' && "
           "secrets.PROD_TOKEN || secrets.STAGING_TOKEN`), or use environments with the same secret name.",
    .example = "Before:\n"
               "  env:\n"
               "    SECRETS: ${{ toJSON(secrets) }}\n"
               "After:\n"
               "  env:\n"
               "    PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}\n",
};

bool is_secrets_identifier(const expr::Expr& expression) {
    return expression.kind == expr::ExprKind::Identifier && expression.name == "secrets";
}

// Uses of the whole context: bare `secrets`, `secrets.*`, `secrets[<not a string>]`.
void find_overprovisioning(const expr::Expr& expression, bool is_base, std::vector<const expr::Expr*>& out) {
    switch (expression.kind) {
        case expr::ExprKind::Identifier:
            if (!is_base && is_secrets_identifier(expression)) out.push_back(&expression);
            return;
        case expr::ExprKind::Star:
            if (is_secrets_identifier(*expression.children[0])) {
                out.push_back(&expression);
                return;
            }
            find_overprovisioning(*expression.children[0], true, out);
            return;
        case expr::ExprKind::Index:
            if (is_secrets_identifier(*expression.children[0]) &&
                expression.children[1]->kind != expr::ExprKind::String) {
                out.push_back(&expression);
                return;
            }
            find_overprovisioning(*expression.children[0], true, out);
            find_overprovisioning(*expression.children[1], false, out);
            return;
        case expr::ExprKind::Member: find_overprovisioning(*expression.children[0], true, out); return;
        case expr::ExprKind::Call:
            // `toJSON(secrets)`: the call is what people recognise.
            for (const auto& child : expression.children) {
                if (is_secrets_identifier(*child)) {
                    out.push_back(&expression);
                    return;
                }
            }
            for (const auto& child : expression.children) find_overprovisioning(*child, false, out);
            return;
        default:
            for (const auto& child : expression.children) find_overprovisioning(*child, false, out);
            return;
    }
}

class OverprovisionedSecretsRule final : public Rule {
public:
    const RuleInfo& info() const override { return overprovisioned_secrets_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_expression_scalar(context.project, [&](const ScalarExpressions& expressions) {
            for (const ExpressionItem& item : expressions.items()) {
                if (!item.expression) continue;
                std::vector<const expr::Expr*> uses;
                find_overprovisioning(*item.expression, false, uses);
                std::string_view text = item.text(expressions.scalar().value);
                for (const expr::Expr* use : uses) {
                    std::string written(text.substr(use->begin, use->end - use->begin));
                    std::string message =
                        use->kind == expr::ExprKind::Index
                            ? "`" + written + "` picks a secret by a computed name, so the job receives every "
                                              "secret of the repository"
                            : "`" + written + "` hands every secret of the repository to the job";
                    Finding finding = finding_at(expressions.location(item, *use), std::move(message));
                    finding.help = "name each secret the step needs: ${{ secrets.NAME }}";
                    sink.add(std::move(finding));
                }
            }
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_overprovisioned_secrets_rule() { return std::make_unique<OverprovisionedSecretsRule>(); }

}  // namespace pysec
