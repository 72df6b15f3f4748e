// secrets-inherit: a reusable-workflow call that passes every secret.

#include "rules/all_rules.hpp"

namespace pysec {
namespace {

constexpr RuleInfo secrets_inherit_info{
    .id = "secrets-inherit",
    .title = "reusable workflow called with `secrets: inherit`",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A job that calls a reusable workflow (`jobs.<id>.uses`) with `secrets: inherit`, which passes "
            "every secret the calling workflow can see, instead of the ones the called workflow needs. "
            "Reported on the `inherit` value. A call of a reusable workflow in the same repository "
            "(`./.github/workflows/...` or `$/...`) is low severity: it is code you review together with "
            "the caller, but it still receives secrets it has no use for.",
    .why = "Secrets given to a workflow are exposed to every step of it: its third-party actions, the "
           "packages it installs, and any template injection in it. Passing all of them means a compromise "
           "anywhere in the called workflow (or in a later version of it, when it is not pinned) leaks your "
           "PyPI tokens, cloud keys and deploy keys at once, where an explicit `secrets:` map would have "
           "limited it to what that workflow was given.",
    .fix = "Pass only the secrets the called workflow declares under `on.workflow_call.secrets`, by name.",
    .example = "Before:\n"
               "  jobs:\n"
               "    docs:\n"
               "      uses: octo-org/shared/.github/workflows/docs.yml@<sha>\n"
               "      secrets: inherit\n"
               "After:\n"
               "  jobs:\n"
               "    docs:\n"
               "      uses: octo-org/shared/.github/workflows/docs.yml@<sha>\n"
               "      secrets:\n"
               "        DOCS_DEPLOY_TOKEN: ${{ secrets.DOCS_DEPLOY_TOKEN }}\n",
};

bool calls_same_repository(const WorkflowJob& job) {
    return job.uses_reference && job.uses_reference->kind == UsesReference::Kind::Local;
}

class SecretsInheritRule final : public Rule {
public:
    const RuleInfo& info() const override { return secrets_inherit_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            for (const WorkflowJob& job : workflow.jobs) {
                if (!job.is_reusable_call() || !job.secrets || job.secrets->text() != "inherit") continue;
                std::string callee = job.uses->is_scalar() ? job.uses->value : std::string("the reusable workflow");
                Finding finding = finding_at(*workflow.document, *job.secrets,
                                             "`secrets: inherit` passes every secret of this workflow to `" + callee +
                                                 "`, not only the ones it needs");
                if (calls_same_repository(job)) finding.severity = Severity::Low;
                finding.related.push_back(workflow.document->location(*job.uses, "the workflow that receives them"));
                finding.help = "secrets:\n  <NAME>: ${{ secrets.<NAME> }}  # one line per secret it declares";
                sink.add(std::move(finding));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_secrets_inherit_rule() { return std::make_unique<SecretsInheritRule>(); }

}  // namespace pysec
