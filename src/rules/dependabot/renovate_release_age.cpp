#include "rules/dependabot/renovate_release_age.hpp"

#include <array>
#include <regex>

#include "rules/dependabot/renovate_duration.hpp"

namespace pysec {
namespace {

constexpr std::array python_managers = {
    std::string_view{"pep621"},          std::string_view{"pep723"},     std::string_view{"pip_requirements"},
    std::string_view{"pip_setup"},       std::string_view{"pip-compile"}, std::string_view{"pipenv"},
    std::string_view{"poetry"},          std::string_view{"setup-cfg"},  std::string_view{"pixi"},
};

struct TargetNames {
    std::vector<std::string_view> datasources;
    std::vector<std::string_view> managers;
    std::vector<std::string_view> categories;
};

TargetNames names_of(RenovateTarget target) {
    if (target == RenovateTarget::GithubActions) return {{"github-tags"}, {"github-actions"}, {"ci"}};
    return {{"pypi"}, {python_managers.begin(), python_managers.end()}, {"python"}};
}

// One Renovate match pattern: an exact name, `*`, or a `/regex/` (flags `i` allowed).
bool pattern_matches(std::string_view pattern, std::string_view name) {
    if (pattern == "*" || pattern == "**" || pattern == name) return true;
    if (pattern.size() >= 2 && pattern.front() == '/') {
        std::size_t close = pattern.rfind('/');
        if (close == 0) return false;
        std::string_view flags = pattern.substr(close + 1);
        auto options = std::regex::ECMAScript;
        if (flags.find('i') != std::string_view::npos) options |= std::regex::icase;
        try {
            return std::regex_search(std::string(name), std::regex(std::string(pattern.substr(1, close - 1)), options));
        } catch (const std::regex_error&) {
            return false;
        }
    }
    return false;
}

// A list of patterns (negated ones start with `!`) accepts one of `names`.
bool list_accepts(const Node& list, const std::vector<std::string_view>& names) {
    if (!list.is_sequence()) return false;
    bool has_positive = false;
    for (const Node* item : list.items) {
        auto text = item->text();
        if (text && !text->starts_with("!")) has_positive = true;
    }
    for (const std::string_view name : names) {
        bool positive = !has_positive;
        bool negated = false;
        for (const Node* item : list.items) {
            auto text = item->text();
            if (!text) continue;
            if (text->starts_with("!")) {
                negated = negated || pattern_matches(text->substr(1), name);
            } else {
                positive = positive || pattern_matches(*text, name);
            }
        }
        if (positive && !negated) return true;
    }
    return false;
}

bool matches_everything(const Node& list) {
    if (!list.is_sequence() || list.items.empty()) return false;
    for (const Node* item : list.items) {
        auto text = item->text();
        if (!text || (*text != "*" && *text != "**" && *text != "/.*/" && *text != "/.+/")) return false;
    }
    return true;
}

bool all_version_updates(const Node& list) {
    if (!list.is_sequence()) return false;
    int found = 0;
    for (const Node* item : list.items) {
        auto text = item->text();
        if (text && (*text == "major" || *text == "minor" || *text == "patch")) ++found;
    }
    return found >= 3;
}

enum class Scope { None, Partial, Whole };

Scope scope_of(const Node& rule, RenovateTarget target) {
    TargetNames names = names_of(target);
    Scope scope = Scope::Whole;
    for (const auto& [key, value] : rule.entries) {
        std::string_view name = key->value;
        if (name == "matchDatasources") {
            if (!list_accepts(*value, names.datasources)) return Scope::None;
        } else if (name == "matchManagers") {
            if (!list_accepts(*value, names.managers)) return Scope::None;
        } else if (name == "matchCategories") {
            if (!list_accepts(*value, names.categories)) return Scope::None;
        } else if (name == "matchPackageNames" || name == "matchDepNames") {
            if (!matches_everything(*value)) scope = Scope::Partial;
        } else if (name == "matchUpdateTypes") {
            if (!all_version_updates(*value)) scope = Scope::Partial;
        } else if (name.starts_with("match") || name.starts_with("exclude")) {
            scope = Scope::Partial;
        }
    }
    return scope;
}

ReleaseAgeSetting setting_of(const Node& value, bool legacy_days) {
    ReleaseAgeSetting setting;
    setting.value = &value;
    if (value.is_null()) return setting;  // `null` clears it
    if (legacy_days) {
        auto days = value.as_int();
        if (days) {
            setting.state = ReleaseAgeSetting::State::Set;
            setting.days = static_cast<double>(*days);
        } else {
            setting.state = ReleaseAgeSetting::State::Unreadable;
        }
        return setting;
    }
    auto days = value.type == ScalarType::String ? renovate_duration_days(value.value) : std::nullopt;
    setting.state = days ? ReleaseAgeSetting::State::Set : ReleaseAgeSetting::State::Unreadable;
    setting.days = days.value_or(0);
    return setting;
}

// The release age an object sets, if it sets one.
std::optional<ReleaseAgeSetting> own_setting(const Node& object) {
    if (const Node* value = object.get("minimumReleaseAge")) return setting_of(*value, false);
    if (const Node* value = object.get("stabilityDays")) return setting_of(*value, true);
    return std::nullopt;
}

std::vector<std::string_view> manager_objects(RenovateTarget target) {
    if (target == RenovateTarget::GithubActions) return {"github-actions"};
    std::vector<std::string_view> names(python_managers.begin(), python_managers.end());
    names.push_back("python");
    return names;
}

constexpr std::array builtin_namespaces = {
    std::string_view{"abandonments"}, std::string_view{"compatibility"}, std::string_view{"config"},
    std::string_view{"customManagers"}, std::string_view{"default"},     std::string_view{"docker"},
    std::string_view{"global"},       std::string_view{"group"},         std::string_view{"helpers"},
    std::string_view{"mergeConfidence"}, std::string_view{"monorepo"},   std::string_view{"npm"},
    std::string_view{"packages"},     std::string_view{"preview"},       std::string_view{"regexManagers"},
    std::string_view{"replacements"}, std::string_view{"schedule"},      std::string_view{"security"},
    std::string_view{"workarounds"},
};

bool is_builtin_preset(std::string_view preset) {
    if (preset.find('>') != std::string_view::npos) return false;  // github>, gitlab>, local>, npm>, ...
    auto colon = preset.find(':');
    if (colon == std::string_view::npos) return false;  // a bare name is an npm package preset
    std::string_view space = preset.substr(0, colon);
    if (space.empty()) return true;  // `:dependencyDashboard` is `default:dependencyDashboard`
    for (std::string_view name : builtin_namespaces) {
        if (name == space) return true;
    }
    return false;
}

}  // namespace

std::string_view describe(RenovateTarget target) {
    return target == RenovateTarget::Pypi ? "PyPI packages" : "GitHub Actions";
}

ReleaseAgeSetting effective_release_age(const Node& config, RenovateTarget target) {
    ReleaseAgeSetting current;
    if (!config.is_mapping()) return current;
    if (auto own = own_setting(config)) current = *own;
    for (std::string_view name : manager_objects(target)) {
        const Node* object = config.get(name);
        if (object && object->is_mapping()) {
            if (auto own = own_setting(*object)) current = *own;
        }
    }
    const Node* rules = config.get("packageRules");
    if (!rules || !rules->is_sequence()) return current;
    for (const Node* rule : rules->items) {
        if (!rule->is_mapping() || scope_of(*rule, target) != Scope::Whole) continue;
        if (auto own = own_setting(*rule)) current = *own;
    }
    return current;
}

bool renovate_updates(const Node& config, RenovateTarget target) {
    if (!config.is_mapping()) return true;
    if (const Node* enabled = config.get("enabledManagers"); enabled && enabled->is_sequence()) {
        if (!list_accepts(*enabled, names_of(target).managers)) return false;
    }
    if (target == RenovateTarget::GithubActions) {
        const Node* manager = config.get("github-actions");
        const Node* enabled = manager && manager->is_mapping() ? manager->get("enabled") : nullptr;
        if (enabled && enabled->as_bool() == false) return false;
    }
    return true;
}

std::vector<const Node*> external_presets(const Node& config) {
    std::vector<const Node*> presets;
    const Node* extends = config.is_mapping() ? config.get("extends") : nullptr;
    if (!extends) return presets;
    std::vector<const Node*> items = extends->is_scalar() ? std::vector<const Node*>{extends} : extends->items;
    for (const Node* item : items) {
        auto text = item->text();
        if (text && !is_builtin_preset(text->substr(0, text->find('(')))) presets.push_back(item);
    }
    return presets;
}

std::optional<std::string> builtin_preset_release_age(std::string_view preset) {
    preset = preset.substr(0, preset.find('('));
    if (preset == "config:best-practices" || preset == "security:minimumReleaseAgeNpm") {
        return "3 days for npm packages only (security:minimumReleaseAgeNpm)";
    }
    if (preset == "security:minimumReleaseAgeCrates") return "3 days for Rust crates only";
    return std::nullopt;
}

}  // namespace pysec
