// unlocked-uv-sync: `uv sync`, `uv run`, `uv export` in CI that may re-resolve
// instead of installing exactly what uv.lock says.

#include <set>

#include "model/publishing.hpp"
#include "rules/all_rules.hpp"
#include "rules/python/job_privileges.hpp"
#include "rules/python/step_environment.hpp"
#include "rules/python/tool_runners.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo unlocked_uv_sync_info{
    .id = "unlocked-uv-sync",
    .title = "uv sync/run/export without --locked in a project with uv.lock",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "python",
    .what = "In a repository that commits a `uv.lock`, a `uv sync`, `uv run` or `uv export` in a `run:` "
            "(workflow or composite action) without `--locked` or `--frozen`, and without `UV_LOCKED` or "
            "`UV_FROZEN` set true on the command, earlier in the script, in the step's, job's or workflow's "
            "`env:`, or through `$GITHUB_ENV` in an earlier step (an expression counts as set). "
            "`uv --directory x sync`, `python -m uv sync` and wrappers such as `sudo`/`env` are seen through.\n"
            "Not reported, because they do not lock the project: `uv run --no-sync` (uv: implies `--frozen`), "
            "`uv run --no-project`, `uv run --script`, `uv run <file>.py` (a script may declare its own "
            "dependencies inline, which we cannot see), and `uvx`/`uv tool run`. A `uv run` or `uv export` "
            "after a `uv sync --locked` (or with `UV_LOCKED`) earlier in the same job is not reported either: "
            "the lock was just checked to be fresh. Nor is a uv built or downloaded in the workspace "
            "(`./uv sync`, `target/release/uv run`: uv's own repository testing itself) in a job that neither "
            "publishes nor uses secrets other than GITHUB_TOKEN.\n"
            "`--frozen` (and `UV_FROZEN` in an `env:`) installs exactly the lock, but without checking that it "
            "still matches `pyproject.toml`; it gets an informational note, once per flag or `env:` entry.",
    .why = "Without `--locked`, uv re-resolves when `pyproject.toml` and `uv.lock` disagree, silently "
           "rewrites the lock in the runner, and installs whatever the index serves now, including a release "
           "published minutes ago by whoever took over a dependency. The committed, reviewed lock (with its "
           "hashes) is then not what CI ran, tested or shipped. `--locked` makes uv fail instead.",
    .fix = "Add `--locked` (or set `UV_LOCKED: 1` in the workflow's `env:`). Prefer `--locked` to `--frozen`: "
           "both install from the lock, but `--locked` also fails when the lock is out of date.",
    .example = "Before:\n"
               "  - run: uv sync\n"
               "  - run: uv run pytest\n"
               "After:\n"
               "  - run: uv sync --locked\n"
               "  - run: uv run --locked pytest\n",
};

// The uv subcommands that lock the project before they act.
bool locks_project(const UvCommand& uv) {
    return uv.subcommand.size() == 1 &&
           (uv.subcommand[0] == "sync" || uv.subcommand[0] == "run" || uv.subcommand[0] == "export");
}

// uv's own options: for `uv run`, those before the command it runs (the
// command's own flags are not uv's).
std::vector<const shell::Word*> uv_options(const UvCommand& uv, const shell::Invocation& invocation) {
    std::vector<const shell::Word*> options;
    const shell::Word* command_word = nullptr;
    if (uv.subcommand[0] == "run") {
        if (auto runner = runner_tool(invocation)) command_word = runner->tool.program_word;
    }
    for (const shell::Word* word : uv.arguments) {
        if (word == command_word || word->text == "--") break;
        options.push_back(word);
    }
    return options;
}

bool has_flag(const std::vector<const shell::Word*>& options, std::string_view flag) {
    for (const shell::Word* word : options) {
        std::string_view text = word->text;
        if (text == flag || (text.starts_with(flag) && text.size() > flag.size() && text[flag.size()] == '=')) {
            return true;
        }
    }
    return false;
}

class UnlockedUvSyncRule final : public Rule {
public:
    const RuleInfo& info() const override { return unlocked_uv_sync_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        const Project& project = context.project;
        if (!project.has_kind(FileKind::UvLock)) return;
        std::string lock_path;
        for (const ProjectFile& file : project.files()) {
            if (file.kind == FileKind::UvLock && (lock_path.empty() || file.path.size() < lock_path.size())) {
                lock_path = file.path;
            }
        }
        std::set<const Node*> frozen_env_noted;
        // Jobs (and composite actions) in which a locked `uv sync` already ran.
        std::set<const void*> checked_lock;
        JobPrivilegeCache privileges;
        for_each_step(project, [&](const StepSite& site) {
            const void* scope = site.job ? static_cast<const void*>(site.job) : static_cast<const void*>(site.action);
            for (const shell::Command& command : site.step.commands) {
                shell::Invocation invocation = shell::invocation_of(command);
                UvCommand uv = uv_command(invocation);
                if (!locks_project(uv)) continue;
                // uv's own repository testing the uv it just built.
                if (runs_local_build(invocation) && !privileges.of(site).any()) continue;
                const std::string& verb = uv.subcommand[0];
                std::vector<const shell::Word*> options = uv_options(uv, invocation);
                if (verb == "run" && runs_outside_project(options, invocation)) continue;
                bool locked = has_flag(options, "--locked") || env_enabled(site, command, "UV_LOCKED");
                if (locked) {
                    if (verb == "sync") checked_lock.insert(scope);
                    continue;
                }
                if (const shell::Word* frozen = frozen_flag(options)) {
                    note_frozen(site, *frozen, sink);
                    continue;
                }
                if (EnvLookup lookup = env_lookup(site, command, "UV_FROZEN"); lookup.setting == EnvSetting::Enabled) {
                    if (lookup.node && frozen_env_noted.insert(lookup.node).second) {
                        note_frozen_env(site.document, *lookup.node, sink);
                    } else if (!lookup.node) {
                        note_frozen(site, *invocation.program_word, sink);
                    }
                    continue;
                }
                if (verb != "sync" && checked_lock.count(scope)) continue;
                report(site, command, uv, lock_path, sink);
            }
        });
    }

private:
    static bool runs_outside_project(const std::vector<const shell::Word*>& options,
                                     const shell::Invocation& invocation) {
        if (has_flag(options, "--no-sync") || has_flag(options, "--no-project") || has_flag(options, "--script")) {
            return true;
        }
        std::optional<RunnerTool> runner = runner_tool(invocation);
        return runner && !runner->tool.python_module && runner->tool.program_word &&
               runner->tool.program_word->text.ends_with(".py");
    }

    static const shell::Word* frozen_flag(const std::vector<const shell::Word*>& options) {
        for (const shell::Word* word : options) {
            if (word->text == "--frozen" || word->text.starts_with("--frozen=")) return word;
        }
        return nullptr;
    }

    void note_frozen(const StepSite& site, const shell::Word& word, FindingSink& sink) const {
        Finding finding = finding_at(run_location(site.document, site.step, word.begin, word.end),
                                     "`--frozen` installs uv.lock as it is without checking that it still matches "
                                     "pyproject.toml; `--locked` also fails when the lock is stale");
        finding.severity = Severity::Informational;
        finding.help = "--locked";
        sink.add(std::move(finding));
    }

    void note_frozen_env(const Document& document, const Node& value, FindingSink& sink) const {
        Finding finding = finding_at(document, value,
                                     "`UV_FROZEN` installs uv.lock as it is without checking that it still matches "
                                     "pyproject.toml; `UV_LOCKED` also fails when the lock is stale");
        finding.severity = Severity::Informational;
        finding.help = "UV_LOCKED: 1";
        sink.add(std::move(finding));
    }

    void report(const StepSite& site, const shell::Command& command, const UvCommand& uv,
                const std::string& lock_path, FindingSink& sink) const {
        const std::string& verb = uv.subcommand[0];
        Finding finding = finding_at(run_location(site.document, site.step, command.begin, command.end),
                                     "`uv " + verb + "` without `--locked` may re-resolve and rewrite " + lock_path +
                                         " in CI, installing versions nobody reviewed");
        if (!lock_path.empty()) {
            finding.related.push_back(Location{lock_path, Span{{1, 1}, {1, 1}}, "the lock this command does not enforce"});
        }
        finding.help = help_text(site.step, command, uv);
        sink.add(std::move(finding));
    }

    // The command as written with `--locked` after the subcommand.
    static std::string help_text(const WorkflowStep& step, const shell::Command& command, const UvCommand& uv) {
        if (!step.run) return "uv " + uv.subcommand[0] + " --locked";
        std::string_view script = step.run->value;
        std::size_t insert_at = command.end;
        for (const shell::Word& word : command.words) {
            if (word.text == uv.subcommand[0]) {
                insert_at = word.end;
                break;
            }
        }
        if (command.begin > script.size() || command.end > script.size() || insert_at > command.end) {
            return "uv " + uv.subcommand[0] + " --locked";
        }
        std::string text(script.substr(command.begin, insert_at - command.begin));
        text += " --locked";
        text += script.substr(insert_at, command.end - insert_at);
        return text;
    }
};

}  // namespace

std::unique_ptr<Rule> make_unlocked_uv_sync_rule() { return std::make_unique<UnlockedUvSyncRule>(); }

}  // namespace pysec
