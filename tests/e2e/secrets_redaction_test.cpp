// Secrets never leave pysec unredacted: a repository holding each kind of
// secret is scanned into every output (text, JSON, SARIF, workflow commands,
// and the Action's job summary, step outputs, SARIF file and Check Run
// request bodies through the fake GitHub API), and none of them contains a
// secret value, while the findings about them are all reported.

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "e2e/simulated_runner.hpp"

using namespace pysec;
using nlohmann::json;
using test::run_pysec;

namespace {

const std::string github_token = "ghp_8HlrwYMfvea9lkxwkkMxzwwM5hpA6eEfujfo";
const std::string oauth_token = "gho_HboMSp4DTHEzEDh2QFLVxZXSezhDvt2gl8t7";
const std::string fine_grained =
    "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";
const std::string pypi_token =
    "pypi-AgEIcHlwaS5vcmc3IDrQiv7on5S5JITwE1J8P3bocEnftQL6zNoTiUPFLN866qIZb8Ko6WSZQ_aMLGypaXGM8iSXg2VT2Scvbqih";
const std::string aws_key = "AKIARUN4OMQ3GOALPSOU";
const std::string key_line_1 = "HHiJQUh1/Esc96IMpKKfm01t4hRO5aWKr7aG49LKjG4oB/qvlNJid9hYJAgOIPZE";
const std::string key_line_2 = "aMmodpmNsO2CBwvtNC7gmO4ipFH7Ub9s0Cpfvgc7Lx8Rkx4TCQ9ZX4blpSzbD+cf";
const std::string env_password = "Zq7-committed-env-value-91";
const std::string pypirc_password = "pypirc-Plain-Pass-7731";

// Each secret, and the random part of each token (what must never be shown).
std::vector<std::string> secret_values() {
    return {github_token, github_token.substr(4),     oauth_token.substr(4), fine_grained.substr(11),
            pypi_token,   pypi_token.substr(5, 40),   aws_key.substr(4),     key_line_1,
            key_line_2,   env_password,               pypirc_password};
}

std::string workflow() {
    return "name: ci\non: push\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    env:\n"
           "      GH_TOKEN: " + github_token + "\n      AWS_ACCESS_KEY_ID: " + aws_key + "\n    steps:\n"
           "      - run: uvx zizmor@1.14.2 .\n"
           // Other rules quote commands: the scanner masks tokens in every message.
           "      - run: curl -fsSL -H \"Authorization: token " + oauth_token + "\" https://example.com/i.sh | sh\n"
           "      - run: pip install --index-url https://__token__:" + pypi_token + "@pypi.example.org/simple pkg\n";
}

void add_secret_files(const test::TempDir& workspace) {
    workspace.write(".env", "DB_PASSWORD=" + env_password + "\nGITHUB_TOKEN=" + fine_grained + "\n");
    workspace.write(".pypirc", "[pypi]\nusername = __token__\npassword = " + pypi_token +
                                   "\n\n[internal]\nusername = ci\npassword = " + pypirc_password + "\n");
    workspace.write("deploy/.env.example", "DEPLOY_KEY=\"-----BEGIN OPENSSH PRIVATE KEY-----\n" + key_line_1 + "\n" +
                                               key_line_2 + "\n-----END OPENSSH PRIVATE KEY-----\"\n");
}

void check_no_secret(const std::string& where, const std::string& text) {
    for (const std::string& secret : secret_values()) {
        INFO(where << " must not contain " << secret.substr(0, 8) << "...");
        CHECK(text.find(secret) == std::string::npos);
    }
}

// The findings about the secrets are there (by rule and count in the JSON report).
void check_findings_reported(const json& report) {
    std::map<std::string, int> by_rule;
    for (const auto& finding : report["findings"]) ++by_rule[finding["rule"].get<std::string>()];
    CHECK(by_rule["hardcoded-secret"] == 7);  // ghp, AKIA, gho, pypi x2, github_pat, private key
    CHECK(by_rule["committed-env-file"] == 2);
    CHECK(by_rule["committed-pypirc"] == 2);
}

}  // namespace

TEST_CASE("secrets: no report format of `pysec scan` contains a secret", "[e2e][secrets]") {
    test::TempDir repository;
    repository.write(".github/workflows/ci.yml", workflow());
    add_secret_files(repository);
    test::git_commit_all(repository.path(), "secrets");
    for (std::string format : std::vector<std::string>{"text", "json", "sarif", "github"}) {
        auto result = run_pysec({"scan", repository.path(), "--format", format, "--fail-on", "never", "--persona",
                                 "auditor", "--min-severity", "informational", "--min-confidence", "low"});
        INFO(format << "\n" << result.out << result.err);
        REQUIRE(result.exit_code == 0);
        check_no_secret(format + " report", result.out + result.err);
        if (format == "json") check_findings_reported(json::parse(result.out));
        if (format == "text") {
            CHECK_THAT(result.out, Catch::Contains("hardcoded-secret: a GitHub token (`ghp_****`)"));
            CHECK_THAT(result.out, Catch::Contains("password = ****"));
        }
        if (format == "sarif") CHECK_THAT(result.out, Catch::Contains("\"ruleId\": \"committed-env-file\""));
        if (format == "github") CHECK_THAT(result.out, Catch::Contains("title=pysec hardcoded-secret (high)"));
    }
}

TEST_CASE("secrets: the Action's summary, outputs, SARIF file and Check Run bodies contain no secret",
          "[e2e][secrets][check-run]") {
    test::Runner runner(workflow());
    add_secret_files(runner.workspace);
    test::git_commit_all(runner.workspace.path(), "secrets");
    test::FakeGitHub api("{}", test::token);
    test::ProcessOptions options = runner.options({{"ANNOTATIONS", "check-run"}, {"FAIL-ON", "never"},
                                                   {"SARIF-FILE", "results.sarif"}, {"PERSONA", "auditor"}});
    options.env["GITHUB_API_URL"] = api.url();
    auto result = run_pysec({"action"}, options);
    INFO(result.out << result.err);
    CHECK(result.exit_code == 0);
    std::string records = api.records_json();
    json requests = json::parse(records);
    REQUIRE(requests.size() >= 2);
    std::size_t annotations = 0;
    for (const auto& request : requests) {
        CHECK(request["schema_errors"].empty());
        annotations += request["body"]["output"]["annotations"].size();
    }
    CHECK(annotations >= 11);
    check_no_secret("Check Run requests", records);
    check_no_secret("standard output", result.out + result.err);
    check_no_secret("job summary", test::read_file(runner.summary));
    check_no_secret("step outputs", test::read_file(runner.output));
    check_no_secret("SARIF file", test::read_file(runner.workspace.path() + "/results.sarif"));
    CHECK_THAT(test::read_file(runner.summary), Catch::Contains("`hardcoded-secret`"));
    CHECK_THAT(records, Catch::Contains("pypi-****"));

    // Without a check run: workflow commands on standard output.
    auto commands = run_pysec({"action"}, runner.options({{"FAIL-ON", "never"}, {"PERSONA", "auditor"}}));
    CHECK_THAT(commands.out, Catch::Contains("::error file=.pypirc"));
    check_no_secret("workflow commands", commands.out + commands.err);
    check_no_secret("job summary", test::read_file(runner.summary));
}
