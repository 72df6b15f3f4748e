#pragma once
// Factories of every rule, one per file under src/rules/<family>/.

#include <memory>
#include <vector>

#include "rules/rule.hpp"

namespace pysec {

using RuleList = std::vector<std::unique_ptr<Rule>>;

// Each group of rules registers itself in its own list file.
void add_expression_rules(RuleList& rules);        // rules/workflow/group_expressions.cpp
void add_job_rules(RuleList& rules);               // rules/workflow/group_jobs.cpp
void add_action_rules(RuleList& rules);            // rules/workflow/group_actions.cpp
void add_python_hygiene_rules(RuleList& rules);    // rules/python/group_python_hygiene.cpp
void add_update_bot_and_secret_rules(RuleList& rules);  // rules/group_update_bots_secrets.cpp
void add_lockfile_rules(RuleList& rules);          // rules/group_lockfiles.cpp
void add_uv_pip_rules(RuleList& rules);            // rules/group_uv_pip.cpp

std::unique_ptr<Rule> make_parse_error_rule();
std::unique_ptr<Rule> make_unpinned_uses_rule();
std::unique_ptr<Rule> make_dangerous_triggers_rule();
std::unique_ptr<Rule> make_dependabot_cooldown_rule();

}  // namespace pysec
