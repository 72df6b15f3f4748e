#pragma once
// Rule documentation as `pysec rules` prints it, and as SARIF embeds it.

#include <string>

#include "rules/rule.hpp"

namespace pysec {

std::string render_rule_list();                    // one line per rule: id, severity, title
std::string render_rule_doc(const RuleInfo& rule); // what, why, how to fix, example
std::string render_rule_markdown(const RuleInfo& rule);
std::string render_rules_markdown();  // all rules: docs/rules.md

}  // namespace pysec
