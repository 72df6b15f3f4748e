// uv and pip configuration (RULES.md D): cooldowns, build policy, package
// indexes and sources.  The factories are declared here, next to the list,
// so that the group is registered in one place.

#include "rules/all_rules.hpp"

namespace pysec {

std::unique_ptr<Rule> make_uv_cooldown_rule();
std::unique_ptr<Rule> make_exclude_newer_invalid_rule();
std::unique_ptr<Rule> make_cooldown_exemptions_rule();
std::unique_ptr<Rule> make_pip_cooldown_invalid_rule();
std::unique_ptr<Rule> make_binary_only_scope_rule();
std::unique_ptr<Rule> make_sdist_build_allowed_rule();
std::unique_ptr<Rule> make_dependency_confusion_rule();
std::unique_ptr<Rule> make_insecure_index_rule();
std::unique_ptr<Rule> make_index_credentials_rule();
std::unique_ptr<Rule> make_mutable_source_rule();

void add_uv_pip_rules(RuleList& rules) {
    rules.push_back(make_uv_cooldown_rule());
    rules.push_back(make_exclude_newer_invalid_rule());
    rules.push_back(make_cooldown_exemptions_rule());
    rules.push_back(make_pip_cooldown_invalid_rule());
    rules.push_back(make_binary_only_scope_rule());
    rules.push_back(make_sdist_build_allowed_rule());
    rules.push_back(make_dependency_confusion_rule());
    rules.push_back(make_insecure_index_rule());
    rules.push_back(make_index_credentials_rule());
    rules.push_back(make_mutable_source_rule());
}

}  // namespace pysec
