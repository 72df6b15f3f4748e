// dependabot-execution: `insecure-external-code-execution: allow` lets the
// package manager run code from the repository and its dependencies while
// Dependabot holds the registry credentials.

#include "rules/all_rules.hpp"

namespace pysec {
namespace {

constexpr RuleInfo dependabot_execution_info{
    .id = "dependabot-execution",
    .title = "Dependabot allowed to execute code from manifests",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "dependabot",
    .what = "An `updates[]` entry of `.github/dependabot.yml` with `insecure-external-code-execution: allow`. "
            "`deny` and an absent key (Dependabot's default for the ecosystems that support it) are fine. Every "
            "entry is checked; the finding points at the value.",
    .why = "For pip (`setup.py`), bundler, mix and a few others, resolving dependencies can run code from the "
           "repository and from the dependencies being updated. With `allow`, Dependabot runs it during the "
           "update, in the environment that holds the credentials of the private registries in `registries:`, so "
           "one malicious release can read them. zizmor reports the same setting as `dependabot-execution`.",
    .fix = "Remove the key or set it to `deny`; if a private registry is what requires it, move the dependency "
           "to a form that does not need code execution to resolve (a wheel, a pyproject.toml).",
    .example = "Before:\n"
               "  - package-ecosystem: pip\n"
               "    directory: /\n"
               "    insecure-external-code-execution: allow\n"
               "After:\n"
               "  - package-ecosystem: pip\n"
               "    directory: /\n"
               "    insecure-external-code-execution: deny\n",
};

class DependabotExecutionRule final : public Rule {
public:
    const RuleInfo& info() const override { return dependabot_execution_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const DependabotConfig& config : context.project.dependabot_configs()) {
            for (const DependabotUpdate& update : config.entries) {
                const Node* value = update.node->get("insecure-external-code-execution");
                if (!value || value->text() != "allow") continue;
                std::string entry = update.ecosystem.empty() ? "an update entry" : "the `" + update.ecosystem + "` entry";
                Finding finding = finding_at(*config.document, *value,
                                             "`insecure-external-code-execution: allow` in " + entry +
                                                 ": Dependabot runs code from the manifests and the updated "
                                                 "dependencies while holding the registry credentials");
                finding.help = "insecure-external-code-execution: deny";
                sink.add(std::move(finding));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_dependabot_execution_rule() { return std::make_unique<DependabotExecutionRule>(); }

}  // namespace pysec
