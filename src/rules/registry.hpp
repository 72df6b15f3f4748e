#pragma once
// The one explicit list of rules (no static registration: the list is the
// table of contents).

#include <memory>
#include <string_view>
#include <vector>

#include "rules/rule.hpp"

namespace pysec {

const std::vector<std::unique_ptr<Rule>>& all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace pysec
