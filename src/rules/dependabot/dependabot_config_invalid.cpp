// dependabot-config-invalid: a .github/dependabot.yml that Dependabot rejects
// (then nothing is updated at all) or silently reads otherwise than written.

#include <set>
#include <tuple>

#include "rules/all_rules.hpp"
#include "rules/dependabot/dependabot_vocabulary.hpp"

namespace pysec {
namespace {

constexpr RuleInfo dependabot_config_invalid_info{
    .id = "dependabot-config-invalid",
    .title = "Dependabot config that Dependabot rejects or silently misreads",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "dependabot",
    .what =
        "Checks `.github/dependabot.yml` against Dependabot's schema (SchemaStore's dependabot-2.0.json) where it "
        "matters, each finding on the offending key or value:\n"
        "- the file is empty or not a mapping; `version` missing or not the integer `2`; `updates` missing or not "
        "a list; an unknown top-level key;\n"
        "- an `updates[]` entry that is not a mapping, has an unknown key (`reviewers`, retired in 2025 and "
        "ignored by Dependabot, is accepted), no `package-ecosystem` or one Dependabot does not know (unless "
        "`enable-beta-ecosystems: true`), neither or both of `directory` and `directories` (or an empty list), "
        "no `schedule` (unless it belongs to a `multi-ecosystem-group`, which then needs `patterns`), a "
        "`schedule` without a known `interval`, `cron` without `cronjob`, an unknown `day`, a `time` not in "
        "`hh:mm`, or `insecure-external-code-execution` other than `allow`/`deny`;\n"
        "- two entries with the same `package-ecosystem`, `directory` and `target-branch` (Dependabot refuses the "
        "file; the schema cannot say so);\n"
        "- a `cooldown` that is not a mapping (`cooldown: 7`), an unknown cooldown key (`default:`), days that "
        "are not integers or out of range (1 to 90; `semver-patch-days` 0 to 90), `include`/`exclude` that are "
        "not lists of at most 100 names;\n"
        "- `semver-major-days`, `semver-minor-days` or `semver-patch-days` on an ecosystem whose versions "
        "Dependabot does not read as semver (`github-actions`, `docker`, `docker-compose`, `devcontainers`, "
        "`gitsubmodule`, `terraform`, `helm`, `dotnet-sdk`): the schema allows them, Dependabot ignores them.\n"
        "Other keys' values (labels, groups, registries, ...) are not checked.",
    .why = "Dependabot validates the whole file: one bad key and it runs no version updates at all, which is "
           "only visible in the repository's Dependabot log. Keys it ignores are worse: a cooldown that reads "
           "`default: 7` or `cooldown: 7` looks like protection against freshly published malicious releases "
           "and gives none.",
    .fix = "Correct the key or value as the finding says; `cooldown` takes `default-days` (and, for semver "
           "ecosystems, `semver-major-days`, `semver-minor-days`, `semver-patch-days`).",
    .example = "Before:\n"
               "  - package-ecosystem: github-actions\n"
               "    directory: /\n"
               "    schedule: {interval: weekly}\n"
               "    cooldown:\n"
               "      default: 7\n"
               "      semver-patch-days: 3\n"
               "After:\n"
               "  - package-ecosystem: github-actions\n"
               "    directory: /\n"
               "    schedule: {interval: weekly}\n"
               "    cooldown:\n"
               "      default-days: 7\n",
};

bool is_plain_integer(const Node& node) {
    return node.is_scalar() && node.style == ScalarStyle::Plain && node.as_int().has_value();
}

bool is_string(const Node& node) { return node.is_scalar() && node.type != ScalarType::Boolean; }

class DependabotConfigInvalidRule final : public Rule {
public:
    const RuleInfo& info() const override { return dependabot_config_invalid_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const ProjectFile& file : context.project.files()) {
            if (file.kind != FileKind::Dependabot || !file.document || file.failure) continue;
            check_file(*file.document, sink);
        }
    }

private:
    void report(const Document& document, const Node& node, std::string message, FindingSink& sink,
                std::string help = {}) const {
        Finding finding = finding_at(document, node, std::move(message));
        finding.help = std::move(help);
        sink.add(std::move(finding));
    }

    void check_file(const Document& document, FindingSink& sink) const {
        const Node* root = document.root();
        if (!root || !root->is_mapping()) {
            Location at{document.path(), document.span(0, std::min<std::size_t>(document.lines().line(1).size(), 80)), {}};
            Finding finding = finding_at(at, "the Dependabot config is empty or not a mapping: Dependabot rejects it "
                                             "and updates nothing");
            finding.help = "version: 2\nupdates: [...]";
            sink.add(std::move(finding));
            return;
        }
        for (const auto& [key, value] : root->entries) {
            if (!is_dependabot_top_level_key(key->value)) {
                report(document, *key, "unknown top-level key `" + key->value + "`: Dependabot rejects the file", sink);
            }
        }
        const Node* version = root->get("version");
        if (!version) {
            report(document, *root->entries.front().key, "no `version: 2`: Dependabot rejects the file", sink,
                   "version: 2");
        } else if (!is_plain_integer(*version) || *version->as_int() != 2) {
            report(document, *version,
                   "`version: " + std::string(document.source(*version)) + "`: Dependabot accepts only the integer 2",
                   sink, "version: 2");
        }
        bool beta = false;
        if (const Node* enable_beta = root->get("enable-beta-ecosystems")) {
            if (!enable_beta->as_bool()) {
                report(document, *enable_beta, "`enable-beta-ecosystems` must be true or false", sink);
            }
            beta = enable_beta->as_bool().value_or(false);
        }
        const Node::Entry* updates = root->find("updates");
        if (!updates) {
            report(document, *root->entries.front().key, "no `updates:` list: Dependabot rejects the file", sink);
            return;
        }
        if (!updates->value->is_sequence()) {
            report(document, *updates->value, "`updates` must be a list of update entries", sink);
            return;
        }
        std::set<std::tuple<std::string, std::string, std::string>> seen;
        for (const Node* item : updates->value->items) check_update(document, *item, beta, seen, sink);
    }

    void check_update(const Document& document, const Node& item, bool beta,
                      std::set<std::tuple<std::string, std::string, std::string>>& seen, FindingSink& sink) const {
        if (!item.is_mapping()) {
            report(document, item, "an `updates` entry must be a mapping", sink);
            return;
        }
        for (const auto& [key, value] : item.entries) {
            if (!is_dependabot_update_key(key->value)) {
                report(document, *key, "unknown key `" + key->value + "` in an `updates` entry: Dependabot rejects the file",
                       sink);
            }
        }
        const Node* ecosystem_node = item.get("package-ecosystem");
        std::string ecosystem = ecosystem_node ? std::string(ecosystem_node->text().value_or("")) : "";
        const Node& anchor = ecosystem_node ? *ecosystem_node : *item.entries.front().key;
        std::string entry = ecosystem.empty() ? "this entry" : "the `" + ecosystem + "` entry";
        if (!ecosystem_node) {
            report(document, anchor, "an `updates` entry without `package-ecosystem`: Dependabot rejects the file", sink);
        } else if (!is_string(*ecosystem_node) || ecosystem.empty() || (!beta && !is_dependabot_ecosystem(ecosystem))) {
            report(document, *ecosystem_node,
                   "unknown `package-ecosystem: " + std::string(document.source(*ecosystem_node)) +
                       "`: Dependabot rejects the file",
                   sink);
        }
        check_directories(document, item, anchor, entry, seen, sink);
        check_schedule(document, item, anchor, entry, sink);
        if (const Node* execution = item.get("insecure-external-code-execution")) {
            auto text = execution->text();
            if (!text || (*text != "allow" && *text != "deny")) {
                report(document, *execution, "`insecure-external-code-execution` takes `allow` or `deny`", sink);
            }
        }
        if (const Node::Entry* cooldown = item.find("cooldown")) check_cooldown(document, *cooldown, ecosystem, entry, sink);
    }

    void check_directories(const Document& document, const Node& item, const Node& anchor, const std::string& entry,
                           std::set<std::tuple<std::string, std::string, std::string>>& seen, FindingSink& sink) const {
        const Node::Entry* directory = item.find("directory");
        const Node::Entry* directories = item.find("directories");
        if (!directory && !directories) {
            report(document, anchor, "neither `directory` nor `directories` in " + entry + ": Dependabot rejects the file",
                   sink, "directory: /");
            return;
        }
        if (directory && directories) {
            report(document, *directories->key,
                   entry + " has both `directory` and `directories`: Dependabot rejects the file", sink);
        }
        if (directory && !is_string(*directory->value)) {
            report(document, *directory->value, "`directory` must be a path such as `/`", sink);
        }
        if (directories) {
            const Node& list = *directories->value;
            bool valid = list.is_sequence() && !list.items.empty();
            for (const Node* path : list.items) valid = valid && is_string(*path) && !path->value.empty();
            if (!valid) report(document, list, "`directories` must be a non-empty list of paths", sink);
        }
        if (directory && !directories && is_string(*directory->value)) {
            std::string ecosystem(item.text("package-ecosystem").value_or(""));
            std::string branch(item.text("target-branch").value_or(""));
            if (!seen.emplace(ecosystem, directory->value->value, branch).second) {
                report(document, *directory->value,
                       "a second `" + ecosystem + "` entry for `directory: " + directory->value->value +
                           "`: Dependabot rejects a repeated package-ecosystem, directory and target-branch",
                       sink, "merge the two entries, or give one a different `target-branch`");
            }
        }
    }

    void check_schedule(const Document& document, const Node& item, const Node& anchor, const std::string& entry,
                        FindingSink& sink) const {
        if (item.find("multi-ecosystem-group") && !item.find("patterns")) {
            report(document, *item.find("multi-ecosystem-group")->key,
                   "an entry in a `multi-ecosystem-group` needs `patterns`: Dependabot rejects the file", sink,
                   "patterns: [\"*\"]");
        }
        const Node::Entry* schedule = item.find("schedule");
        if (!schedule) {
            if (!item.find("multi-ecosystem-group")) {
                report(document, anchor, "no `schedule` in " + entry + ": Dependabot rejects the file", sink,
                       "schedule:\n  interval: weekly");
            }
            return;
        }
        const Node& value = *schedule->value;
        if (!value.is_mapping()) {
            report(document, value, "`schedule` must be a mapping with an `interval`", sink, "schedule:\n  interval: weekly");
            return;
        }
        const Node* interval = value.get("interval");
        if (!interval) {
            report(document, *schedule->key, "`schedule` without `interval`: Dependabot rejects the file", sink,
                   "interval: weekly");
        } else if (!interval->text() || !is_dependabot_schedule_interval(interval->value)) {
            report(document, *interval,
                   "unknown schedule `interval: " + std::string(document.source(*interval)) + "`: Dependabot rejects the file",
                   sink);
        } else if (interval->value == "cron" && !value.get("cronjob")) {
            report(document, *interval, "`interval: cron` without `cronjob`: Dependabot rejects the file", sink);
        }
        if (const Node* day = value.get("day"); day && (!day->text() || !is_dependabot_schedule_day(day->value))) {
            report(document, *day, "unknown schedule `day: " + std::string(document.source(*day)) + "`", sink);
        }
        if (const Node* time = value.get("time"); time && !is_hh_mm(*time)) {
            report(document, *time, "schedule `time` must be `hh:mm` (00:00 to 23:59) as a string", sink);
        }
    }

    static bool is_hh_mm(const Node& time) {
        if (!time.is_scalar() || (time.type != ScalarType::Untyped && time.type != ScalarType::String)) return false;
        const std::string& text = time.value;
        auto digit = [](char c) { return c >= '0' && c <= '9'; };
        if (text.size() != 5 || text[2] != ':' || !digit(text[0]) || !digit(text[1]) || !digit(text[3]) ||
            !digit(text[4])) {
            return false;
        }
        int hours = (text[0] - '0') * 10 + (text[1] - '0');
        return hours <= 23 && text[3] <= '5';
    }

    void check_cooldown(const Document& document, const Node::Entry& cooldown, const std::string& ecosystem,
                        const std::string& entry, FindingSink& sink) const {
        const Node& value = *cooldown.value;
        if (!value.is_mapping()) {
            report(document, value,
                   "`cooldown: " + std::string(document.source(value)) +
                       "` is not a mapping: Dependabot rejects the file, and " + entry + " gets no cooldown",
                   sink, "cooldown:\n  default-days: 7");
            return;
        }
        bool semver = dependabot_ecosystem_is_semver(ecosystem);
        for (const auto& [key, days] : value.entries) {
            const std::string& name = key->value;
            if (!is_dependabot_cooldown_key(name)) {
                std::string hint = name == "default" || name == "days" ? " (did you mean `default-days`?)" : "";
                report(document, *key, "unknown cooldown key `" + name + "`" + hint + ": Dependabot rejects the file",
                       sink, name == "default" || name == "days" ? "default-days: " + days->value : "");
                continue;
            }
            if (name == "include" || name == "exclude") {
                bool valid = days->is_sequence() && days->items.size() <= 100;
                for (const Node* pattern : days->items) valid = valid && is_string(*pattern);
                if (!valid) report(document, *days, "cooldown `" + name + "` must be a list of at most 100 names", sink);
                continue;
            }
            long long lowest = name == "semver-patch-days" ? 0 : 1;
            if (!is_plain_integer(*days) || *days->as_int() < lowest || *days->as_int() > 90) {
                report(document, *days,
                       "`" + name + ": " + std::string(document.source(*days)) + "` must be an integer from " +
                           std::to_string(lowest) + " to 90: Dependabot rejects the file",
                       sink);
            } else if (name.starts_with("semver-") && !ecosystem.empty() && !semver) {
                report(document, *key,
                       "`" + name + "` has no effect on `" + ecosystem +
                           "`: Dependabot does not read its versions as semver and applies only `default-days`",
                       sink, "default-days: " + days->value);
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_dependabot_config_invalid_rule() { return std::make_unique<DependabotConfigInvalidRule>(); }

}  // namespace pysec
