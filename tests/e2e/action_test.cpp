// `pysec action` in a simulated GitHub Actions environment: inputs as
// INPUT_<NAME> with hyphens kept, GITHUB_* variables, file commands in
// temporary files, and an event payload.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/test_support.hpp"

using namespace pysec;
using test::run_pysec;

namespace {

constexpr const char* head_sha = "1111111111111111111111111111111111111111";
constexpr const char* merge_sha = "2222222222222222222222222222222222222222";
constexpr const char* token = "ghs_doNotPrintThisTokenAnywhere0123456789";

struct Runner {
    test::TempDir workspace;
    test::TempDir runner_files;
    std::string summary = runner_files.write("step_summary", "");
    std::string output = runner_files.write("set_output", "");
    std::string event = runner_files.write(
        "event.json", std::string(R"({"pull_request": {"number": 7, "head": {"sha": ")") + head_sha +
                          R"(", "repo": {"full_name": "fork/sample"}}, "base": {"repo": {"full_name": "octo/sample"}}}})");

    Runner() {
        workspace.write(".github/workflows/ci.yml",
                        "on: push\njobs:\n  t:\n    steps:\n      - uses: actions/checkout@v4\n"
                        "      - run: |\n          echo '::set-output name=x::y'\npermissions: {}\n");
        workspace.write(".github/dependabot.yml",
                        "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n");
        test::git_commit_all(workspace.path(), "workspace");
    }

    test::ProcessOptions options(std::map<std::string, std::string> inputs = {}) const {
        test::ProcessOptions result;
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
        };
        for (const auto& [name, value] : inputs) variables["INPUT_" + name] = value;
        for (const auto& [name, value] : variables) result.env[name] = value;
        return result;
    }
};

}  // namespace

TEST_CASE("action: annotations, job summary, outputs, SARIF and exit status", "[e2e][action]") {
    Runner runner;
    auto result = run_pysec({"action"}, runner.options({{"SARIF-FILE", "results.sarif"}}));
    INFO(result.out << result.err);
    CHECK(result.exit_code == 14);  // a high finding, fail-on medium

    // The text report is printed between stop-commands and its token, so that
    // a `::` in a quoted source line cannot act as a workflow command.
    auto stop = result.out.find("::stop-commands::pysec-");
    REQUIRE(stop == 0);
    std::string stop_token = result.out.substr(17, result.out.find('\n') - 17);
    auto resume = result.out.find("::" + stop_token + "::\n");
    REQUIRE(resume != std::string::npos);
    std::string report = result.out.substr(0, resume);
    CHECK_THAT(report, Catch::Contains(".github/workflows/ci.yml:5:15: high unpinned-uses"));
    std::string commands = result.out.substr(resume);
    CHECK_THAT(commands, Catch::Contains("::error file=.github/workflows/ci.yml,line=5,endLine=5,col=15,endColumn=34,"
                                        "title=pysec unpinned-uses (high)::"));
    CHECK_THAT(commands, Catch::Contains("::warning file=.github/dependabot.yml,line=3,"));
    CHECK(commands.find("::error") < commands.find("::warning"));

    std::string summary = test::read_file(runner.summary);
    CHECK_THAT(summary, Catch::StartsWith("## pysec: ❌ 2 findings (1 high, 1 medium)"));
    CHECK_THAT(summary, Catch::Contains("The audit fails"));
    CHECK_THAT(summary, Catch::Contains(std::string("[.github/workflows/ci.yml:5](https://github.example.com/octo/sample/blob/") +
                                        head_sha + "/.github/workflows/ci.yml#L5)"));
    CHECK_THAT(summary, Catch::Contains("| `unpinned-uses` | 1 |"));
    CHECK_THAT(summary, Catch::Contains("Reproduce locally: `pysec scan .`"));

    std::string outputs = test::read_file(runner.output);
    CHECK_THAT(outputs, Catch::Matches("findings<<(ghadelimiter_[0-9a-f]+)\n2\n\\1\n"
                                       "highest-severity<<(ghadelimiter_[0-9a-f]+)\nhigh\n\\2\n"
                                       "sarif-file<<(ghadelimiter_[0-9a-f]+)\nresults.sarif\n\\3\n"));

    auto sarif = nlohmann::json::parse(test::read_file(runner.workspace.path() + "/results.sarif"));
    CHECK(sarif["runs"][0]["results"].size() == 2);

    // The token never leaves the process.
    for (const std::string& text : {result.out, result.err, summary, outputs,
                                    test::read_file(runner.workspace.path() + "/results.sarif")}) {
        CHECK(text.find(token) == std::string::npos);
        CHECK(text.find("ghs_") == std::string::npos);
    }
}

TEST_CASE("action: fail-on never, thresholds, no summary, no annotations", "[e2e][action]") {
    Runner runner;
    auto result = run_pysec({"action"}, runner.options({{"FAIL-ON", "never"},
                                                        {"MIN-SEVERITY", "high"},
                                                        {"SUMMARY", "false"},
                                                        {"ANNOTATIONS", "none"}}));
    CHECK(result.exit_code == 0);
    CHECK(test::read_file(runner.summary).empty());
    CHECK(result.out.find("::error") == std::string::npos);
    CHECK_THAT(test::read_file(runner.output), Catch::Contains("\n1\n"));  // one finding shown
}

TEST_CASE("action: without the pull request payload the link uses GITHUB_SHA", "[e2e][action]") {
    Runner runner;
    test::ProcessOptions options = runner.options({{"FAIL-ON", "never"}});
    options.env["GITHUB_EVENT_NAME"] = "schedule";
    auto result = run_pysec({"action"}, options);
    CHECK(result.exit_code == 0);
    CHECK_THAT(test::read_file(runner.summary), Catch::Contains(std::string("/blob/") + merge_sha + "/"));
}

TEST_CASE("action: bad inputs are usage errors reported as workflow commands", "[e2e][action]") {
    Runner runner;
    auto persona = run_pysec({"action"}, runner.options({{"PERSONA", "paranoid"}}));
    CHECK(persona.exit_code == 2);
    CHECK_THAT(persona.err, Catch::Contains("input persona: 'paranoid'"));
    auto fail_on = run_pysec({"action"}, runner.options({{"FAIL-ON", "sometimes"}}));
    CHECK(fail_on.exit_code == 2);
    auto path = run_pysec({"action"}, runner.options({{"PATH", "missing-dir"}}));
    CHECK(path.exit_code == 2);
    CHECK_THAT(path.out, Catch::Contains("::error title=pysec::"));
}

TEST_CASE("action: the config input and a subdirectory path", "[e2e][action]") {
    Runner runner;
    runner.workspace.write("ci/pysec.yml", "rules:\n  unpinned-uses:\n    disable: true\n");
    auto result = run_pysec({"action"}, runner.options({{"CONFIG", "ci/pysec.yml"}}));
    CHECK(result.exit_code == 13);  // only the medium Dependabot finding is left
    auto sub = run_pysec({"action"}, runner.options({{"PATH", ".github/workflows"}}));
    CHECK(sub.exit_code == 14);
    CHECK_THAT(test::read_file(runner.output), Catch::Contains("\n1\n"));
}
