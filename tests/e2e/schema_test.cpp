// Reports validated against the real schemas: SARIF 2.1.0 (OASIS, from
// ../shared/schemas) and pysec's own JSON report schema (docs/).

#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/sarif_report.hpp"
#include "rules/registry.hpp"
#include "support/test_support.hpp"

using namespace pysec;
namespace fs = std::filesystem;

namespace {

test::ProcessResult validate(const std::string& schema, const std::string& instance) {
    return test::run_process({PYSEC_PYTHON, test::source_dir() + "/tests/tools/validate_json.py", schema, instance});
}

// Every fixture at once: all rules, related locations, parse errors, odd paths.
std::string write_report(const test::TempDir& directory, const std::string& format) {
    directory.write(".github/workflows/ci.yml",
                    "on: [pull_request_target]\njobs:\n  t:\n    steps:\n      - uses: a/b@v1\n");
    directory.write(".github/workflows/space in name.yml", "on: workflow_run\njobs: {}\n");
    directory.write(".github/workflows/broken.yml", "on: [\n");
    directory.write(".github/dependabot.yml",
                    "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    cooldown:\n"
                    "      default-days: 1\n");
    std::string output = directory.path() + "/report." + format;
    auto result = test::run_pysec({"scan", directory.path(), "--format", format, "--output", output, "--fail-on",
                                   "never", "--persona", "auditor"});
    REQUIRE(result.exit_code == 0);
    return output;
}

}  // namespace

TEST_CASE("SARIF output validates against the SARIF 2.1.0 schema", "[e2e][schema]") {
    std::string schema = test::shared_dir() + "/schemas/sarif-schema-2.1.0.json";
    REQUIRE(fs::exists(schema));
    test::TempDir directory;
    std::string report = write_report(directory, "sarif");
    auto result = validate(schema, report);
    INFO(result.err);
    CHECK(result.exit_code == 0);
    CHECK_THAT(test::read_file(report), Catch::Contains("\"uri\": \".github/workflows/space%20in%20name.yml\""));

    // The validator itself must reject a broken document.
    std::string broken = directory.write("broken.sarif", R"({"version": "2.1.0", "runs": [{"tool": {}}]})");
    CHECK(validate(schema, broken).exit_code == 1);
}

TEST_CASE("JSON output validates against docs/report-schema.json", "[e2e][schema]") {
    std::string schema = test::source_dir() + "/docs/report-schema.json";
    test::TempDir directory;
    std::string report = write_report(directory, "json");
    auto result = validate(schema, report);
    INFO(result.err);
    CHECK(result.exit_code == 0);
    std::string broken = directory.write("broken.json", R"({"version": 2, "findings": [], "summary": {}})");
    CHECK(validate(schema, broken).exit_code == 1);
}

TEST_CASE("SARIF with related locations, help and every severity validates", "[e2e][schema]") {
    ScanResult result;
    result.project = std::make_unique<Project>();
    for (int level = 0; level < 4; ++level) {
        Finding finding;
        finding.rule_id = "dangerous-triggers";
        finding.severity = static_cast<Severity>(level);
        finding.location = Location{"a b/ü.yml", Span{{3, 5}, {3, 5}}, {}};  // an empty span
        finding.related.push_back(Location{"a b/ü.yml", Span{{1, 1}, {1, 4}}, "the trigger"});
        finding.related.push_back(Location{"other.yml", Span{{2, 1}, {4, 9}}, ""});
        finding.message = "message";
        finding.help = "do this";
        finding.fingerprint = "0123456789abcdef";
        result.findings.push_back(finding);
    }
    test::TempDir directory;
    std::string path = directory.write("synthetic.sarif", render_sarif(result));
    auto validation = validate(test::shared_dir() + "/schemas/sarif-schema-2.1.0.json", path);
    INFO(validation.err);
    CHECK(validation.exit_code == 0);
    auto sarif = nlohmann::json::parse(test::read_file(path));
    const auto& first = sarif["runs"][0]["results"][0];
    CHECK(first["relatedLocations"].size() == 2);
    CHECK(first["relatedLocations"][0]["message"]["text"] == "the trigger");
    CHECK(first["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "a%20b/%C3%BC.yml");
    CHECK(first["locations"][0]["physicalLocation"]["region"]["endColumn"] == 6);
    CHECK(first["level"] == "note");
    CHECK(sarif["runs"][0]["results"][3]["level"] == "error");
    const auto& rules = sarif["runs"][0]["tool"]["driver"]["rules"];
    CHECK(rules.size() == all_rules().size());
    for (const auto& rule : rules) {
        CHECK(rule["help"]["markdown"].get<std::string>().find("### How to fix") != std::string::npos);
        CHECK_FALSE(rule["properties"]["security-severity"].get<std::string>().empty());
    }
}
