// Update bots and cooldowns (RULES.md C, except dependabot-cooldown, which is
// registered on its own), secrets in the repository (F) and pre-commit (G).
// The factories are declared here, next to the list, so that each group of
// rules is registered in one place.

#include "rules/all_rules.hpp"

namespace pysec {

std::unique_ptr<Rule> make_dependabot_config_invalid_rule();
std::unique_ptr<Rule> make_dependabot_execution_rule();
std::unique_ptr<Rule> make_dependabot_coverage_rule();
std::unique_ptr<Rule> make_no_update_bot_rule();
std::unique_ptr<Rule> make_renovate_cooldown_rule();
std::unique_ptr<Rule> make_committed_env_file_rule();
std::unique_ptr<Rule> make_committed_pypirc_rule();
std::unique_ptr<Rule> make_hardcoded_secret_rule();
std::unique_ptr<Rule> make_precommit_unpinned_rev_rule();
std::unique_ptr<Rule> make_insecure_url_scheme_rule();

void add_update_bot_and_secret_rules(RuleList& rules) {
    // C. Update bots and cooldowns
    rules.push_back(make_dependabot_config_invalid_rule());
    rules.push_back(make_dependabot_execution_rule());
    rules.push_back(make_dependabot_coverage_rule());
    rules.push_back(make_no_update_bot_rule());
    rules.push_back(make_renovate_cooldown_rule());
    // F. Secrets in the repository
    rules.push_back(make_committed_env_file_rule());
    rules.push_back(make_committed_pypirc_rule());
    rules.push_back(make_hardcoded_secret_rule());
    // G. Pre-commit
    rules.push_back(make_precommit_unpinned_rev_rule());
    rules.push_back(make_insecure_url_scheme_rule());
}

}  // namespace pysec
