// Rules about the actions a workflow uses and what they do (RULES.md A).
// The factories are declared here, next to the list, so that each group of
// rules is registered in one place.

#include "rules/all_rules.hpp"

namespace pysec {

std::unique_ptr<Rule> make_artipacked_rule();
std::unique_ptr<Rule> make_cache_poisoning_rule();
std::unique_ptr<Rule> make_use_trusted_publishing_rule();
std::unique_ptr<Rule> make_github_env_rule();
std::unique_ptr<Rule> make_self_repository_rule();
std::unique_ptr<Rule> make_superfluous_actions_rule();
std::unique_ptr<Rule> make_unpinned_tools_rule();
std::unique_ptr<Rule> make_typosquat_uses_rule();
std::unique_ptr<Rule> make_forbidden_uses_rule();

void add_action_rules(RuleList& rules) {
    rules.push_back(make_artipacked_rule());
    rules.push_back(make_cache_poisoning_rule());
    rules.push_back(make_use_trusted_publishing_rule());
    rules.push_back(make_github_env_rule());
    rules.push_back(make_self_repository_rule());
    rules.push_back(make_superfluous_actions_rule());
    rules.push_back(make_unpinned_tools_rule());
    rules.push_back(make_typosquat_uses_rule());
    rules.push_back(make_forbidden_uses_rule());
}

}  // namespace pysec
