// Rules about the actions a workflow uses and what they do (RULES.md A).
// The factories are declared here, next to the list, so that each group of
// rules is registered in one place.

#include "rules/all_rules.hpp"

namespace pysec {

void add_action_rules(RuleList& rules) {
    (void)rules;
}

}  // namespace pysec
