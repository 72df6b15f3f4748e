// anonymous-definition: a workflow without a `name:`.

#include "core/text.hpp"
#include "rules/all_rules.hpp"

namespace pysec {
namespace {

constexpr RuleInfo anonymous_definition_info{
    .id = "anonymous-definition",
    .title = "workflow without a name",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Pedantic,
    .family = "workflows",
    .what = "A workflow with no top-level `name:`, or an empty one. Reported on the first key of the file, "
            "where the name belongs. Workflows that only run on `workflow_call` are exempt: GitHub shows "
            "their runs under the caller's job name and never lists them on their own. Jobs without `name:` "
            "are not reported: GitHub shows their id, which is usually as good a name. Actions are not "
            "checked: GitHub requires their `name:` and rejects them without one.",
    .why = "GitHub shows an unnamed workflow by its file path, in the Actions tab, in required status "
           "checks and in notifications. Names make it easier to see which workflow ran, to spot one that "
           "should not have, and to refer to it from `workflow_run` triggers and branch protection rules "
           "without depending on the file name.",
    .fix = "Give the workflow a short `name:` at the top.",
    .example = "Before:\n"
               "  on: push\n"
               "After:\n"
               "  name: tests\n"
               "  on: push\n",
};

class AnonymousDefinitionRule final : public Rule {
public:
    const RuleInfo& info() const override { return anonymous_definition_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            if (workflow.name && workflow.name->is_scalar() && !trim(workflow.name->value).empty()) continue;
            if (workflow.root->entries.empty() || workflow.is_reusable_only()) continue;
            const Node& where = workflow.name ? *workflow.root->find("name")->key : *workflow.root->entries.front().key;
            Finding finding = finding_at(*workflow.document, where,
                                         "the workflow has no `name:`, so GitHub shows it by its file path");
            finding.help = "name: <what this workflow does>";
            sink.add(std::move(finding));
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_anonymous_definition_rule() { return std::make_unique<AnonymousDefinitionRule>(); }

}  // namespace pysec
