// unhashed-pip-install: a `run:` that installs Python packages from an index
// without hash checking.

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"
#include "model/publishing.hpp"
#include "rules/all_rules.hpp"
#include "rules/python/job_privileges.hpp"
#include "rules/python/pip_install_arguments.hpp"
#include "rules/python/requirement_hashes.hpp"
#include "rules/python/step_environment.hpp"
#include "rules/python/tool_runners.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo unhashed_pip_install_info{
    .id = "unhashed-pip-install",
    .title = "packages installed from an index without hash checking",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "python",
    .what = "A command in a `run:` (workflow or composite action) that installs from a package index without "
            "hash checking:\n"
            "- `pip install` (also `pip3`, `python -m pip`, `.venv/bin/pip`, behind `sudo`/`env`/`uv run`) and "
            "`uv pip install`/`uv pip sync` of a named package (`pip install nox`, `pip install 'x==1.2'`: a "
            "`==` pin is not a hash), of a URL (`git+https://...`), or of a requirement file (`-r f`) that is not "
            "fully hash-pinned. A requirement file is read from the repository (relative to the step's "
            "`working-directory` and any `cd` before the command) and is hash-pinned when every requirement "
            "line, including those of the files it includes with `-r`, has `--hash=`; a file that is not in the "
            "repository, or whose path holds a variable, is taken as not hashed. One hash-pinned file puts pip "
            "in hash-checking mode for the whole command; uv checks only the hashes it is given, so its other "
            "files and packages are still judged.\n"
            "- `pipx install`, `pipx run`, `uv tool install`, `uv tool run` and `uvx` of a package without a "
            "version pin (`name==1.2.3`, `name@1.2.3`, or `--from`/`--spec` with a pin). These tools cannot "
            "check hashes, so a pin is the best they offer; scripts and local paths are not reported.\n"
            "Not reported: a command with `--require-hashes`, or with `PIP_REQUIRE_HASHES` (pip) / "
            "`UV_REQUIRE_HASHES` (uv) set true on the command, earlier in the script, in the step's, job's or "
            "workflow's `env:`, or through `$GITHUB_ENV` in an earlier step (an expression counts as set); a "
            "`pip install` given at least one fully hash-pinned `-r` file; "
            "`--no-index`/`--offline` (or `PIP_NO_INDEX`/`UV_NO_INDEX`/`UV_OFFLINE`), where nothing comes from "
            "an index; local paths with `--no-deps`; URLs with a `#sha256=` fragment, which pip checks; operands "
            "that are only shell variables or expressions, whose value cannot be seen; and installs by a package "
            "manager built or downloaded in the workspace (`./uv pip install`, `.\\uv.exe`, "
            "`target/release/uv`: the tool's own repository testing itself) in a job that neither publishes nor "
            "uses secrets other than GITHUB_TOKEN.\n"
            "Severity: medium, high in a job that publishes (to PyPI or as a release), where the installed code "
            "can tamper with the artifacts. Informational: an install of local paths, dependency groups or VCS URLs "
            "pinned to a full commit only (`pip install .`, `pip install -e .[test]`, `uv pip install --group dev`, "
            "`pip install git+https://...@<40-hex>`), whose dependencies "
            "still come from the index unhashed, and upgrades of pip itself (`pip install -U pip`).",
    .why = "Whatever the index serves at that moment runs in CI, with the job's token and secrets, and ends up "
           "in what the job builds. A compromised maintainer account or a hijacked name publishes a new "
           "release, and every unpinned install takes it within minutes (the `ultralytics` releases of "
           "December 2024 carried a cryptominer built from a poisoned CI cache; `ctx` and `num2words` were "
           "replaced on PyPI by credential stealers). A `==` pin still trusts the index to serve the same file "
           "for that version; a hash does not.",
    .fix = "Keep the tools CI needs in a requirement file generated with hashes (`uv pip compile "
           "--generate-hashes requirements.in -o requirements.txt`, or `pip-compile --generate-hashes`) and "
           "install it with `pip install --require-hashes -r requirements.txt`; for uv projects, install from "
           "the lock with `uv sync --locked`. For `pipx`/`uvx`, pin the version (`uvx zizmor@1.5.2`) and keep "
           "it current (Renovate can, with a regex manager; Dependabot does not read `run:` lines).",
    .example = "Before:\n"
               "  - run: pip install build twine\n"
               "After:\n"
               "  - run: pip install --require-hashes -r .github/requirements/release.txt\n"
               "    # release.txt generated by `uv pip compile --generate-hashes release.in`\n",
};

enum class Installer { Pip, UvPip };

class UnhashedPipInstallRule final : public Rule {
public:
    const RuleInfo& info() const override { return unhashed_pip_install_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        JobPrivilegeCache privileges;
        for_each_step(context.project, [&](const StepSite& site) {
            if (site.step.commands.empty()) return;
            JobPrivileges facts = privileges.of(site);
            for (const shell::Command& command : site.step.commands) {
                // A package manager built in this job testing itself (uv's own CI) is
                // not the job's tooling, unless what it installs can reach secrets.
                if (runs_local_build(shell::invocation_of(command)) && !facts.publishes && !facts.secrets) continue;
                check_command(context.project, site, command, facts.publishes, sink);
            }
        });
    }

private:
    void check_command(const Project& project, const StepSite& site, const shell::Command& command, bool publishes,
                       FindingSink& sink) const {
        shell::Invocation invocation = shell::invocation_of(command);
        if (invocation.program.empty()) return;
        UvCommand uv = uv_command(invocation);
        if (uv.is("pip", "install") || uv.is("pip", "sync")) {
            check_pip(project, site, command, Installer::UvPip, "uv pip " + uv.subcommand[1],
                      read_pip_install_arguments(uv.arguments, uv.subcommand[1] == "sync"), publishes, sink);
            return;
        }
        if (uv.is("tool", "install")) {
            check_tool_install(site, command, "uv tool install", uv.arguments, publishes, sink);
            return;
        }
        std::optional<RunnerTool> runner = runner_tool(invocation);
        if (runner && runner->installs) {
            check_runner(site, command, *runner, publishes, sink);
            return;
        }
        const shell::Invocation& tool = runner ? runner->tool : invocation;
        if (tool.program == "pip") {
            const shell::Word* verb = shell::first_operand(tool);
            if (!verb || verb->text != "install") return;
            auto after = std::find(tool.arguments.begin(), tool.arguments.end(), verb);
            std::vector<const shell::Word*> arguments(after + 1, tool.arguments.end());
            check_pip(project, site, command, Installer::Pip, "pip install", read_pip_install_arguments(arguments),
                      publishes, sink);
        } else if (tool.program == "pipx") {
            const shell::Word* verb = shell::first_operand(tool);
            if (!verb || verb->text != "install") return;
            auto after = std::find(tool.arguments.begin(), tool.arguments.end(), verb);
            check_tool_install(site, command, "pipx install",
                               std::vector<const shell::Word*>(after + 1, tool.arguments.end()), publishes, sink);
        }
    }

    // Where the requirement file `-r path` of this command is in the repository.
    static const Document* requirement_document(const Project& project, const StepSite& site,
                                                const shell::Command& command, const std::string& path,
                                                std::string& resolved) {
        auto directory = command_directory(site, command);
        if (!directory) return nullptr;
        auto repository_path = resolve_relative_path(*directory, path);
        if (!repository_path) return nullptr;
        resolved = *repository_path;
        return project.document(resolved);
    }

    // A requirement file and the files it includes are all hash-pinned; when
    // not, `unhashed` is the first requirement line without a hash.
    static bool fully_hashed(const Project& project, const std::string& path, std::set<std::string>& seen,
                             std::optional<Location>& unhashed) {
        if (!seen.insert(path).second) return true;
        const Document* document = project.document(path);
        if (!document) return false;
        RequirementHashSummary summary = summarize_requirement_hashes(document->text());
        if (summary.require_hashes_option) return true;
        if (!summary.fully_hashed()) {
            std::size_t offset = summary.first_unhashed.value_or(0);
            unhashed = Location{path, document->span(offset, offset), "a requirement without `--hash`"};
            return false;
        }
        std::string directory = path.find('/') == std::string::npos ? "" : path.substr(0, path.rfind('/'));
        for (const std::string& include : summary.includes) {
            auto included = resolve_relative_path(directory, include);
            if (!included || !fully_hashed(project, *included, seen, unhashed)) return false;
        }
        return true;
    }

    Finding make_finding(const StepSite& site, const shell::Command& command, std::string message) const {
        return finding_at(run_location(site.document, site.step, command.begin, command.end), std::move(message));
    }

    void escalate_if_publishing(Finding& finding, bool publishes) const {
        if (!publishes || finding.severity != Severity::Medium) return;
        finding.severity = Severity::High;
        finding.message += ", in a job that publishes";
    }

    void check_pip(const Project& project, const StepSite& site, const shell::Command& command, Installer installer,
                   const std::string& verb, const PipInstallArguments& arguments, bool publishes,
                   FindingSink& sink) const {
        std::string_view prefix = installer == Installer::Pip ? "PIP_" : "UV_";
        auto enabled = [&](std::string_view name) {
            return env_enabled(site, command, std::string(prefix) + std::string(name));
        };
        if (arguments.require_hashes || enabled("REQUIRE_HASHES")) return;
        if (arguments.no_index || enabled("NO_INDEX") || (installer == Installer::UvPip && enabled("OFFLINE"))) {
            return;
        }
        std::vector<std::string> unhashed_files;
        std::vector<Location> related;
        for (const auto& file : arguments.requirement_files) {
            std::string resolved;
            const Document* document = requirement_document(project, site, command, file.path, resolved);
            std::set<std::string> seen;
            std::optional<Location> unhashed;
            if (document && fully_hashed(project, resolved, seen, unhashed)) {
                // pip then checks every hash of the command (and refuses what has none);
                // uv checks the hashes it is given and installs the rest unchecked.
                if (installer == Installer::Pip) return;
                continue;
            }
            unhashed_files.push_back(file.path);
            if (unhashed) related.push_back(*unhashed);
        }
        std::vector<std::string> packages;
        std::vector<std::string> urls;
        bool only_pip = true;
        bool all_pinned = true;
        bool local = arguments.dependency_groups;
        for (const auto& operand : arguments.operands) {
            const std::string& text = operand.word->text;
            switch (operand.kind) {
                case InstallOperand::IndexPackage:
                    packages.push_back(text);
                    if (to_lower(package_name(text)) != "pip") only_pip = false;
                    if (text.find("==") == std::string::npos) all_pinned = false;
                    break;
                case InstallOperand::Url:
                    // pip checks a `#sha256=` fragment; a commit cannot move (its
                    // dependencies still come from the index, as for a local path).
                    if (has_hash_fragment(text)) break;
                    if (is_pinned_spec(text)) {
                        local = true;
                    } else {
                        urls.push_back(text);
                        all_pinned = false;
                    }
                    break;
                case InstallOperand::LocalPath: local = true; break;
                case InstallOperand::Unknown: break;
            }
        }
        std::string help = installer == Installer::Pip
                               ? "pip install --require-hashes -r <requirements file generated with --generate-hashes>"
                               : "uv pip install --require-hashes -r <requirements file generated with "
                                 "`uv pip compile --generate-hashes`>";
        std::string message;
        if (!unhashed_files.empty()) {
            message = "`" + verb + " -r " + join(unhashed_files) + "` installs from the index without hash checking: " +
                      (unhashed_files.size() == 1 ? "the file is" : "the files are") + " not fully hash-pinned";
            if (!packages.empty()) message += ", and neither are " + quoted(packages);
        } else if (!urls.empty() || (!packages.empty() && !only_pip)) {
            std::vector<std::string> named = packages;
            named.insert(named.end(), urls.begin(), urls.end());
            message = "`" + verb + "` installs " + quoted(named) + " without hash checking: " +
                      (all_pinned ? std::string("a `==` pin still takes whatever files the index serves for that "
                                                "version")
                                  : std::string("a new or replaced release runs here unverified"));
        } else if (!packages.empty()) {
            Finding finding = make_finding(site, command,
                                           "`" + verb + "` upgrades pip itself from the index without hash checking");
            finding.severity = Severity::Informational;
            sink.add(std::move(finding));
            return;
        } else if (local && !arguments.no_deps) {
            Finding finding = make_finding(site, command,
                                           "`" + verb + "` of a local project or a pinned commit resolves its "
                                           "dependencies from the index without hash checking");
            finding.severity = Severity::Informational;
            finding.help = installer == Installer::Pip ? "pip install --require-hashes -r <hashed requirements> "
                                                         "&& pip install --no-deps ."
                                                       : "uv sync --locked";
            sink.add(std::move(finding));
            return;
        } else {
            return;
        }
        Finding finding = make_finding(site, command, std::move(message));
        finding.related = std::move(related);
        finding.help = std::move(help);
        escalate_if_publishing(finding, publishes);
        sink.add(std::move(finding));
    }

    // `pipx install x`, `uv tool install x`: a version pin is all they offer.
    void check_tool_install(const StepSite& site, const shell::Command& command, const std::string& verb,
                            const std::vector<const shell::Word*>& arguments, bool publishes,
                            FindingSink& sink) const {
        static const std::vector<std::string_view> options = {"--python", "-p", "--index-url", "-i", "--pip-args",
                                                              "--suffix", "--spec", "--from", "--with", "--index",
                                                              "--default-index", "--extra-index-url", "-f",
                                                              "--find-links", "-c", "--constraints", "--backend"};
        std::optional<OptionValue> from = option_value(arguments, {"--from", "--spec"});
        std::vector<std::string> unpinned;
        if (from) {
            if (!is_local_spec(from->text) && !is_pinned_spec(from->text)) unpinned.push_back(from->text);
        } else {
            std::optional<std::size_t> index = next_operand(arguments, 0, options);
            while (index) {
                const std::string& spec = arguments[*index]->text;
                if (!is_local_spec(spec) && !is_pinned_spec(spec)) unpinned.push_back(spec);
                index = next_operand(arguments, *index + 1, options);
            }
        }
        if (unpinned.empty()) return;
        Finding finding = make_finding(site, command,
                                       "`" + verb + "` installs " + quoted(unpinned) +
                                           " from the index without a version pin: whatever is newest runs here");
        finding.help = verb + " " + package_name(unpinned.front()) + "==<version>";
        escalate_if_publishing(finding, publishes);
        sink.add(std::move(finding));
    }

    // `uvx tool`, `pipx run tool`, `uv tool run tool`: installed on the fly.
    void check_runner(const StepSite& site, const shell::Command& command, const RunnerTool& runner, bool publishes,
                      FindingSink& sink) const {
        const std::string& spec = runner.package;
        if (spec.empty() || is_local_spec(spec) || spec.ends_with(".py") || is_pinned_spec(spec)) return;
        if (classify_install_operand(spec) != InstallOperand::IndexPackage) return;
        Finding finding = make_finding(site, command,
                                       "`" + runner.runner + " " + spec + "` installs `" + package_name(spec) +
                                           "` from the index without a version pin: whatever is newest runs here");
        finding.help = runner.runner == "pipx run" ? "pipx run " + package_name(spec) + "==<version>"
                                                   : runner.runner + " " + package_name(spec) + "@<version>";
        if (runner.package_word != runner.tool.program_word) {
            finding.help = runner.runner + (runner.runner == "pipx run" ? " --spec " : " --from ") +
                           package_name(spec) + "==<version> ...";
        }
        escalate_if_publishing(finding, publishes);
        sink.add(std::move(finding));
    }

    static bool has_hash_fragment(std::string_view url) {
        for (std::string_view fragment : {"#sha256=", "#sha384=", "#sha512=", "&sha256=", "&sha384=", "&sha512="}) {
            if (url.find(fragment) != std::string_view::npos) return true;
        }
        return false;
    }

    static bool is_local_spec(std::string_view spec) {
        return classify_install_operand(spec) == InstallOperand::LocalPath ||
               classify_install_operand(spec) == InstallOperand::Unknown;
    }

    static std::string join(const std::vector<std::string>& items) {
        std::string text;
        for (const std::string& item : items) text += (text.empty() ? "" : " -r ") + item;
        return text;
    }

    static std::string quoted(const std::vector<std::string>& items) {
        std::string text;
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0) text += i + 1 == items.size() ? " and " : ", ";
            text += "`" + items[i] + "`";
        }
        return text;
    }
};

}  // namespace

std::unique_ptr<Rule> make_unhashed_pip_install_rule() { return std::make_unique<UnhashedPipInstallRule>(); }

}  // namespace pysec
