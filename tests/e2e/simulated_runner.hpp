#pragma once
// A simulated GitHub Actions runner for `pysec action`: a committed workspace,
// file-command files, a pull request event payload, and the INPUT_* and
// GITHUB_* variables the runner sets (hyphens kept: INPUT_FAIL-ON).

#include <map>
#include <string>

#include "support/test_support.hpp"

namespace pysec::test {

inline constexpr const char* head_sha = "1111111111111111111111111111111111111111";
inline constexpr const char* merge_sha = "2222222222222222222222222222222222222222";
inline constexpr const char* token = "ghs_doNotPrintThisTokenAnywhere0123456789";

struct Runner {
    TempDir workspace;
    TempDir runner_files;
    std::string summary = runner_files.write("step_summary", "");
    std::string output = runner_files.write("set_output", "");
    std::string event;

    // `head_repo` other than octo/sample makes the pull request come from a fork.
    explicit Runner(const std::string& workflow = "on: push\njobs:\n  t:\n    steps:\n      - uses: actions/checkout@v4\n"
                                                  "        with: {persist-credentials: false}\n"
                                                  "      - run: |\n          echo '::set-output name=x::y'\n"
                                                  "      - run: uvx zizmor@1.14.2 .\n"  // audited: no no-workflow-audit
                                                  "permissions: {}\n",
                    const std::string& head_repo = "octo/sample") {
        event = runner_files.write(
            "event.json", std::string(R"({"pull_request": {"number": 7, "head": {"sha": ")") + head_sha +
                              R"(", "repo": {"full_name": ")" + head_repo +
                              R"("}}, "base": {"repo": {"full_name": "octo/sample"}}}})");
        workspace.write(".github/workflows/ci.yml", workflow);
        // A valid config that covers the actions; the pip entry lacks a cooldown (one dependabot-cooldown finding).
        workspace.write(".github/dependabot.yml",
                        "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n"
                        "    schedule: {interval: weekly}\n  - package-ecosystem: github-actions\n    directory: /\n"
                        "    schedule: {interval: weekly}\n    cooldown: {default-days: 7}\n");
        git_commit_all(workspace.path(), "workspace");
    }

    ProcessOptions options(std::map<std::string, std::string> inputs = {}) const {
        ProcessOptions result;
        result.clean_env = true;
        result.cwd = workspace.path();
        std::map<std::string, std::string> variables = {
            {"GITHUB_ACTIONS", "true"},
            {"CI", "true"},
            {"GITHUB_WORKSPACE", workspace.path()},
            {"GITHUB_STEP_SUMMARY", summary},
            {"GITHUB_OUTPUT", output},
            {"GITHUB_EVENT_PATH", event},
            {"GITHUB_EVENT_NAME", "pull_request"},
            {"GITHUB_SHA", merge_sha},
            {"GITHUB_REPOSITORY", "octo/sample"},
            {"GITHUB_SERVER_URL", "https://github.example.com"},
            {"GITHUB_API_URL", "http://127.0.0.1:9"},  // closed: tests that use the API set their own
            {"GITHUB_RUN_ID", "99"},
            {"INPUT_PATH", "."},
            {"INPUT_TOKEN", token},
            {"INPUT_CONFIG", ""},
            {"INPUT_MIN-SEVERITY", "informational"},
            {"INPUT_MIN-CONFIDENCE", "low"},
            {"INPUT_PERSONA", "regular"},
            {"INPUT_FAIL-ON", "medium"},
            {"INPUT_SARIF-FILE", ""},
            {"INPUT_SUMMARY", "true"},
            {"INPUT_ANNOTATIONS", "commands"},
            {"INPUT_MAX-ANNOTATIONS", "1000"},
        };
        for (const auto& [name, value] : inputs) variables["INPUT_" + name] = value;
        for (const auto& [name, value] : variables) result.env[name] = value;
        return result;
    }
};

}  // namespace pysec::test
