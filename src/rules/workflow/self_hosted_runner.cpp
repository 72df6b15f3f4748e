// self-hosted-runner: jobs that run (or may run) on self-hosted runners.

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/possible_values.hpp"

namespace pysec {
namespace {

constexpr RuleInfo self_hosted_runner_info{
    .id = "self-hosted-runner",
    .title = "job runs on a self-hosted runner",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Auditor,
    .family = "workflows",
    .what = "A job whose `runs-on` selects a self-hosted runner: the `self-hosted` label (as the value, in "
            "a list, or under `labels:`), or a runner group (`runs-on: {group: ...}`, medium confidence: "
            "groups can also hold GitHub's larger runners). An expression (`runs-on: ${{ matrix.os }}`) is "
            "expanded where the file says what it can be (a static matrix, literals, the options of a "
            "`choice` input): reported with high confidence when a value is `self-hosted` or a group, not "
            "reported when no value is, and reported with low confidence when a value cannot be known (a "
            "string input, `vars.*`, a job output, a dynamic matrix).\n\n"
            "Custom labels without `self-hosted` (`depot-ubuntu-24.04`, `gpu`) are not reported: pysec cannot "
            "tell a self-hosted runner from a GitHub-hosted larger runner by its name. This rule is for "
            "auditors: a self-hosted runner is not a flaw in itself, but it deserves a look.",
    .why = "A self-hosted runner runs the job's code on your machine. Unless it is ephemeral (a fresh "
           "machine per job), a job can leave a backdoor, a poisoned cache or a modified toolchain behind for "
           "the jobs that follow, including privileged release jobs. In a public repository a pull request "
           "from a fork can run on it. Researchers used exactly this to compromise PyTorch's release "
           "infrastructure in 2023-2024 (persistent runners reachable from fork pull requests).",
    .fix = "Use GitHub-hosted runners for anything a pull request from outside can trigger. Where "
           "self-hosted runners are needed, make them ephemeral (just-in-time runners, one job per machine), "
           "keep them out of public repositories' pull request workflows, and require approval for fork "
           "pull requests.",
    .example = "Before:\n"
               "  runs-on: [self-hosted, linux, gpu]\n"
               "After:\n"
               "  runs-on: ubuntu-24.04\n",
};

bool is_self_hosted_label(std::string_view label) { return to_lower(trim(label)) == "self-hosted"; }

bool has_expression(const Node& node) { return node.is_scalar() && node.value.find("${{") != std::string::npos; }

// A runner written without expressions: a label, a list of labels, or `{group, labels}`.
struct Selection {
    const Node* node = nullptr;  // the label or group that makes it self-hosted
    bool group = false;
};

std::optional<Selection> literal_selection(const Node& runs_on) {
    if (runs_on.is_scalar() && is_self_hosted_label(runs_on.value)) return Selection{&runs_on, false};
    if (runs_on.is_sequence()) {
        for (const Node* item : runs_on.items) {
            if (item->is_scalar() && is_self_hosted_label(item->value)) return Selection{item, false};
        }
    }
    if (runs_on.is_mapping()) {
        if (const Node* labels = runs_on.get("labels")) {
            if (auto selection = literal_selection(*labels)) return selection;
        }
        if (const Node* group = runs_on.get("group")) return Selection{group, true};
    }
    return std::nullopt;
}

class SelfHostedRunnerRule final : public Rule {
public:
    const RuleInfo& info() const override { return self_hosted_runner_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            for (const WorkflowJob& job : workflow.jobs) {
                if (job.runs_on) check_value(workflow, job, *job.runs_on, sink);
            }
        }
    }

private:
    void check_value(const Workflow& workflow, const WorkflowJob& job, const Node& value, FindingSink& sink) const {
        const Document& document = *workflow.document;
        if (value.is_scalar() && has_expression(value)) {
            check_expression(workflow, job, value, sink);
            return;
        }
        if (auto selection = literal_selection(value)) {
            report(document, *selection->node, *selection, nullptr, sink);
            return;
        }
        // Expressions inside a list or under `labels:`/`group:`.
        std::vector<const Node*> parts;
        if (value.is_sequence()) parts = value.items;
        if (value.is_mapping()) {
            for (const auto& entry : value.entries) {
                if (entry.value->is_sequence()) {
                    parts.insert(parts.end(), entry.value->items.begin(), entry.value->items.end());
                } else {
                    parts.push_back(entry.value);
                }
            }
        }
        for (const Node* part : parts) {
            if (has_expression(*part)) {
                check_expression(workflow, job, *part, sink);
                return;
            }
        }
    }

    void check_expression(const Workflow& workflow, const WorkflowJob& job, const Node& value, FindingSink& sink) const {
        const Document& document = *workflow.document;
        PossibleValues values = possible_texts(value, workflow, job);
        for (const PossibleValue& possible : values.values) {
            std::optional<Selection> selection;
            if (possible.text) {
                if (is_self_hosted_label(*possible.text)) selection = Selection{possible.node, false};
            } else if (possible.node) {
                selection = literal_selection(*possible.node);  // a list or `{group, labels}` in the matrix
            }
            if (selection) {
                report(document, value, *selection, selection->node, sink);
                return;
            }
        }
        if (values.complete) return;
        Finding finding = finding_at(document, value,
                                     "`" + collapse_whitespace(value.value) +
                                         "` is only known at run time and may select a self-hosted runner");
        finding.confidence = Confidence::Low;
        sink.add(std::move(finding));
    }

    void report(const Document& document, const Node& where, const Selection& selection, const Node* source,
                FindingSink& sink) const {
        std::string runner = selection.group ? "a runner group, which usually holds self-hosted runners"
                                             : "a self-hosted runner, which may keep state from one job to the next";
        std::string message = source ? "`" + collapse_whitespace(where.value) + "` expands to " + runner
                                     : "the job runs on " + runner;
        Finding finding = finding_at(document, where, std::move(message));
        if (selection.group) finding.confidence = Confidence::Medium;
        if (source && source != &where) finding.related.push_back(document.location(*source, "this value"));
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_self_hosted_runner_rule() { return std::make_unique<SelfHostedRunnerRule>(); }

}  // namespace pysec
