// dangerous-triggers: `pull_request_target` and `workflow_run`.

#include "rules/all_rules.hpp"

namespace pysec {
namespace {

constexpr RuleInfo dangerous_triggers_info{
    .id = "dangerous-triggers",
    .title = "workflow runs on pull_request_target or workflow_run",
    .severity = Severity::High,
    .confidence = Confidence::Medium,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A workflow whose `on:` includes `pull_request_target` or `workflow_run`, in any of the "
            "three forms (`on: pull_request_target`, a list, or a mapping). The finding points at "
            "the trigger. `pwn-request` reports the concrete exploit shape (checking out and running "
            "the pull request's code); this rule reports the trigger itself, because it is hard to use "
            "safely at all.",
    .why = "Both triggers run in the context of the base repository, with its secrets and a token that "
           "can write, for events that anyone can cause: `pull_request_target` for a pull request from "
           "any fork, `workflow_run` after another workflow that may itself have run for a fork. Any "
           "step that touches the pull request's code, branch name, title or artifacts hands that "
           "power to the attacker. Most of the Actions compromises of 2021-2025 (Ultralytics, "
           "spotbugs/reviewdog, many 'pwn requests') started here.",
    .fix = "Use `pull_request` instead: it runs fork pull requests with a read-only token and no "
           "secrets. If you need to comment on or label the pull request, split the work: a "
           "`pull_request` workflow that uploads its results as an artifact, and a separate privileged "
           "workflow that only reads that artifact as data. If you must keep the trigger, never check "
           "out or run the pull request's head, set `permissions:` to the minimum, and acknowledge "
           "the finding with `# pysec: ignore[dangerous-triggers]` on the trigger line.",
    .example = "Before:\n"
               "  on: pull_request_target\n"
               "After:\n"
               "  on: pull_request\n",
};

class DangerousTriggersRule final : public Rule {
public:
    const RuleInfo& info() const override { return dangerous_triggers_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            for (const WorkflowTrigger& trigger : workflow.triggers) {
                std::string message;
                if (trigger.event == "pull_request_target") {
                    message = "`pull_request_target` runs for pull requests from forks with the base "
                              "repository's secrets and a write token";
                } else if (trigger.event == "workflow_run") {
                    message = "`workflow_run` runs with secrets and a write token after another workflow, "
                              "which may have run for a fork's pull request";
                } else {
                    continue;
                }
                sink.add(finding_at(*workflow.document, *trigger.node, std::move(message)));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_dangerous_triggers_rule() { return std::make_unique<DangerousTriggersRule>(); }

}  // namespace pysec
