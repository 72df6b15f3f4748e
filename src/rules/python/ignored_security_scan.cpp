// ignored-security-scan: a security scanner whose failure cannot fail the run.

#include <set>

#include "rules/all_rules.hpp"
#include "rules/python/security_scanners.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo ignored_security_scan_info{
    .id = "ignored-security-scan",
    .title = "security scanner made non-failing",
    .severity = Severity::Low,
    .confidence = Confidence::Medium,
    .persona = Persona::Regular,
    .family = "python",
    .what = "A security scanner whose findings cannot fail the workflow. Scanners: the commands `pip-audit` "
            "(also `python -m pip_audit`), `uv audit`, `safety`, `osv-scanner`, `zizmor`, `pysec`, `bandit`, "
            "`trivy`, `grype`, `gitleaks`, `trufflehog` (also through `uvx`, `pipx run`, `uv run`), and the "
            "actions `pypa/gh-action-pip-audit`, `zizmorcore/zizmor-action`, `google/osv-scanner-action`, "
            "`pyupio/safety-action`, `PyCQA/bandit-action`, `aquasecurity/trivy-action`, `anchore/scan-action`, "
            "`gitleaks/gitleaks-action`, `trufflesecurity/trufflehog` and any `*/pysec-action`. Non-failing:\n"
            "- the command (or the pipeline it starts, `pip-audit | tee out.txt`) followed by `|| true`, `|| :`, "
            "`|| exit 0`, or `|| echo ...`/`printf` with no failing `exit`/`false` after it;\n"
            "- the scanner's own switch: `zizmor --no-exit-codes`, `bandit --exit-zero`, "
            "`safety --continue-on-error`;\n"
            "- `continue-on-error: true` on the scanner's step, or on its job (one finding per scanner step).\n"
            "Not reported: a command that writes SARIF (`--format sarif`) in a job that uploads it with "
            "`github/codeql-action/upload-sarif`, since code scanning then reports the findings; "
            "`continue-on-error` set by an expression.",
    .why = "A scan that cannot fail is a scan nobody reads: a known-vulnerable or compromised dependency, or "
           "an injectable workflow, passes CI green and gets merged and released. Teams usually add `|| true` "
           "while triaging the first results and never take it out.",
    .fix = "Let the scanner fail the job, and acknowledge accepted findings in the scanner's own ignore list "
           "(`pip-audit --ignore-vuln ID`, zizmor's `# zizmor: ignore[...]`) so that new ones still fail. If "
           "the results go to code scanning, upload SARIF instead of ignoring the exit status.",
    .example = "Before:\n"
               "  - run: pip-audit -r requirements.txt || true\n"
               "After:\n"
               "  - run: pip-audit -r requirements.txt --ignore-vuln GHSA-xxxx-xxxx-xxxx\n",
};

bool is_literal_true(const Node* node) {
    if (!node || !node->is_scalar()) return false;
    auto value = node->as_bool();
    return value && *value;
}

// The command after `index` at the same nesting level, or null.
const shell::Command* next_at_depth(const std::vector<shell::Command>& commands, std::size_t index) {
    for (std::size_t i = index + 1; i < commands.size(); ++i) {
        if (commands[i].depth == commands[index].depth) return &commands[i];
        if (commands[i].depth < commands[index].depth) return nullptr;
    }
    return nullptr;
}

bool fails(const shell::Command& command) {
    if (command.words.empty()) return false;
    const std::string& program = command.words[0].text;
    if (program == "false") return true;
    if (program == "exit" || program == "return") {
        return command.words.size() < 2 || command.words[1].text != "0";
    }
    return false;
}

// After `scanner ||`: the fallback that swallows the failure, or null when
// it may still fail (`|| exit 1`, `|| { echo; exit 1; }`, `|| notify`).
const shell::Command* swallowing_fallback(const std::vector<shell::Command>& commands, std::size_t index) {
    if (commands[index].connector != "||") return nullptr;
    const shell::Command* fallback = next_at_depth(commands, index);
    if (!fallback || fallback->words.empty()) return nullptr;
    const std::string& program = fallback->words[0].text;
    bool swallows = program == "true" || program == ":" || program == "echo" || program == "printf" ||
                    (program == "exit" && fallback->words.size() > 1 && fallback->words[1].text == "0");
    if (!swallows) return nullptr;
    // Anything chained after it (`|| { echo ...; exit 1; }`) may still fail the step.
    const shell::Command* last = fallback;
    std::size_t at = static_cast<std::size_t>(fallback - commands.data());
    while (last->connector == ";" || last->connector == "&&") {
        const shell::Command* next = next_at_depth(commands, at);
        if (!next) break;
        if (fails(*next)) return nullptr;
        last = next;
        at = static_cast<std::size_t>(next - commands.data());
    }
    return last;
}

bool job_uploads_sarif(const WorkflowJob* job) {
    if (!job) return false;
    for (const WorkflowStep& step : job->steps) {
        if (step.uses_reference && step.action_slug() == "github/codeql-action" &&
            step.uses_reference->subpath == "upload-sarif") {
            return true;
        }
    }
    return false;
}

class IgnoredSecurityScanRule final : public Rule {
public:
    const RuleInfo& info() const override { return ignored_security_scan_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        std::set<const WorkflowJob*> jobs_reported;
        for_each_step(context.project, [&](const StepSite& site) {
            const WorkflowStep& step = site.step;
            std::string action = step.uses_reference ? scanner_action(*step.uses_reference) : std::string();
            if (!action.empty()) {
                check_continue_on_error(site, action, site.document.location(*step.uses), jobs_reported, sink);
            }
            bool sarif_uploaded = job_uploads_sarif(site.job);
            bool step_checked = false;
            for (std::size_t i = 0; i < step.commands.size(); ++i) {
                const shell::Command& command = step.commands[i];
                shell::Invocation invocation = shell::invocation_of(command);
                std::string scanner = scanner_command(invocation);
                if (scanner.empty() || (sarif_uploaded && writes_sarif(invocation))) continue;
                // `scanner | tee report.txt || true`: the fallback follows the pipeline.
                std::size_t last = i;
                while (const shell::Command* next = shell::next_in_pipeline(step.commands, last)) {
                    last = static_cast<std::size_t>(next - step.commands.data());
                }
                if (const shell::Command* fallback = swallowing_fallback(step.commands, last)) {
                    report(run_location(site.document, step, command.begin, fallback->end),
                           "`" + scanner + "` is followed by `|| " + fallback_text(step.commands, last) +
                               "`, so its findings never fail the run",
                           "remove the `||` fallback and ignore accepted findings in the scanner's config", {}, sink);
                } else if (const shell::Word* option = scanner_exit_zero_option(invocation)) {
                    report(run_location(site.document, step, option->begin, option->end),
                           "`" + scanner + " " + option->text + "` exits successfully whatever it finds",
                           "remove `" + option->text + "`", {}, sink);
                }
                if (!step_checked) {
                    step_checked = true;
                    check_continue_on_error(site, scanner, run_location(site.document, step, command.begin, command.end),
                                            jobs_reported, sink);
                }
            }
        });
    }

private:
    static std::string fallback_text(const std::vector<shell::Command>& commands, std::size_t index) {
        const shell::Command* fallback = next_at_depth(commands, index);
        if (!fallback || fallback->words.empty()) return "...";
        std::string text = fallback->words[0].text;
        if (fallback->words.size() > 1 && text == "exit") text += " " + fallback->words[1].text;
        if (text == "echo" || text == "printf") text += " ...";
        return text;
    }

    void check_continue_on_error(const StepSite& site, const std::string& scanner, Location scanner_location,
                                 std::set<const WorkflowJob*>& jobs_reported, FindingSink& sink) const {
        const WorkflowStep& step = site.step;
        scanner_location.message = "the scanner";
        if (is_literal_true(step.continue_on_error)) {
            report(site.document.location(*step.continue_on_error),
                   "`continue-on-error: true` on the `" + scanner + "` step lets the run pass whatever it finds",
                   "continue-on-error: false", {scanner_location}, sink);
            return;
        }
        const Node* job_setting = site.job ? site.job->node->get("continue-on-error") : nullptr;
        if (is_literal_true(job_setting) && jobs_reported.insert(site.job).second) {
            report(site.document.location(*job_setting),
                   "`continue-on-error: true` on job `" + site.job->id + "` lets the run pass whatever `" + scanner +
                       "` finds",
                   "continue-on-error: false", {scanner_location}, sink);
        }
    }

    void report(Location location, std::string message, std::string help, std::vector<Location> related,
                FindingSink& sink) const {
        Finding finding = finding_at(std::move(location), std::move(message));
        finding.help = std::move(help);
        finding.related = std::move(related);
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_ignored_security_scan_rule() { return std::make_unique<IgnoredSecurityScanRule>(); }

}  // namespace pysec
