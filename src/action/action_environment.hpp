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
    std::string annotations = "commands";
    bool has_token = false;  // the token itself is not kept where it could be printed
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
    bool github_actions = false;
};

// Reads the process environment and the event payload at GITHUB_EVENT_PATH.
ActionEnvironment read_action_environment();

// Input values as the runner passes them; nullopt when unset.
std::optional<std::string> action_input(const std::string& name);

}  // namespace pysec
