// Python build and release hygiene in workflows (RULES.md B), and
// adhoc-packages (RULES.md A), the other ecosystems' unhashed-pip-install.
// The factories are declared here, next to the list, so that each group of
// rules is registered in one place.

#include "rules/all_rules.hpp"

namespace pysec {

std::unique_ptr<Rule> make_unhashed_pip_install_rule();
std::unique_ptr<Rule> make_unlocked_uv_sync_rule();
std::unique_ptr<Rule> make_curl_pipe_shell_rule();
std::unique_ptr<Rule> make_publish_job_builds_rule();
std::unique_ptr<Rule> make_publish_without_environment_rule();
std::unique_ptr<Rule> make_publish_attestations_disabled_rule();
std::unique_ptr<Rule> make_ignored_security_scan_rule();
std::unique_ptr<Rule> make_no_workflow_audit_rule();
std::unique_ptr<Rule> make_adhoc_packages_rule();

void add_python_hygiene_rules(RuleList& rules) {
    rules.push_back(make_unhashed_pip_install_rule());
    rules.push_back(make_unlocked_uv_sync_rule());
    rules.push_back(make_curl_pipe_shell_rule());
    rules.push_back(make_publish_job_builds_rule());
    rules.push_back(make_publish_without_environment_rule());
    rules.push_back(make_publish_attestations_disabled_rule());
    rules.push_back(make_ignored_security_scan_rule());
    rules.push_back(make_no_workflow_audit_rule());
    rules.push_back(make_adhoc_packages_rule());
}

}  // namespace pysec
