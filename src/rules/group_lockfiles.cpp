// Lockfiles and requirement files (RULES.md E).  The factories are declared
// here, next to the list, so that the group is registered in one place.

#include "rules/all_rules.hpp"

namespace pysec {

std::unique_ptr<Rule> make_missing_lockfile_rule();
std::unique_ptr<Rule> make_lock_missing_hashes_rule();
std::unique_ptr<Rule> make_lock_sdist_only_rule();
std::unique_ptr<Rule> make_lock_mixed_sources_rule();
std::unique_ptr<Rule> make_lock_cooldown_violation_rule();
std::unique_ptr<Rule> make_lock_no_upload_times_rule();
std::unique_ptr<Rule> make_unpinned_requirement_rule();
std::unique_ptr<Rule> make_unhashed_requirement_rule();

void add_lockfile_rules(RuleList& rules) {
    rules.push_back(make_missing_lockfile_rule());
    rules.push_back(make_lock_missing_hashes_rule());
    rules.push_back(make_lock_sdist_only_rule());
    rules.push_back(make_lock_mixed_sources_rule());
    rules.push_back(make_lock_cooldown_violation_rule());
    rules.push_back(make_lock_no_upload_times_rule());
    rules.push_back(make_unpinned_requirement_rule());
    rules.push_back(make_unhashed_requirement_rule());
}

}  // namespace pysec
