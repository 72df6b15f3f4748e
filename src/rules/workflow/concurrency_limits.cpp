// concurrency-limits: workflows whose runs pile up without a concurrency group.

#include "rules/all_rules.hpp"

namespace pysec {
namespace {

constexpr RuleInfo concurrency_limits_info{
    .id = "concurrency-limits",
    .title = "workflow without a concurrency group that cancels stale runs",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Pedantic,
    .family = "workflows",
    .what = "A workflow with no `concurrency:` at the top while none of its jobs has one either (reported "
            "on the `on:` key, whatever the triggers), and a `concurrency:` written as a bare group name "
            "(`concurrency: ci-${{ github.ref }}`), which never cancels a run in progress (reported on the "
            "value; at job level only when the workflow has no `concurrency:`). The mapping form is taken "
            "as a deliberate choice, with or without `cancel-in-progress` (serialising runs without "
            "cancelling them is what lock and release workflows want). Workflows that only run on "
            "`workflow_call` are exempt: their callers decide.",
    .why = "Without a concurrency group every push starts another full run next to the ones still going: "
           "runner minutes and queue time are burnt on stale commits, and deployment or release jobs of "
           "two commits can race and finish in the wrong order. A group with `cancel-in-progress` keeps "
           "one run per branch or pull request.",
    .fix = "Add a concurrency group keyed on the workflow and the branch or pull request, and say whether "
           "a newer run cancels the older one.",
    .example = "Before:\n"
               "  on: [push, pull_request]\n"
               "After:\n"
               "  on: [push, pull_request]\n"
               "  concurrency:\n"
               "    group: ${{ github.workflow }}-${{ github.event.pull_request.number || github.ref }}\n"
               "    cancel-in-progress: true\n",
};

// A bare group name: runs queue behind each other, and nothing says whether
// that was meant.
bool lacks_cancel_in_progress(const Node& concurrency) { return concurrency.is_scalar(); }

class ConcurrencyLimitsRule final : public Rule {
public:
    const RuleInfo& info() const override { return concurrency_limits_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            if (workflow.is_reusable_only() || workflow.jobs.empty()) continue;
            const Document& document = *workflow.document;
            if (workflow.concurrency) {
                if (lacks_cancel_in_progress(*workflow.concurrency)) report_incomplete(document, *workflow.concurrency, sink);
                continue;
            }
            bool any_job = false;
            for (const WorkflowJob& job : workflow.jobs) {
                if (!job.concurrency) continue;
                any_job = true;
                if (lacks_cancel_in_progress(*job.concurrency)) report_incomplete(document, *job.concurrency, sink);
            }
            if (!any_job && workflow.on_key) {
                Finding finding = finding_at(document, *workflow.on_key,
                                             "neither the workflow nor any of its jobs sets `concurrency:`, so any "
                                             "number of its runs can go at once, stale ones included");
                finding.help = "concurrency:\n  group: ${{ github.workflow }}-${{ github.event.pull_request.number || "
                               "github.ref }}\n  cancel-in-progress: true";
                sink.add(std::move(finding));
            }
        }
    }

private:
    void report_incomplete(const Document& document, const Node& concurrency, FindingSink& sink) const {
        Finding finding = finding_at(document, concurrency,
                                     "a bare concurrency group never cancels the run in progress, so a new run "
                                     "waits behind a stale one instead of replacing it");
        finding.help = "concurrency:\n  group: " + concurrency.value + "\n  cancel-in-progress: true  # or false, deliberately";
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_concurrency_limits_rule() { return std::make_unique<ConcurrencyLimitsRule>(); }

}  // namespace pysec
