// pwn-request: a privileged workflow (pull_request_target, workflow_run) that
// checks out the pull request's head and then runs code from it.

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/runs_code_from.hpp"
#include "rules/workflow/untrusted_checkout.hpp"

namespace pysec {
namespace {

constexpr RuleInfo pwn_request_info{
    .id = "pwn-request",
    .title = "privileged workflow runs code from a pull request's head",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A workflow triggered by `pull_request_target` or `workflow_run` with a job that checks out the "
            "untrusted head and then runs something from it in a later step of the same job.\n\n"
            "The untrusted head is an `actions/checkout` whose `ref:` or `repository:` names it: "
            "`github.event.pull_request.head.*` (ref, sha, repo.full_name), `github.head_ref`, "
            "`github.event.pull_request.merge_commit_sha`, `github.event.workflow_run.head_*` (head_sha, "
            "head_branch, head_repository.full_name), when they reach the expression's value (`a || b` counts, "
            "`contains(a, b)` does not), or any `refs/pull/...` ref.\n\n"
            "Running something from it: when the head is checked out into the workspace itself, any later "
            "`run:` step and any local action (`uses: ./...`). When it is checked out into a subdirectory "
            "(`path: pr`), only what executes code from that directory: a local action under it, a `run:` "
            "whose working directory is in it, or a command that enters it or runs its code (`cd pr`, "
            "`./pr/build.sh`, `python pr/x.py`, `bash pr/x.sh`, `pip install ./pr`, `uv run --project pr ...`, "
            "`npm ci --prefix pr`, `make -C pr`, `sphinx-build pr/docs out`, ...). Files of the head that "
            "are only read as data by trusted code (`hugo --source pr`) are not reported. A later "
            "`actions/checkout` of a trusted ref into the same directory ends the danger.\n\n"
            "The finding points at the step or command that runs the code, with the trigger and the checkout "
            "as related locations. `dangerous-triggers` reports the trigger itself; this rule reports the "
            "concrete exploit. Not covered: heads fetched with `git fetch`/`gh pr checkout` in a script, "
            "heads checked out through a reusable workflow's inputs, remote actions that build the "
            "workspace (`pre-commit/action`, `pypa/cibuildwheel`), and artifacts of the triggering run.",
    .why = "`pull_request_target` and `workflow_run` run with the base repository's secrets and a token that "
           "can write, for events anyone can cause by opening a pull request from a fork. Checking out the "
           "pull request's head and then building, testing or installing it hands both to the author of the "
           "pull request: a `setup.py`, a `conftest.py`, a `package.json` script or a modified local action "
           "runs as soon as the job touches it. This 'pwn request' is how the Ultralytics PyPI releases were "
           "compromised in December 2024 (a branch name and a checked-out head in a `pull_request_target` "
           "workflow led to a cryptominer published to PyPI), and how many other projects lost tokens.",
    .fix = "Run untrusted code only in `pull_request` workflows, which get a read-only token and no secrets. "
           "If a privileged workflow must act on the result (comment, label, deploy a preview), let the "
           "`pull_request` workflow upload an artifact and have the privileged one read it as data. If the "
           "privileged job needs the pull request's files, check them out into a subdirectory with `path:` "
           "and `persist-credentials: false`, and never execute, install or build anything from there.",
    .example = "Before:\n"
               "  on: pull_request_target\n"
               "  jobs:\n"
               "    test:\n"
               "      steps:\n"
               "        - uses: actions/checkout@<sha>\n"
               "          with:\n"
               "            ref: ${{ github.event.pull_request.head.sha }}\n"
               "        - run: pip install . && pytest\n"
               "After:\n"
               "  on: pull_request\n"
               "  permissions: {}\n"
               "  jobs:\n"
               "    test:\n"
               "      steps:\n"
               "        - uses: actions/checkout@<sha>\n"
               "          with:\n"
               "            persist-credentials: false\n"
               "        - run: pip install . && pytest\n",
};

const Node* default_working_directory(const Node* owner) {
    const Node* defaults = owner && owner->is_mapping() ? owner->get("defaults") : nullptr;
    const Node* run = defaults && defaults->is_mapping() ? defaults->get("run") : nullptr;
    return run && run->is_mapping() ? run->get("working-directory") : nullptr;
}

class PwnRequestRule final : public Rule {
public:
    const RuleInfo& info() const override { return pwn_request_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            std::vector<const WorkflowTrigger*> triggers;
            for (const WorkflowTrigger& trigger : workflow.triggers) {
                if (trigger.event == "pull_request_target" || trigger.event == "workflow_run") triggers.push_back(&trigger);
            }
            if (triggers.empty()) continue;
            for (const WorkflowJob& job : workflow.jobs) check_job(workflow, job, triggers, sink);
        }
    }

private:
    void check_job(const Workflow& workflow, const WorkflowJob& job, const std::vector<const WorkflowTrigger*>& triggers,
                   FindingSink& sink) const {
        const Document& document = *workflow.document;
        const Node* job_directory = default_working_directory(job.node);
        if (!job_directory) job_directory = default_working_directory(workflow.root);
        std::vector<UntrustedCheckout> active;
        for (const WorkflowStep& step : job.steps) {
            if (step.action_slug() == "actions/checkout") {
                // A new checkout replaces whatever was in its directory.
                std::string directory = normalize_workspace_path(step.input("path").value_or(""));
                std::erase_if(active, [&](const UntrustedCheckout& checkout) { return checkout.directory == directory; });
                if (auto checkout = untrusted_checkout(step)) active.push_back(std::move(*checkout));
                continue;
            }
            for (auto it = active.begin(); it != active.end();) {
                if (auto where = execution_site(document, step, job_directory, *it)) {
                    sink.add(make_finding(document, *where, *it, triggers));
                    it = active.erase(it);  // one finding per checkout: the first place it runs
                } else {
                    ++it;
                }
            }
        }
    }

    // Where `step` runs code from the checkout, if it does.
    static std::optional<Location> execution_site(const Document& document, const WorkflowStep& step,
                                                  const Node* job_directory, const UntrustedCheckout& checkout) {
        const std::string& directory = checkout.directory;
        if (step.uses_reference && step.uses_reference->kind == UsesReference::Kind::Local) {
            if (is_inside_directory(step.uses->value, directory)) {
                return document.location(*step.uses);
            }
            return std::nullopt;
        }
        if (!step.run) return std::nullopt;
        if (directory.empty()) {
            if (!step.commands.empty()) {
                const shell::Command& first = step.commands.front();
                return run_location(document, step, first.begin, first.end);
            }
            return document.location(*step.run);
        }
        const Node* working_directory = step.working_directory ? step.working_directory : job_directory;
        if (working_directory && working_directory->is_scalar() &&
            is_inside_directory(working_directory->value, directory)) {
            return document.location(*working_directory);
        }
        for (const shell::Command& command : step.commands) {
            if (runs_code_from(command, directory)) {
                return run_location(document, step, command.begin, command.end);
            }
        }
        return std::nullopt;
    }

    Finding make_finding(const Document& document, Location where, const UntrustedCheckout& checkout,
                         const std::vector<const WorkflowTrigger*>& triggers) const {
        std::string events;
        for (const WorkflowTrigger* trigger : triggers) events += (events.empty() ? "`" : " and `") + trigger->event + "`";
        std::string head = "`" + collapse_whitespace(checkout.evidence->value) + "`";
        std::string message = "runs code from the pull request's head (" + head + ", checked out " +
                              (checkout.directory.empty() ? std::string("into the workspace")
                                                          : "into `" + checkout.directory + "`") +
                              ") in a " + events + " workflow, which has the base repository's secrets and write token";
        Finding finding = finding_at(std::move(where), std::move(message));
        for (const WorkflowTrigger* trigger : triggers) {
            finding.related.push_back(document.location(*trigger->node, "runs with the base repository's secrets and token"));
        }
        finding.related.push_back(document.location(*checkout.evidence, "checks out the pull request's head"));
        finding.help = "run the pull request's code in a separate `pull_request` workflow (read-only token, no "
                       "secrets) and pass its results as an artifact; here, only read the head as data";
        return finding;
    }
};

}  // namespace

std::unique_ptr<Rule> make_pwn_request_rule() { return std::make_unique<PwnRequestRule>(); }

}  // namespace pysec
