#pragma once
// Factories of every rule, one per file under src/rules/<family>/.

#include <memory>

#include "rules/rule.hpp"

namespace pysec {

std::unique_ptr<Rule> make_parse_error_rule();
std::unique_ptr<Rule> make_unpinned_uses_rule();
std::unique_ptr<Rule> make_dangerous_triggers_rule();
std::unique_ptr<Rule> make_dependabot_cooldown_rule();

}  // namespace pysec
