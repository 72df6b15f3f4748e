// dependabot-cooldown: an `updates[]` entry that lets Dependabot propose
// versions younger than the minimum number of days.

#include "rules/all_rules.hpp"

namespace pysec {
namespace {

constexpr RuleInfo dependabot_cooldown_info{
    .id = "dependabot-cooldown",
    .title = "Dependabot update without a cooldown of at least the minimum days",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "dependabot",
    .what = "Every `updates[]` entry of `.github/dependabot.yml` is checked (not only the first). An "
            "entry is reported when its effective `cooldown.default-days` is below the minimum (7 days "
            "unless configured): no `cooldown:` or no `default-days` (Dependabot then falls back to its "
            "built-in 3 days), or a smaller value. For ecosystems that Dependabot reads as semver, "
            "`semver-major-days`, `semver-minor-days` and `semver-patch-days` below the minimum are "
            "reported too, since they override the default for those updates; for other ecosystems "
            "(github-actions, docker, ...) Dependabot ignores them. A cooldown that `exclude: [\"*\"]` "
            "switches off, or that `include:` limits to a list of dependencies, is reported as well.\n\n"
            "Configure the minimum with `rules.dependabot-cooldown.config.days` (an integer, default 7).",
    .why = "Compromised releases are usually found and pulled from the registry within hours or days "
           "(ctx and num2words on PyPI, tj-actions/changed-files, the npm 'Shai-Hulud' worm). A cooldown "
           "makes Dependabot wait until a release has survived that window before proposing it, so a "
           "malicious version never reaches your lock file or your workflows. Cooldowns do not delay "
           "security updates.",
    .fix = "Add a cooldown of at least the minimum to every entry, and raise semver-specific days that "
           "are lower.",
    .example = "Before:\n"
               "  - package-ecosystem: pip\n"
               "    directory: /\n"
               "    schedule: {interval: weekly}\n"
               "After:\n"
               "  - package-ecosystem: pip\n"
               "    directory: /\n"
               "    schedule: {interval: weekly}\n"
               "    cooldown:\n"
               "      default-days: 7\n",
};

// Dependabot's default when `default-days` is not set.
constexpr long long dependabot_builtin_cooldown_days = 3;

long long minimum_days(const Node* config) {
    if (!config) return 7;
    if (!config->is_mapping()) throw RuleConfigError("dependabot-cooldown: `config` must be a mapping");
    for (const auto& entry : config->entries) {
        if (entry.key->value != "days") {
            throw RuleConfigError("dependabot-cooldown: unknown config key '" + entry.key->value +
                                  "' (expected `days`)");
        }
    }
    const Node* days = config->get("days");
    if (!days) return 7;
    auto value = days->as_int();
    if (!value || *value < 0 || *value > 365) {
        throw RuleConfigError("dependabot-cooldown: `days` must be an integer between 0 and 365");
    }
    return *value;
}

bool contains_wildcard(const Node* list) {
    if (!list || !list->is_sequence()) return false;
    for (const Node* item : list->items) {
        if (item->text() == "*") return true;
    }
    return false;
}

class DependabotCooldownRule final : public Rule {
public:
    const RuleInfo& info() const override { return dependabot_cooldown_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        long long minimum = minimum_days(context.config);
        for (const DependabotConfig& config : context.project.dependabot_configs()) {
            for (const DependabotUpdate& update : config.entries) check_entry(*config.document, update, minimum, sink);
        }
    }

private:
    void report(const Document& document, const Node& node, std::string message, long long minimum,
                FindingSink& sink) const {
        Finding finding = finding_at(document, node, std::move(message));
        finding.help = "cooldown:\n  default-days: " + std::to_string(minimum);
        sink.add(std::move(finding));
    }

    void check_entry(const Document& document, const DependabotUpdate& update, long long minimum,
                     FindingSink& sink) const {
        std::string ecosystem = update.ecosystem.empty() ? "this" : "`" + update.ecosystem + "`";
        const Node& anchor = update.ecosystem_node ? *update.ecosystem_node : *update.node;
        std::string below = " is below the minimum of " + std::to_string(minimum) + " days";
        if (!update.cooldown) {
            if (dependabot_builtin_cooldown_days < minimum) {
                report(document, anchor,
                       "no `cooldown:` for the " + ecosystem + " entry: Dependabot's built-in " +
                           std::to_string(dependabot_builtin_cooldown_days) + " days" + below,
                       minimum, sink);
            }
            return;
        }
        const Node* cooldown = update.cooldown->value;
        if (!cooldown->is_mapping()) return;  // dependabot-config-invalid reports the shape
        const Node* default_days = cooldown->get("default-days");
        if (!default_days) {
            if (dependabot_builtin_cooldown_days < minimum) {
                report(document, *update.cooldown->key,
                       "`cooldown:` of the " + ecosystem + " entry has no `default-days`: Dependabot's built-in " +
                           std::to_string(dependabot_builtin_cooldown_days) + " days" + below,
                       minimum, sink);
            }
        } else if (auto days = default_days->as_int(); days && *days >= 0 && *days < minimum) {
            report(document, *default_days,
                   "`default-days: " + std::to_string(*days) + "` for the " + ecosystem + " entry" + below,
                   minimum, sink);
        }
        if (dependabot_ecosystem_is_semver(update.ecosystem)) {
            for (const char* key : {"semver-major-days", "semver-minor-days", "semver-patch-days"}) {
                const Node* value = cooldown->get(key);
                auto days = value ? value->as_int() : std::nullopt;
                if (days && *days >= 0 && *days < minimum) {
                    report(document, *value,
                           "`" + std::string(key) + ": " + std::to_string(*days) + "` for the " + ecosystem +
                               " entry" + below,
                           minimum, sink);
                }
            }
        }
        if (const Node::Entry* exclude = cooldown->find("exclude"); exclude && contains_wildcard(exclude->value)) {
            report(document, *exclude->key,
                   "`exclude` contains \"*\": the cooldown of the " + ecosystem + " entry applies to nothing",
                   minimum, sink);
        }
        if (const Node::Entry* include = cooldown->find("include");
            include && include->value->is_sequence() && !include->value->items.empty() &&
            !contains_wildcard(include->value)) {
            report(document, *include->key,
                   "`include` limits the cooldown of the " + ecosystem +
                       " entry to the dependencies it lists; every other dependency updates without one",
                   minimum, sink);
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_dependabot_cooldown_rule() { return std::make_unique<DependabotCooldownRule>(); }

}  // namespace pysec
