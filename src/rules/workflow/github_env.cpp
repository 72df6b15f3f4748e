// github-env: a `run:` writes text that is not fixed to `$GITHUB_ENV` or
// `$GITHUB_PATH` where an attacker may choose it.

#include <string>

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/environment_file_writes.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo github_env_info{
    .id = "github-env",
    .title = "run step writes untrusted text to GITHUB_ENV or GITHUB_PATH",
    .severity = Severity::High,
    .confidence = Confidence::Low,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A `run:` command that writes to `$GITHUB_ENV` or `$GITHUB_PATH` in a workflow that runs "
            "on `pull_request_target` or `workflow_run`, or in a composite action (which runs in "
            "whatever workflow calls it). Recognised writes: `>`/`>>` redirections (`>> "
            "\"$GITHUB_ENV\"`, `>> ${GITHUB_PATH}`, pwsh `>> $env:GITHUB_ENV`), `... | tee [-a] "
            "$GITHUB_ENV`, and pwsh's `Out-File`, `Add-Content`, `Set-Content` and `Tee-Object` "
            "(piped into or with `-Value`). The finding points at the command (from the start of its "
            "pipeline); for workflows, the trigger is a related location.\n\n"
            "Writes of fixed text are not reported: `echo`/`printf`/`Write-Output` of literal words, "
            "`cat` or `tee` of a heredoc with a literal body (a quoted delimiter counts, since the "
            "shell then expands nothing; `${{ }}` in the body does not), and a pwsh string literal. "
            "Values that the runner itself sets count as fixed too, because no one else chooses "
            "them: `$HOME`, `$GITHUB_WORKSPACE`, `$RUNNER_TEMP`, `$RUNNER_TOOL_CACHE`, "
            "`$GITHUB_ACTION_PATH`, `$RUNNER_OS`, `$RUNNER_ARCH`, `$PWD` and the contexts "
            "`github.workspace`, `github.action_path`, `runner.temp`, `runner.tool_cache`, "
            "`runner.os`, `runner.arch`. Anything else (another variable, a command substitution, "
            "the output of a program, a group `{ ...; } >> $GITHUB_ENV`) is reported, with low "
            "confidence: pysec does not follow where a variable's value came from.",
    .why = "Every line written to `$GITHUB_ENV` becomes an environment variable of all later steps, "
           "and every line of `$GITHUB_PATH` a directory searched for programs. Text an attacker "
           "controls there is code execution: a newline smuggles in `BASH_ENV`, `LD_PRELOAD` or "
           "`NODE_OPTIONS`, or puts a directory with a fake `git` first on the PATH. In "
           "`pull_request_target` and `workflow_run` workflows that text often comes from a fork "
           "(a branch name, a PR title, an artifact), and the later steps hold secrets and a write "
           "token; GitHub disabled the older `set-env` command for exactly this reason "
           "(CVE-2020-15228), and the same injection through `$GITHUB_ENV` was reported in many "
           "projects since (GitHub Security Lab's 'pwn request' series).",
    .fix = "Do not carry values between steps through `$GITHUB_ENV` in privileged workflows: use a "
           "step output (`$GITHUB_OUTPUT`) and pass it to later steps in their `env:`, where it "
           "stays one variable's value. If you must write it, validate the value first (for "
           "example, allow only `[A-Za-z0-9._-]`) and never write text taken from the event or from "
           "an artifact.",
    .example = "Before:\n"
               "  - run: echo \"BRANCH=$HEAD_REF\" >> \"$GITHUB_ENV\"\n"
               "After:\n"
               "  - id: branch\n"
               "    run: echo \"name=$HEAD_REF\" >> \"$GITHUB_OUTPUT\"\n"
               "  - run: ./deploy.sh\n"
               "    env:\n"
               "      BRANCH: ${{ steps.branch.outputs.name }}\n",
};

const WorkflowTrigger* privileged_trigger(const Workflow& workflow) {
    if (const WorkflowTrigger* trigger = workflow.trigger("pull_request_target")) return trigger;
    return workflow.trigger("workflow_run");
}

// The command as written, on one line and shortened, to name it in the message.
std::string command_text(const WorkflowStep& step, std::size_t begin, std::size_t end) {
    std::string text = collapse_whitespace(std::string_view(step.run->value).substr(begin, end - begin));
    if (text.size() > 60) {
        std::size_t cut = 57;
        // Never cut inside a UTF-8 character.
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text = text.substr(0, cut) + "...";
    }
    return text;
}

class GithubEnvRule final : public Rule {
public:
    const RuleInfo& info() const override { return github_env_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_step(context.project, [&](const StepSite& site) {
            if (!site.step.run || site.step.commands.empty()) return;
            const WorkflowTrigger* trigger = nullptr;
            if (site.workflow) {
                trigger = privileged_trigger(*site.workflow);
                if (!trigger) return;
            } else if (!site.action || !site.action->is_composite()) {
                return;
            }
            for (const EnvironmentFileWrite& write : environment_file_writes(site.step.commands)) {
                if (write.fixed_text) continue;
                std::string where = trigger ? "in a `" + trigger->event + "` workflow" : "in a composite action";
                std::string effect = write.file == "GITHUB_PATH" ? "puts a directory first on the PATH"
                                                                 : "sets environment variables";
                std::string message = "`" + command_text(site.step, write.begin, write.end) +
                                      "` writes text that is not fixed to `$" + write.file + "` " + where + ", which " +
                                      effect + " of every later step: whoever controls the text runs code there";
                Finding finding =
                    finding_at(run_location(site.document, site.step, write.begin, write.end), std::move(message));
                if (trigger) {
                    finding.related.push_back(site.document.location(
                        *trigger->node, "`" + trigger->event + "` runs with secrets for events anyone can cause"));
                }
                finding.help = "pass the value through `$GITHUB_OUTPUT` and a later step's `env:` instead";
                sink.add(std::move(finding));
            }
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_github_env_rule() { return std::make_unique<GithubEnvRule>(); }

}  // namespace pysec
