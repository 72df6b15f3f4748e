// Rules about `${{ }}` expressions, conditions and secrets (RULES.md A).
// The factories are declared here, next to the list, so that each group of
// rules is registered in one place.

#include "rules/all_rules.hpp"

namespace pysec {

std::unique_ptr<Rule> make_template_injection_rule();
std::unique_ptr<Rule> make_insecure_commands_rule();
std::unique_ptr<Rule> make_bot_conditions_rule();
std::unique_ptr<Rule> make_overprovisioned_secrets_rule();
std::unique_ptr<Rule> make_unredacted_secrets_rule();
std::unique_ptr<Rule> make_unsound_condition_rule();
std::unique_ptr<Rule> make_unsound_contains_rule();
std::unique_ptr<Rule> make_secrets_outside_env_rule();
std::unique_ptr<Rule> make_obfuscation_rule();
std::unique_ptr<Rule> make_unsound_ternary_rule();

void add_expression_rules(RuleList& rules) {
    rules.push_back(make_template_injection_rule());
    rules.push_back(make_insecure_commands_rule());
    rules.push_back(make_bot_conditions_rule());
    rules.push_back(make_overprovisioned_secrets_rule());
    rules.push_back(make_unredacted_secrets_rule());
    rules.push_back(make_unsound_condition_rule());
    rules.push_back(make_unsound_contains_rule());
    rules.push_back(make_secrets_outside_env_rule());
    rules.push_back(make_obfuscation_rule());
    rules.push_back(make_unsound_ternary_rule());
}

}  // namespace pysec
