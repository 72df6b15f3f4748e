// uv-cooldown: a project that uv resolves with no cooldown, or with one
// shorter than the minimum.

#include <map>
#include <set>

#include "rules/all_rules.hpp"
#include "rules/python/step_environment.hpp"
#include "rules/uv/cooldown_minimum.hpp"
#include "rules/uv/environment_variables.hpp"
#include "rules/uv/exclude_newer_sites.hpp"
#include "rules/uv/setting_text.hpp"
#include "rules/uv/uv_projects.hpp"
#include "rules/uv/uv_resolution.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo uv_cooldown_info{
    .id = "uv-cooldown",
    .title = "uv project without an exclude-newer cooldown of at least the minimum",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "uv",
    .what = "A uv project (a directory with a uv.lock, or the top-most uv.toml or pyproject.toml with `[tool.uv]`; "
            "sample projects under test-data directories such as `tests/` and `fixtures/` are left out) whose "
            "settings, as uv discovers them (the nearest uv.toml or `[tool.uv]` from the project up; a uv.toml "
            "wins over the pyproject.toml beside it), have no top-level `exclude-newer`. It is not reported when "
            "every workflow or composite action that runs a resolving uv command (`uv lock`, `sync`, `run`, "
            "`add`, `remove`, `export`, `tree`, `uv pip compile/install/sync`, without `--frozen`) gives that "
            "command UV_EXCLUDE_NEWER (workflow, job or step `env:`, `export`, `$GITHUB_ENV`, or "
            "`--exclude-newer`) of at least the minimum; the finding then names the workflows that do not. A "
            "cooldown only under `[tool.uv.pip]` (read by `uv pip` alone), only in a `[tool.uv]` that a uv.toml "
            "overrides, or only in a dev container's `remoteEnv`/`containerEnv` (developers in the container, "
            "not CI) is named in the finding.\n"
            "A value below the minimum is reported where it is written: a duration shorter than the minimum, or "
            "a timestamp or date less than the minimum in the past (or in the future: until then, nothing "
            "waits). A timestamp or date more than 90 days old is a frozen cutoff: it never lets a newer release "
            "in, security fixes included, until someone moves it; that is an informational note at the pedantic "
            "persona. Values uv cannot read, and zero durations, are exclude-newer-invalid's.\n\n"
            "Not run when only named files are scanned (`pysec scan pyproject.toml`): whether a project has a cooldown depends on the other files.\n\nConfigure the minimum with `rules.uv-cooldown.config.days` (an integer, default 7).",
    .why = "Malicious releases are usually caught and yanked within hours or days: `ultralytics` 8.3.41-8.3.46 "
           "carried a cryptominer for about a day in December 2024, `num2words` 0.5.15 a credential stealer in July "
           "2025. With `exclude-newer = \"7 days\"` uv ignores every distribution uploaded in the last week when it "
           "locks, so a compromised release is gone before it can reach uv.lock; uv resolves the duration to a "
           "timestamp at each lock.",
    .fix = "Add `exclude-newer = \"7 days\"` (uv 0.9.17 or later) under `[tool.uv]` (or in uv.toml). Exempt a "
           "package that needs a fresh release with `exclude-newer-package`, and take it out again afterwards.",
    .example = "Before:\n"
               "  [tool.uv]\n"
               "  default-groups = [\"dev\"]\n"
               "After:\n"
               "  [tool.uv]\n"
               "  default-groups = [\"dev\"]\n"
               "  exclude-newer = \"7 days\"\n",
};

constexpr double frozen_after_seconds = 90.0 * 86400;

struct CiCoverage {
    std::set<std::string> resolving;   // paths of workflows/actions with a resolving uv command
    std::set<std::string> uncovered;   // ... of which some command has no cooldown
    std::vector<Location> uncovered_commands;
};

class UvCooldownRule final : public Rule {
public:
    const RuleInfo& info() const override { return uv_cooldown_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        const Project& project = context.project;
        long long minimum = cooldown_minimum_days(context.config, "uv-cooldown");
        double minimum_seconds = static_cast<double>(minimum) * 86400;
        std::int64_t now = current_epoch_seconds();
        std::vector<UvSettings> settings = read_uv_settings(project);

        const Node* devcontainer_value = nullptr;
        for_each_exclude_newer(project, settings, [&](const ExcludeNewerSite& site) {
            if (site.place != ExcludeNewerSite::Place::Environment) return;
            if (!site.in_ci) devcontainer_value = &site.value;
            judge_value(site.document, site.key, site.value, site.reading, minimum, now, sink);
        });

        // Whether a project has a cooldown depends on files that a scan of named files does not see.
        if (!project.is_whole_repository()) return;
        std::vector<UvProject> projects = find_uv_projects(project, settings);
        if (projects.empty()) return;
        CiCoverage coverage = ci_coverage(project, minimum_seconds, now);
        std::set<const Node*> judged;
        for (const UvProject& uv_project : projects) {
            const UvSettings* effective = uv_project.settings;
            const Node::Entry* entry =
                effective && effective->top.table ? effective->top.table->find("exclude-newer") : nullptr;
            if (entry) {
                if (judged.insert(entry->value).second) {
                    judge_value(*effective->document, entry->key, *entry->value,
                                read_exclude_newer(*entry->value, false), minimum, now, sink);
                }
                continue;
            }
            if (!coverage.resolving.empty() && coverage.uncovered.empty()) continue;
            report_missing(uv_project, coverage, devcontainer_value, minimum, sink);
        }
    }

private:
    void judge_value(const Document& document, const Node* key, const Node& value, const ExcludeNewerReading& reading,
                     long long minimum, std::int64_t now, FindingSink& sink) const {
        if (!reading.accepted() || reading.kind == ExcludeNewerReading::Kind::Disabled) return;
        if (reading.kind == ExcludeNewerReading::Kind::Duration && reading.duration_seconds() == 0) return;
        auto cutoff = cutoff_epoch_seconds(reading, now);
        if (!cutoff) return;
        double minimum_seconds = static_cast<double>(minimum) * 86400;
        double age = static_cast<double>(now) - *cutoff;
        std::string written = "`" + setting_text(document, key, value) + "`";
        std::string below = " is below the minimum of " + std::to_string(minimum) + " days";
        bool environment = document.format() != DocumentFormat::Toml;
        std::string help = environment ? (key ? key->value : std::string("UV_EXCLUDE_NEWER")) + ": " + std::to_string(minimum) + " days"
                                       : (key ? key->value : std::string("exclude-newer")) + " = \"" + std::to_string(minimum) + " days\"";
        if (age < minimum_seconds) {
            std::string message;
            if (reading.kind == ExcludeNewerReading::Kind::Duration) {
                message = written + ": a cooldown of " + describe_seconds(reading.duration_seconds()) + below;
            } else if (age < 0) {
                message = written + " is in the future: until then uv takes every release as soon as it is published";
            } else {
                message = written + " is only " + describe_seconds(age) + " ago, which" + below;
            }
            Finding finding = finding_at(document, value, message);
            finding.help = help;
            sink.add(std::move(finding));
            return;
        }
        if (reading.kind != ExcludeNewerReading::Kind::Duration && age > frozen_after_seconds) {
            Finding finding = finding_at(document, value,
                                         written + " is a fixed cutoff " + describe_seconds(age) +
                                             " ago: uv never takes a newer release, security fixes included, until "
                                             "someone moves it; a duration keeps a rolling cooldown");
            finding.severity = Severity::Informational;
            finding.persona = Persona::Pedantic;
            finding.help = help;
            sink.add(std::move(finding));
        }
    }

    static CiCoverage ci_coverage(const Project& project, double minimum_seconds, std::int64_t now) {
        CiCoverage coverage;
        for_each_step(project, [&](const StepSite& site) {
            for (const shell::Command& command : site.step.commands) {
                UvCommand uv = uv_command(shell::invocation_of(command));
                if (!uv_resolves(uv)) continue;
                const std::string& path = site.document.path();
                coverage.resolving.insert(path);
                if (command_has_cooldown(site, command, uv, minimum_seconds, now)) continue;
                coverage.uncovered.insert(path);
                coverage.uncovered_commands.push_back(
                    run_location(site.document, site.step, command.begin, command.end, "resolves without a cooldown"));
            }
        });
        return coverage;
    }

    static bool command_has_cooldown(const StepSite& site, const shell::Command& command, const UvCommand& uv,
                                     double minimum_seconds, std::int64_t now) {
        if (uv_has_flag(uv, "--exclude-newer")) return true;
        // env_lookup reads booleans; a cooldown is a value, so only "set or not" matters here.
        EnvLookup lookup = env_lookup(site, command, "UV_EXCLUDE_NEWER");
        if (lookup.setting == EnvSetting::Unset) return false;
        if (!lookup.node) return true;  // set in the script or on the command line: not ours to judge
        auto text = literal_environment_value(*lookup.node);
        if (!text) return true;  // an expression
        auto cutoff = cutoff_epoch_seconds(read_exclude_newer(*text), now);
        return cutoff && static_cast<double>(now) - *cutoff >= minimum_seconds;
    }

    void report_missing(const UvProject& uv_project, const CiCoverage& coverage, const Node* devcontainer_value,
                        long long minimum, FindingSink& sink) const {
        std::string evidence = uv_project.lock ? "uv.lock"
                               : uv_project.settings && uv_project.settings->is_uv_toml() ? "uv.toml"
                                                                                           : "`[tool.uv]`";
        std::string message = capitalized(uv_project.name()) + " uses uv (" + evidence +
                              ") and sets no `exclude-newer`: uv takes any release the moment it is published";
        const UvSettings* settings = uv_project.settings;
        if (uv_project.shadowed && uv_project.shadowed->top.exclude_newer) {
            message += "; the `exclude-newer` in pyproject.toml is ignored, because uv reads the uv.toml next to it";
        }
        if (settings && settings->pip.exclude_newer) {
            message += std::string("; the one under `") + (settings->is_uv_toml() ? "[pip]" : "[tool.uv.pip]") +
                       "` applies only to `uv pip` commands";
        }
        if (!coverage.resolving.empty()) {
            std::size_t covered = coverage.resolving.size() - coverage.uncovered.size();
            if (covered > 0) {
                message += "; UV_EXCLUDE_NEWER covers " + std::to_string(covered) + " of the " +
                           std::to_string(coverage.resolving.size()) + " workflows that resolve, not " +
                           list_paths(coverage.uncovered);
            }
        }
        if (devcontainer_value) {
            message += "; UV_EXCLUDE_NEWER in the dev container protects developers there, not CI";
        }
        Finding finding = finding_at(uv_project.anchor(), message);
        if (coverage.resolving.size() > coverage.uncovered.size()) {
            std::size_t shown = 0;
            for (const Location& location : coverage.uncovered_commands) {
                if (++shown > 5) break;
                finding.related.push_back(location);
            }
        }
        std::string days = std::to_string(minimum) + " days";
        bool uv_toml = settings ? settings->is_uv_toml() : false;
        finding.help = uv_toml ? "exclude-newer = \"" + days + "\"" : "[tool.uv]\nexclude-newer = \"" + days + "\"";
        sink.add(std::move(finding));
    }

    static std::string capitalized(std::string text) {
        if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 'a' + 'A');
        return text;
    }

    static std::string list_paths(const std::set<std::string>& paths) {
        std::string text;
        std::size_t count = 0;
        for (const std::string& path : paths) {
            if (count == 3) {
                text += " and " + std::to_string(paths.size() - 3) + " more";
                break;
            }
            text += (count == 0 ? "" : ", ") + ("`" + path + "`");
            ++count;
        }
        return text;
    }
};

}  // namespace

std::unique_ptr<Rule> make_uv_cooldown_rule() { return std::make_unique<UvCooldownRule>(); }

}  // namespace pysec
