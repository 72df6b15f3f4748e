// hardcoded-container-credentials: a registry password written into the workflow.

#include "rules/all_rules.hpp"

namespace pysec {
namespace {

constexpr RuleInfo hardcoded_container_credentials_info{
    .id = "hardcoded-container-credentials",
    .title = "container registry password written in the workflow",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "`container.credentials.password` or `services.<id>.credentials.password` whose value is "
            "literal text rather than an expression (`${{ secrets.X }}`). Any `${{ }}` in the value counts "
            "as an expression; an empty password is not reported. The finding names the key, never the value.",
    .why = "Everything in a workflow file is readable by anyone who can read the repository, and stays in "
           "its git history after it is removed. A registry password written there lets anyone pull (and, "
           "often, push) the images it protects: a way to plant code in every job that runs them.",
    .fix = "Store the password as an encrypted secret and reference it. Then revoke the password that was "
           "committed: removing it from the file does not remove it from the history. For GitHub Container "
           "Registry, `${{ secrets.GITHUB_TOKEN }}` with `packages: read` is enough.",
    .example = "Before:\n"
               "  container:\n"
               "    image: ghcr.io/octo-org/ci@sha256:<digest>\n"
               "    credentials:\n"
               "      username: octocat\n"
               "      password: hunter2\n"
               "After:\n"
               "  container:\n"
               "    image: ghcr.io/octo-org/ci@sha256:<digest>\n"
               "    credentials:\n"
               "      username: ${{ github.actor }}\n"
               "      password: ${{ secrets.GITHUB_TOKEN }}\n",
};

const Node* password_of(const Node* container) {
    const Node* credentials = container && container->is_mapping() ? container->get("credentials") : nullptr;
    const Node* password = credentials && credentials->is_mapping() ? credentials->get("password") : nullptr;
    if (!password || !password->is_scalar() || password->value.empty()) return nullptr;
    return password->value.find("${{") == std::string::npos ? password : nullptr;
}

class HardcodedContainerCredentialsRule final : public Rule {
public:
    const RuleInfo& info() const override { return hardcoded_container_credentials_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            for (const WorkflowJob& job : workflow.jobs) {
                report(*workflow.document, password_of(job.container), "the job's container", sink);
                if (!job.services || !job.services->is_mapping()) continue;
                for (const auto& service : job.services->entries) {
                    report(*workflow.document, password_of(service.value), "service `" + service.key->value + "`", sink);
                }
            }
        }
    }

private:
    void report(const Document& document, const Node* password, const std::string& owner, FindingSink& sink) const {
        if (!password) return;
        Finding finding = finding_at(document, *password,
                                     "the registry password of " + owner +
                                         " is written in the workflow (`password: ****`), readable by anyone "
                                         "who can read the repository");
        finding.redact_source = true;
        finding.help = "password: ${{ secrets.REGISTRY_PASSWORD }}";
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_hardcoded_container_credentials_rule() {
    return std::make_unique<HardcodedContainerCredentialsRule>();
}

}  // namespace pysec
