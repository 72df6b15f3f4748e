// github-app: GitHub App tokens minted broader or longer-lived than needed.

#include "rules/all_rules.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo github_app_info{
    .id = "github-app",
    .title = "GitHub App token with more reach than the job needs",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A step (in a workflow or a composite action) using `actions/create-github-app-token` that:\n\n"
            "- sets `skip-token-revoke: true` (reported on the value; an expression there is reported with "
            "low confidence, since it may be true);\n"
            "- sets `owner:` without `repositories:` (reported on `owner`): the token then reaches every "
            "repository the app is installed on for that owner, not just the current one;\n"
            "- has no `permission-<scope>` input at all (reported on `uses:`): the token then gets every "
            "permission the app was granted.\n\n"
            "A `with:` given as one expression is not judged (that is `obfuscation`'s business).",
    .why = "An app installation token is usually far more powerful than the workflow's `GITHUB_TOKEN`: it "
           "can act on other repositories, trigger further workflows, and bypass branch protection when the "
           "app is allowed to. Any step after its creation (third-party actions, build tools, an injected "
           "script) can read it. Scoping it to the repositories and permissions the job needs bounds what "
           "a compromised step can do, and revoking it at the end of the job (the action's default) stops "
           "a leaked token from outliving the job by up to an hour.",
    .fix = "List the repositories and the permissions the token needs, and keep the default revocation.",
    .example = "Before:\n"
               "  - uses: actions/create-github-app-token@<sha>\n"
               "    with:\n"
               "      app-id: ${{ vars.APP_ID }}\n"
               "      private-key: ${{ secrets.APP_KEY }}\n"
               "      owner: octo-org\n"
               "After:\n"
               "  - uses: actions/create-github-app-token@<sha>\n"
               "    with:\n"
               "      app-id: ${{ vars.APP_ID }}\n"
               "      private-key: ${{ secrets.APP_KEY }}\n"
               "      owner: octo-org\n"
               "      repositories: docs\n"
               "      permission-contents: write\n",
};

bool is_truthy_input(std::string_view value) { return value == "true" || value == "True" || value == "TRUE"; }

class GitHubAppRule final : public Rule {
public:
    const RuleInfo& info() const override { return github_app_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_step(context.project, [&](const StepSite& site) {
            if (site.step.action_slug() == "actions/create-github-app-token") check_step(site.document, site.step, sink);
        });
    }

private:
    void check_step(const Document& document, const WorkflowStep& step, FindingSink& sink) const {
        if (step.with && step.with->is_scalar()) return;  // `with: ${{ ... }}`: cannot be judged
        Location action = document.location(*step.uses, "the app token is created here");
        if (const Node* skip = step.input_node("skip-token-revoke"); skip && skip->is_scalar()) {
            bool expression = skip->value.find("${{") != std::string::npos;
            if (expression || is_truthy_input(skip->value)) {
                Finding finding = finding_at(document, *skip,
                                             std::string(expression ? "`skip-token-revoke` may be true" :
                                                                      "`skip-token-revoke: true`") +
                                                 ": the token stays valid for up to an hour after the job, for "
                                                 "whoever got hold of it");
                if (expression) finding.confidence = Confidence::Low;
                finding.related.push_back(action);
                finding.help = "remove `skip-token-revoke` so that the token is revoked when the job ends";
                sink.add(std::move(finding));
            }
        }
        const Node::Entry* owner = step.with && step.with->is_mapping() ? step.with->find("owner") : nullptr;
        if (owner && !step.input_node("repositories")) {
            Finding finding = finding_at(document, *owner->key,
                                         "`owner:` without `repositories:` gives the token access to every repository "
                                         "of that owner the app is installed on");
            finding.related.push_back(action);
            finding.help = "repositories: <the repositories this job needs, comma-separated>";
            sink.add(std::move(finding));
        }
        bool scoped = false;
        if (step.with && step.with->is_mapping()) {
            for (const auto& entry : step.with->entries) scoped = scoped || entry.key->value.starts_with("permission-");
        }
        if (!scoped) {
            Finding finding = finding_at(document, *step.uses,
                                         "the app token gets every permission the app has, since no "
                                         "`permission-<scope>` input limits it");
            finding.help = "permission-contents: read  # plus one `permission-<scope>` input per scope the job needs";
            sink.add(std::move(finding));
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_github_app_rule() { return std::make_unique<GitHubAppRule>(); }

}  // namespace pysec
