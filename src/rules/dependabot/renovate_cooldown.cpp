// renovate-cooldown: Renovate proposes PyPI or GitHub Actions releases before
// they are `minimumReleaseAge` old.

#include <map>

#include "rules/all_rules.hpp"
#include "rules/dependabot/renovate_release_age.hpp"
#include "rules/dependabot/update_bots.hpp"
#include "rules/dependabot/update_targets.hpp"

namespace pysec {
namespace {

constexpr RuleInfo renovate_cooldown_info{
    .id = "renovate-cooldown",
    .title = "Renovate config without a minimumReleaseAge of at least the minimum days",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "dependabot",
    .what =
        "Checks the Renovate config that Renovate itself reads (the first of `renovate.json`, `renovate.json5`, "
        "`.github/renovate.json(5)`, `.gitlab/renovate.json(5)`, `.renovaterc`, `.renovaterc.json(5)`, "
        "`package.json` key `renovate`) for the `minimumReleaseAge` it applies to PyPI packages and to GitHub "
        "Actions: the top-level value (or the legacy `stabilityDays`), a manager object (`github-actions`, "
        "`pep621`, `pip_requirements`, ..., `python`), then each `packageRules` entry that covers the whole "
        "target, later entries winning as in Renovate. An entry covers a target when its `matchDatasources` "
        "(`pypi`; `github-tags`), `matchManagers` (the Python managers; `github-actions`) and `matchCategories` "
        "(`python`; `ci`) accept it and it narrows nothing else (`matchPackageNames: [\"*\"]` and `matchUpdateTypes` "
        "with major, minor and patch are fine; any other `match*`/`exclude*` key makes it cover only some "
        "packages, and it is ignored). Durations are read as Renovate reads them (\"3 days\", \"1 week\", "
        "\"72 hours\", \"1 week 2 days\", \"2 months\" = 60 days; a bare number is milliseconds; `P7D` is not "
        "understood).\n\n"
        "Reported (medium): no `minimumReleaseAge` for a target, a value below the minimum, `null`, or a value "
        "Renovate cannot read. A target is judged only when the repository has it (workflows or actions that "
        "use repository actions; pyproject.toml, uv.lock, pylock.toml or requirement files) and "
        "`enabledManagers` does not leave it out (a Renovate file named on the command line is judged for both).\n\n"
        "Presets: none of Renovate's built-in presets sets `minimumReleaseAge` for PyPI or GitHub Actions. "
        "`config:best-practices` extends `security:minimumReleaseAgeNpm` (3 days, npm only), and "
        "`security:minimumReleaseAgeCrates` covers Rust crates only. A preset pysec cannot read "
        "(`github>org/renovate-config`, `local>...`, an npm preset) may set it: when nothing in the file does, "
        "the finding is informational with low confidence (\"cannot verify\").\n\n"
        "A Renovate config that cannot be parsed gets an informational finding next to its `parse-error`: its "
        "cooldown cannot be verified. `.json5` files and `.renovaterc` are read as JSON5, other files as JSON "
        "with comments (Renovate reads JSON5 syntax there too, with a deprecation warning).\n\n"
        "Configure the minimum with `rules.renovate-cooldown.config.days` (an integer, default 7).",
    .why = "Compromised releases are usually found and yanked within hours or days (ctx and num2words on PyPI, "
           "tj-actions/changed-files, the npm 'Shai-Hulud' worm). `minimumReleaseAge` makes Renovate wait until a "
           "release has survived that window before proposing it, so a malicious version does not land in the "
           "lock file or the workflows through an automerged update.",
    .fix = "Set `minimumReleaseAge` to at least the minimum at the top level, or in a `packageRules` entry that "
           "matches the `pypi` and `github-tags` datasources.",
    .example = "Before:\n"
               "  {\"extends\": [\"config:best-practices\"]}\n"
               "After:\n"
               "  {\"extends\": [\"config:best-practices\"], \"minimumReleaseAge\": \"7 days\"}\n",
};

long long minimum_days(const Node* config) {
    if (!config) return 7;
    if (!config->is_mapping()) throw RuleConfigError("renovate-cooldown: `config` must be a mapping");
    for (const auto& entry : config->entries) {
        if (entry.key->value != "days") {
            throw RuleConfigError("renovate-cooldown: unknown config key '" + entry.key->value + "' (expected `days`)");
        }
    }
    const Node* days = config->get("days");
    if (!days) return 7;
    auto value = days->as_int();
    if (!value || *value < 0 || *value > 365) {
        throw RuleConfigError("renovate-cooldown: `days` must be an integer between 0 and 365");
    }
    return *value;
}

std::string format_days(double days) {
    if (days == static_cast<double>(static_cast<long long>(days))) {
        long long whole = static_cast<long long>(days);
        return std::to_string(whole) + (whole == 1 ? " day" : " days");
    }
    if (days * 24 >= 1) return std::to_string(static_cast<long long>(days * 24)) + " hours";
    return "less than an hour";
}

std::string join_targets(const std::vector<RenovateTarget>& targets) {
    std::string text;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        if (i) text += " and ";
        text += describe(targets[i]);
    }
    return text;
}

class RenovateCooldownRule final : public Rule {
public:
    const RuleInfo& info() const override { return renovate_cooldown_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        long long minimum = minimum_days(context.config);
        auto source = find_renovate_config(context.project);
        if (!source) return;
        const ProjectFile& file = *source->file;
        if (!source->config) {
            if (file.failure && file.document) report_unreadable(*file.document, *file.failure, sink);
            return;
        }
        const Node& config = *source->config;
        if (!config.is_mapping()) return;
        if (const Node* enabled = config.get("enabled"); enabled && enabled->as_bool() == false) return;

        // Group the targets by what decides their release age, so that one
        // missing setting is one finding.
        std::map<std::pair<const Node*, int>, std::vector<RenovateTarget>> problems;
        std::map<std::pair<const Node*, int>, ReleaseAgeSetting> settings;
        for (RenovateTarget target : relevant_targets(context.project, config)) {
            ReleaseAgeSetting setting = effective_release_age(config, target);
            if (setting.state == ReleaseAgeSetting::State::Set && setting.days >= static_cast<double>(minimum)) continue;
            auto key = std::pair{setting.value, static_cast<int>(setting.state)};
            problems[key].push_back(target);
            settings[key] = setting;
        }
        for (const auto& [key, targets] : problems) {
            report(*file.document, *source, config, settings[key], targets, minimum, sink);
        }
    }

private:
    static std::vector<RenovateTarget> relevant_targets(const Project& project, const Node& config) {
        bool whole = project.is_whole_repository();
        std::vector<RenovateTarget> targets;
        if ((!whole || !files_using_remote_actions(project).empty()) &&
            renovate_updates(config, RenovateTarget::GithubActions)) {
            targets.push_back(RenovateTarget::GithubActions);
        }
        if ((!whole || !python_dependency_files(project).empty()) && renovate_updates(config, RenovateTarget::Pypi)) {
            targets.push_back(RenovateTarget::Pypi);
        }
        return targets;
    }

    void report_unreadable(const Document& document, const ParseFailure& failure, FindingSink& sink) const {
        Span at{failure.position, Position{failure.position.line, failure.position.column + 1}};
        Finding finding = finding_at(Location{document.path(), at, {}},
                                     "cannot verify Renovate's `minimumReleaseAge`: this config cannot be read (see "
                                     "parse-error); Renovate may reject it or read it differently");
        finding.severity = Severity::Informational;
        finding.help = "fix the syntax so that the cooldown can be checked";
        sink.add(std::move(finding));
    }

    // Where to point when nothing sets the age: `extends`, package.json's
    // `renovate` key, or the opening brace.
    static Location missing_location(const Document& document, const RenovateConfigSource& source,
                                     const Node& config) {
        if (const Node::Entry* extends = config.find("extends")) return document.location(*extends->key);
        if (source.key) return document.location(*source.key);
        return Location{document.path(), document.span(config.begin, config.begin + 1), {}};
    }

    void report(const Document& document, const RenovateConfigSource& source, const Node& config,
                const ReleaseAgeSetting& setting, const std::vector<RenovateTarget>& targets, long long minimum,
                FindingSink& sink) const {
        std::string who = join_targets(targets);
        std::string wanted = std::to_string(minimum) + " days";
        Finding finding;
        if (setting.value && setting.state == ReleaseAgeSetting::State::Unreadable) {
            finding = finding_at(document, *setting.value,
                                 "Renovate cannot read `" + std::string(document.source(*setting.value)) +
                                     "` as a duration: no cooldown for " + who);
        } else if (setting.value && setting.state == ReleaseAgeSetting::State::Set) {
            std::string key = setting.value->key ? setting.value->key->value : "minimumReleaseAge";
            finding = finding_at(document, *setting.value,
                                 "`" + key + "` of " + format_days(setting.days) + " for " + who +
                                     " is below the minimum of " + wanted);
        } else if (setting.value) {
            finding = finding_at(document, *setting.value,
                                 "`minimumReleaseAge: null` removes the cooldown for " + who);
        } else {
            finding = finding_at(missing_location(document, source, config),
                                 "no `minimumReleaseAge` for " + who +
                                     ": Renovate proposes releases as soon as they are published" + preset_note(config));
            std::vector<const Node*> external = external_presets(config);
            if (!external.empty()) {
                finding.severity = Severity::Informational;
                finding.confidence = Confidence::Low;
                finding.message = "cannot verify the cooldown for " + who + ": nothing in this file sets "
                                  "`minimumReleaseAge`, and the preset `" + external.front()->value +
                                  "` may (pysec cannot read it)";
                finding.related.push_back(document.location(*external.front(), "the preset that may set it"));
            }
        }
        finding.help = "\"minimumReleaseAge\": \"" + wanted + "\"";
        sink.add(std::move(finding));
    }

    static std::string preset_note(const Node& config) {
        const Node* extends = config.get("extends");
        if (!extends || !extends->is_sequence()) return {};
        for (const Node* item : extends->items) {
            auto text = item->text();
            if (!text) continue;
            if (auto age = builtin_preset_release_age(*text)) return " (`" + std::string(*text) + "` sets " + *age + ")";
        }
        return {};
    }
};

}  // namespace

std::unique_ptr<Rule> make_renovate_cooldown_rule() { return std::make_unique<RenovateCooldownRule>(); }

}  // namespace pysec
