#pragma once
// What the runner hands a container action: inputs as INPUT_<NAME> (upper
// case, hyphens kept: INPUT_FAIL-ON), GITHUB_* variables, file-command paths
// and the event payload.  Read once, here, into plain values.

#include <optional>
#include <string>

namespace pysec {

struct ActionInputs {
    std::string path = ".";
    std::string config;
    std::string min_severity = "informational";
    std::string min_confidence = "low";
    std::string persona = "regular";
    std::string fail_on = "medium";
    std::string sarif_file;
    bool summary = true;
    std::string annotations = "check-run";  // check-run | commands | none
    std::string max_annotations = "1000";
    // Only ever sent in the Authorization header; never printed.
    std::string token;
};

struct ActionEnvironment {
    ActionInputs inputs;
    std::string workspace;       // GITHUB_WORKSPACE
    std::string step_summary;    // GITHUB_STEP_SUMMARY
    std::string output;          // GITHUB_OUTPUT
    std::string server_url = "https://github.com";
    std::string repository;      // owner/name
    std::string sha;             // GITHUB_SHA
    std::string event_name;      // GITHUB_EVENT_NAME
    // The commit the scanned files belong to: the pull request's head for
    // pull_request events (GITHUB_SHA is the merge commit there), else GITHUB_SHA.
    std::string head_sha;
    std::string api_url = "https://api.github.com";  // GITHUB_API_URL (GitHub Enterprise Server)
    std::string run_url;  // this workflow run, for the check run's details link
    // A pull_request from a fork: its token is read-only, so no check run.
    bool fork_pull_request = false;
    bool github_actions = false;
};

// Reads the process environment and the event payload at GITHUB_EVENT_PATH.
ActionEnvironment read_action_environment();

// Input values as the runner passes them; nullopt when unset.
std::optional<std::string> action_input(const std::string& name);

}  // namespace pysec
