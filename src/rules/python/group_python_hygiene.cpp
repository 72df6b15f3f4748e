// Python build and release hygiene in workflows (RULES.md B).
// The factories are declared here, next to the list, so that each group of
// rules is registered in one place.

#include "rules/all_rules.hpp"

namespace pysec {

void add_python_hygiene_rules(RuleList& rules) {
    (void)rules;
}

}  // namespace pysec
