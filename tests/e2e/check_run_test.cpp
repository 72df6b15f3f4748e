// `pysec action` reporting through the Check Runs API, against the fake GitHub
// API of tests/tools/fake_github.py (127.0.0.1 only).  Every request body is
// validated there against the REST API's Check Runs request schema.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e/simulated_runner.hpp"

using namespace pysec;
using nlohmann::json;
using test::run_pysec;

namespace {

std::string workflow_with_unpinned_steps(int count) {
    // The zizmor step keeps no-workflow-audit quiet; the count is only unpinned actions.
    std::string workflow = "on: push\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n"
                           "      - run: uvx zizmor@1.14.2 .\n";
    for (int i = 0; i < count; ++i) workflow += "      - uses: owner/action-" + std::to_string(i) + "@v1\n";
    return workflow;
}

std::map<std::string, std::string> check_run_inputs(std::map<std::string, std::string> extra = {}) {
    extra["ANNOTATIONS"] = "check-run";
    return extra;
}

test::ProcessOptions against(const test::Runner& runner, const test::FakeGitHub& api,
                             std::map<std::string, std::string> inputs = check_run_inputs()) {
    test::ProcessOptions options = runner.options(std::move(inputs));
    options.env["GITHUB_API_URL"] = api.url();
    return options;
}

void check_no_token_anywhere(const test::Runner& runner, const test::ProcessResult& result) {
    for (const std::string& text : {result.out, result.err, test::read_file(runner.summary), test::read_file(runner.output)}) {
        CHECK(text.find(test::token) == std::string::npos);
    }
}

}  // namespace

TEST_CASE("check run: 120 findings arrive in 3 batches on the pull request's head", "[e2e][check-run]") {
    // 119 unpinned actions and the Dependabot entry without a cooldown.
    test::Runner runner(workflow_with_unpinned_steps(119));
    test::FakeGitHub api("{}", test::token);
    auto result = run_pysec({"action"}, against(runner, api));
    INFO(result.out << result.err);
    CHECK(result.exit_code == 14);
    json records = json::parse(api.records_json());
    REQUIRE(records.size() == 3);
    CHECK(records[0]["method"] == "POST");
    CHECK(records[0]["path"] == "/repos/octo/sample/check-runs");
    CHECK(records[0]["body"]["name"] == "pysec");
    CHECK(records[0]["body"]["head_sha"] == test::head_sha);  // not the merge commit in GITHUB_SHA
    CHECK(records[0]["body"]["details_url"] == "https://github.example.com/octo/sample/actions/runs/99");
    std::size_t annotations = 0;
    std::vector<std::size_t> batches;
    for (const auto& record : records) {
        INFO(record.dump());
        CHECK(record["schema_errors"].empty());
        CHECK(record["authorization"] == "ok");
        CHECK(record["headers"]["accept"] == "application/vnd.github+json");
        CHECK(record["headers"]["x-github-api-version"] == "2022-11-28");
        CHECK_THAT(record["headers"]["user-agent"].get<std::string>(), Catch::StartsWith("pysec/"));
        batches.push_back(record["body"]["output"]["annotations"].size());
        annotations += batches.back();
    }
    CHECK(batches == std::vector<std::size_t>{50, 50, 20});
    CHECK(annotations == 120);
    CHECK(records[1]["method"] == "PATCH");
    CHECK(records[1]["path"] == "/repos/octo/sample/check-runs/42");
    CHECK_FALSE(records[1]["body"].contains("status"));
    CHECK(records[2]["body"]["status"] == "completed");
    CHECK(records[2]["body"]["conclusion"] == "failure");
    const json& first = records[0]["body"]["output"]["annotations"][0];
    CHECK(first["annotation_level"] == "failure");
    CHECK(first["path"] == ".github/workflows/ci.yml");
    CHECK(first["title"] == "pysec: unpinned-uses (high)");
    CHECK_THAT(first["raw_details"].get<std::string>(), Catch::Contains("Documentation: pysec rules unpinned-uses"));
    CHECK(result.out.find("::error file=") == std::string::npos);  // annotated by the check run only
    CHECK_THAT(result.out, Catch::Contains("check run 42 created with 120 annotations"));
    CHECK_THAT(test::read_file(runner.summary), Catch::Contains("a `pysec` check run with 120 annotations"));
    check_no_token_anywhere(runner, result);
}

TEST_CASE("check run: severities, columns, conclusions and the annotation cap", "[e2e][check-run]") {
    test::Runner runner(workflow_with_unpinned_steps(3));
    test::FakeGitHub api("{}", test::token);
    auto result = run_pysec({"action"}, against(runner, api, check_run_inputs({{"FAIL-ON", "never"}, {"MAX-ANNOTATIONS", "2"}})));
    CHECK(result.exit_code == 0);
    json records = json::parse(api.records_json());
    REQUIRE(records.size() == 2);
    const json& annotations = records[0]["body"]["output"]["annotations"];
    REQUIRE(annotations.size() == 2);  // the cap, most severe first
    CHECK(annotations[0]["annotation_level"] == "failure");
    CHECK(annotations[0]["start_column"] == 15);
    CHECK(annotations[0]["end_column"] == 31);  // `owner/action-0@v1` ends in column 31
    CHECK(records[1]["body"]["conclusion"] == "neutral");  // findings, but below fail-on
    CHECK_THAT(records[1]["body"]["output"]["summary"].get<std::string>(), Catch::Contains("2 more findings are not annotated"));
}

TEST_CASE("check run: a fork's pull request falls back to workflow commands without calling the API", "[e2e][check-run]") {
    test::Runner runner(workflow_with_unpinned_steps(1), "someone/fork");
    test::FakeGitHub api("{}", test::token);
    auto result = run_pysec({"action"}, against(runner, api));
    CHECK(result.exit_code == 14);
    CHECK(json::parse(api.records_json()).empty());
    CHECK_THAT(result.out, Catch::Contains("pysec: No check run: this pull request comes from a fork"));
    CHECK_THAT(result.out, Catch::Contains("::error file=.github/workflows/ci.yml,line=8,"));
    CHECK_THAT(test::read_file(runner.summary), Catch::Contains("No check run: this pull request comes from a fork"));
}

TEST_CASE("check run: 403 'Resource not accessible by integration' falls back", "[e2e][check-run]") {
    test::Runner runner(workflow_with_unpinned_steps(1));
    test::FakeGitHub api(R"({"responses": [{"method": "POST", "path": "/check-runs$", "status": 403,
                          "body": {"message": "Resource not accessible by integration"}}]})",
                         test::token);
    auto result = run_pysec({"action"}, against(runner, api, check_run_inputs({{"FAIL-ON", "high"}})));
    CHECK(result.exit_code == 14);  // still by fail-on
    CHECK(json::parse(api.records_json()).size() == 1);
    std::string note = "No check run: cannot create the check run: HTTP 403 (Resource not accessible by integration); "
                       "grant `checks: write` to create check runs.";
    CHECK_THAT(result.out, Catch::Contains(note));
    CHECK_THAT(result.out, Catch::Contains("::error file=.github/workflows/ci.yml"));
    CHECK_THAT(test::read_file(runner.summary), Catch::Contains(note));
    check_no_token_anywhere(runner, result);
}

TEST_CASE("check run: without a token, workflow commands", "[e2e][check-run]") {
    test::Runner runner(workflow_with_unpinned_steps(1));
    test::FakeGitHub api("{}", test::token);
    auto result = run_pysec({"action"}, against(runner, api, check_run_inputs({{"TOKEN", ""}})));
    CHECK(json::parse(api.records_json()).empty());
    CHECK_THAT(result.out, Catch::Contains("No check run: no token was given"));
    CHECK_THAT(result.out, Catch::Contains("::error file="));
}

TEST_CASE("check run: 502 then 200 is retried", "[e2e][check-run]") {
    test::Runner runner(workflow_with_unpinned_steps(1));
    test::FakeGitHub api(R"({"responses": [{"method": "POST", "path": "/check-runs$", "status": 502, "body": {}}]})",
                         test::token);
    auto result = run_pysec({"action"}, against(runner, api));
    json records = json::parse(api.records_json());
    REQUIRE(records.size() == 3);
    CHECK(records[0]["method"] == "POST");
    CHECK(records[1]["method"] == "POST");
    CHECK(records[2]["method"] == "PATCH");
    CHECK_THAT(result.out, Catch::Contains("check run 42 created"));
}

TEST_CASE("check run: rate limits are waited out", "[e2e][check-run]") {
    for (std::string limit : {
             R"({"status": 403, "headers": {"x-ratelimit-remaining": "0", "x-ratelimit-reset-in": "1"},
                 "body": {"message": "API rate limit exceeded"}})",
             R"({"status": 429, "headers": {"retry-after": "1"}, "body": {"message": "slow down"}})",
         }) {
        INFO(limit);
        test::Runner runner(workflow_with_unpinned_steps(1));
        json scenario = {{"responses", {json::parse(limit)}}};
        scenario["responses"][0]["method"] = "POST";
        scenario["responses"][0]["path"] = "/check-runs$";
        test::FakeGitHub api(scenario.dump(), test::token);
        auto result = run_pysec({"action"}, against(runner, api));
        json records = json::parse(api.records_json());
        REQUIRE(records.size() == 3);
        double waited = records[1]["time"].get<double>() - records[0]["time"].get<double>();
        CHECK(waited >= 0.9);
        CHECK_THAT(result.out, Catch::Contains("check run 42 created"));
        check_no_token_anywhere(runner, result);
    }
}

TEST_CASE("check run: GitHub Enterprise Server's API prefix is kept", "[e2e][check-run]") {
    test::Runner runner(workflow_with_unpinned_steps(1));
    test::FakeGitHub api(R"({"responses": [{"method": "POST", "path": "^/api/v3/repos/octo/sample/check-runs$", "status": 201, "body": {"id": 42}},
                             {"method": "PATCH", "path": "^/api/v3/repos/octo/sample/check-runs/42$", "status": 200, "body": {}}]})",
                         test::token);
    test::ProcessOptions options = against(runner, api);
    options.env["GITHUB_API_URL"] = api.url() + "/api/v3/";
    auto result = run_pysec({"action"}, options);
    json records = json::parse(api.records_json());
    REQUIRE(records.size() == 2);
    CHECK(records[0]["path"] == "/api/v3/repos/octo/sample/check-runs");
    CHECK_THAT(result.out, Catch::Contains("check run 42 created"));
}

TEST_CASE("check run: an unreachable API falls back and the step still follows fail-on", "[e2e][check-run]") {
    test::Runner runner(workflow_with_unpinned_steps(1));
    auto result = run_pysec({"action"}, runner.options(check_run_inputs({{"FAIL-ON", "never"}})));  // port 9: closed
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains("No check run: POST http://127.0.0.1:9/repos/octo/sample/check-runs:"));
    CHECK_THAT(result.out, Catch::Contains("::error file="));
}
