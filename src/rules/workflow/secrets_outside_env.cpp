// secrets-outside-env: a secret used by a job that has no `environment:`, so
// no deployment protection rule (reviewers, branch restrictions) stands
// between the workflow and the secret.

#include <set>

#include "core/text.hpp"
#include "expr/data_flow.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/expression_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo secrets_outside_env_info{
    .id = "secrets-outside-env",
    .title = "secret used outside a deployment environment",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Auditor,
    .family = "workflows",
    .what = "Every `secrets.X` (or `secrets['X']`, or a computed `secrets[...]`, or the whole `secrets`) in a "
            "job that has no `environment:`, and in the workflow's own `env:` when some job lacks one. "
            "Exempt: `secrets.GITHUB_TOKEN` (always available to every job), names listed in "
            "`rules.secrets-outside-env.config.allow` (a list of secret names, compared without regard to "
            "case), whole workflows with a `workflow_call` trigger (a called workflow's environments do not "
            "see the caller's secrets unless they are inherited, which `secrets-inherit` reports), and "
            "reusable-workflow call jobs (`jobs.<id>.uses`), which GitHub does not let declare an "
            "`environment:`. A job with any `environment:` is assumed to take its secrets from it. "
            "Auditor persona: many repositories keep CI-only secrets (coverage upload tokens) at repository "
            "level on purpose.",
    .why = "Repository and organisation secrets are available to every workflow run on any branch, "
           "including runs a compromised action, dependency or injected command controls. An environment "
           "secret is released only to jobs that name the environment, after its protection rules pass "
           "(required reviewers, allowed branches and tags, a wait timer), so a publishing token stored "
           "there cannot be read from a feature branch or a test job.",
    .fix = "Create a deployment environment (Settings, Environments), move the secret into it, add "
           "protection rules, and name the environment on the job that needs it (`environment: release`). "
           "For PyPI, prefer trusted publishing, which needs no secret at all.",
    .example = "Before:\n"
               "  publish:\n"
               "    runs-on: ubuntu-latest\n"
               "    steps:\n"
               "      - run: uv publish\n"
               "        env: {UV_PUBLISH_TOKEN: \"${{ secrets.PYPI_TOKEN }}\"}\n"
               "After:\n"
               "  publish:\n"
               "    runs-on: ubuntu-latest\n"
               "    environment: pypi\n"
               "    steps:\n"
               "      - run: uv publish\n"
               "        env: {UV_PUBLISH_TOKEN: \"${{ secrets.PYPI_TOKEN }}\"}\n",
};

std::set<std::string> read_allow_list(const Node* config) {
    std::set<std::string> allowed;
    if (!config) return allowed;
    if (!config->is_mapping()) throw RuleConfigError("secrets-outside-env: `config` must be a mapping");
    for (const auto& entry : config->entries) {
        if (entry.key->value != "allow") {
            throw RuleConfigError("secrets-outside-env: unknown config key '" + entry.key->value +
                                  "' (expected `allow`)");
        }
        const Node* list = entry.value;
        if (!list->is_sequence()) throw RuleConfigError("secrets-outside-env: `allow` must be a list of secret names");
        for (const Node* item : list->items) {
            if (!item->is_scalar() || item->value.empty()) {
                throw RuleConfigError("secrets-outside-env: `allow` must be a list of secret names");
            }
            allowed.insert(to_lower(item->value));
        }
    }
    return allowed;
}

struct SecretUse {
    std::string written;  // as in the expression: `secrets.PYPI_TOKEN`
    Location location;
};

std::vector<SecretUse> secret_uses(const Document& document, const Node& root, const std::set<std::string>& allowed) {
    std::vector<SecretUse> uses;
    for_each_scalar(root, [&](const Node& scalar) {
        if (scalar.value.find("${{") == std::string::npos) return;
        ScalarExpressions expressions(document, scalar);
        for (const ExpressionItem& item : expressions.items()) {
            if (!item.expression) continue;
            std::string_view text = item.text(scalar.value);
            for (const expr::ContextUse& use : expr::all_contexts(*item.expression)) {
                if (use.path != "secrets" && !use.path.starts_with("secrets.")) continue;
                std::string name = use.path == "secrets" ? "" : use.path.substr(8);
                name = name.substr(0, name.find('.'));
                if (name == "github_token" || allowed.contains(name)) continue;
                uses.push_back(SecretUse{std::string(text.substr(use.begin, use.end - use.begin)),
                                         expressions.location(item.fence.inner_begin + use.begin,
                                                              item.fence.inner_begin + use.end)});
            }
        }
    });
    return uses;
}

class SecretsOutsideEnvRule final : public Rule {
public:
    const RuleInfo& info() const override { return secrets_outside_env_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        std::set<std::string> allowed = read_allow_list(context.config);
        for (const Workflow& workflow : context.project.workflows()) {
            if (workflow.has_trigger("workflow_call")) continue;
            const Document& document = *workflow.document;
            const WorkflowJob* unprotected = nullptr;
            for (const WorkflowJob& job : workflow.jobs) {
                if (job.is_reusable_call() || job.environment) continue;
                if (!unprotected) unprotected = &job;
                for (SecretUse& use : secret_uses(document, *job.node, allowed)) {
                    report(document, job, std::move(use),
                           "is used in job `" + job.id + "`, which has no `environment:`", sink);
                }
            }
            if (unprotected && workflow.env) {
                for (SecretUse& use : secret_uses(document, *workflow.env, allowed)) {
                    report(document, *unprotected, std::move(use),
                           "is set in the workflow's `env:`, which reaches jobs without an `environment:` such "
                           "as `" + unprotected->id + "`",
                           sink);
                }
            }
        }
    }

private:
    void report(const Document& document, const WorkflowJob& job, SecretUse use, const std::string& where,
                FindingSink& sink) const {
        Finding finding = finding_at(std::move(use.location),
                                     "`" + use.written + "` " + where +
                                         ", so no deployment protection rule guards the secret");
        finding.related.push_back(document.location(*job.key, "the job, without `environment:`"));
        finding.help = "environment: <name>   # on job `" + job.id + "`, with the secret moved into that environment";
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_secrets_outside_env_rule() { return std::make_unique<SecretsOutsideEnvRule>(); }

}  // namespace pysec
