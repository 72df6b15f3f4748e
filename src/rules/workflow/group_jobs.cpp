// Rules about triggers, permissions, jobs, runners and containers (RULES.md A).
// The factories are declared here, next to the list, so that each group of
// rules is registered in one place.

#include "rules/all_rules.hpp"

namespace pysec {

std::unique_ptr<Rule> make_pwn_request_rule();
std::unique_ptr<Rule> make_excessive_permissions_rule();
std::unique_ptr<Rule> make_secrets_inherit_rule();
std::unique_ptr<Rule> make_self_hosted_runner_rule();
std::unique_ptr<Rule> make_unpinned_images_rule();
std::unique_ptr<Rule> make_hardcoded_container_credentials_rule();
std::unique_ptr<Rule> make_misfeature_rule();
std::unique_ptr<Rule> make_anonymous_definition_rule();
std::unique_ptr<Rule> make_concurrency_limits_rule();
std::unique_ptr<Rule> make_undocumented_permissions_rule();
std::unique_ptr<Rule> make_github_app_rule();

// In the order of RULES.md.
void add_job_rules(RuleList& rules) {
    rules.push_back(make_pwn_request_rule());
    rules.push_back(make_excessive_permissions_rule());
    rules.push_back(make_secrets_inherit_rule());
    rules.push_back(make_self_hosted_runner_rule());
    rules.push_back(make_unpinned_images_rule());
    rules.push_back(make_hardcoded_container_credentials_rule());
    rules.push_back(make_misfeature_rule());
    rules.push_back(make_anonymous_definition_rule());
    rules.push_back(make_concurrency_limits_rule());
    rules.push_back(make_undocumented_permissions_rule());
    rules.push_back(make_github_app_rule());
}

}  // namespace pysec
