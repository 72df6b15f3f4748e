// misfeature: GitHub Actions features that work against reproducibility or analysis.

#include "rules/all_rules.hpp"
#include "rules/workflow/workflow_sites.hpp"
#include "shell/invocation.hpp"

namespace pysec {
namespace {

constexpr RuleInfo misfeature_info{
    .id = "misfeature",
    .title = "use of a GitHub Actions misfeature",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "Two features that are better avoided:\n\n"
            "- `actions/setup-python` with the `pip-install:` input (reported on the input), which installs "
            "packages into the runner's global Python instead of a virtual environment.\n"
            "- `shell: cmd` (also `cmd.exe` and custom `cmd ... {0}` forms), on a step or as "
            "`defaults.run.shell` of a workflow or job (reported on the value; a step that inherits the "
            "default is covered by the default's finding).",
    .why = "`pip-install:` installs unpinned, unhashed packages with whatever pip the image ships into a "
           "Python that differs between runner images and versions, outside any lock file: results differ "
           "from run to run, and nothing records what was installed. `cmd` scripts have no grammar to speak "
           "of (several quoting and continuation rules, `%VAR%` expansion at parse time), so neither people "
           "nor tools such as pysec can tell reliably what a `cmd` step runs or whether an expression in it "
           "is injected; it has not been the default Windows shell since 2019.",
    .fix = "Create a virtual environment and install from a lock or hashed requirements in a `run:` step "
           "(`uv sync --locked`, `pip install --require-hashes -r requirements.txt`). Use `shell: pwsh` or "
           "`shell: bash` on Windows.",
    .example = "Before:\n"
               "  - uses: actions/setup-python@<sha>\n"
               "    with:\n"
               "      python-version: '3.12'\n"
               "      pip-install: requests\n"
               "After:\n"
               "  - uses: actions/setup-python@<sha>\n"
               "    with:\n"
               "      python-version: '3.12'\n"
               "  - run: uv sync --locked\n",
};

bool is_cmd_shell(const Node* shell) {
    if (!shell || !shell->is_scalar()) return false;
    auto commands = shell::parse_script(shell->value, shell::Dialect::Posix);
    if (commands.empty()) return false;
    return shell::invocation_of(commands.front()).program == "cmd";
}

const Node* defaults_shell(const Node* owner) {
    const Node* defaults = owner && owner->is_mapping() ? owner->get("defaults") : nullptr;
    const Node* run = defaults && defaults->is_mapping() ? defaults->get("run") : nullptr;
    return run && run->is_mapping() ? run->get("shell") : nullptr;
}

class MisfeatureRule final : public Rule {
public:
    const RuleInfo& info() const override { return misfeature_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            report_cmd(*workflow.document, defaults_shell(workflow.root), sink);
            for (const WorkflowJob& job : workflow.jobs) report_cmd(*workflow.document, defaults_shell(job.node), sink);
        }
        for_each_step(context.project, [&](const StepSite& site) {
            const WorkflowStep& step = site.step;
            report_cmd(site.document, step.shell, sink);
            if (step.action_slug() != "actions/setup-python") return;
            if (const Node::Entry* input = step.with && step.with->is_mapping() ? step.with->find("pip-install") : nullptr) {
                Finding finding = finding_at(site.document, *input->key,
                                             "`pip-install` installs packages into the runner's global Python, "
                                             "unpinned and outside any virtual environment or lock file");
                finding.related.push_back(site.document.location(*step.uses, "the action"));
                finding.help = "drop `pip-install` and install into a virtual environment from a lock file, "
                               "e.g. `run: uv sync --locked`";
                sink.add(std::move(finding));
            }
        });
    }

private:
    void report_cmd(const Document& document, const Node* shell, FindingSink& sink) const {
        if (!is_cmd_shell(shell)) return;
        Finding finding = finding_at(document, *shell,
                                     "`shell: cmd` runs scripts whose quoting and expansion rules make them hard to "
                                     "read and impossible to analyse reliably");
        finding.help = "shell: pwsh";
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_misfeature_rule() { return std::make_unique<MisfeatureRule>(); }

}  // namespace pysec
