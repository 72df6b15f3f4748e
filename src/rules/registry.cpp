#include "rules/registry.hpp"

#include "rules/all_rules.hpp"

namespace pysec {
namespace {

std::vector<std::unique_ptr<Rule>> make_all_rules() {
    std::vector<std::unique_ptr<Rule>> rules;
    rules.push_back(make_parse_error_rule());
    // A. Workflows and actions
    rules.push_back(make_unpinned_uses_rule());
    rules.push_back(make_dangerous_triggers_rule());
    add_expression_rules(rules);
    add_job_rules(rules);
    add_action_rules(rules);
    // B. Python build and release hygiene in workflows
    add_python_hygiene_rules(rules);
    // C. Update bots and cooldowns; F. Secrets in the repository; G. Pre-commit
    rules.push_back(make_dependabot_cooldown_rule());
    add_update_bot_and_secret_rules(rules);
    // D. uv and pip configuration
    add_uv_pip_rules(rules);
    // E. Lockfiles and requirement files
    add_lockfile_rules(rules);
    return rules;
}

}  // namespace

const std::vector<std::unique_ptr<Rule>>& all_rules() {
    static const std::vector<std::unique_ptr<Rule>> rules = make_all_rules();
    return rules;
}

const Rule* find_rule(std::string_view id) {
    for (const auto& rule : all_rules()) {
        if (rule->info().id == id) return rule.get();
    }
    return nullptr;
}

}  // namespace pysec
