#include <catch2/catch.hpp>

#include "report/report_test_support.hpp"
#include "report/text_report.hpp"

using namespace pysec;

TEST_CASE("text report: location, severity, rule, source line, caret, help, summary", "[report][text]") {
    test::TempDir directory;
    ScanResult result = test::scan_text(directory, ".github/workflows/ci.yml",
                                        "on: push\njobs:\n  t:\n    steps:\n      - uses: actions/checkout@v4\n"
                                        "        with: {persist-credentials: false}\n"
                                        "      - run: uvx zizmor@1.14.2 .\n"  // audited: no no-workflow-audit finding
                                        "permissions: {}\nname: ci\nconcurrency: {group: ci, cancel-in-progress: true}\n");
    REQUIRE(result.findings.size() == 1);
    std::string text = render_text(result, TextStyle{false});
    CHECK_THAT(text, Catch::StartsWith(".github/workflows/ci.yml:5:15: high unpinned-uses: "));
    CHECK_THAT(text, Catch::Contains("5 |       - uses: actions/checkout@v4\n"));
    CHECK_THAT(text, Catch::Contains("  |               ^^^^^^^^^^^^^^^^^^^\n"));
    CHECK_THAT(text, Catch::Contains("= help: pysec rules unpinned-uses"));
    CHECK_THAT(text, Catch::EndsWith("1 finding (1 high) in 1 file; 0 ignored, 0 suppressed\n"));
    CHECK(text.find('\x1b') == std::string::npos);
    CHECK(render_text(result, TextStyle{true}).find("\x1b[1;31mhigh\x1b[0m") != std::string::npos);
}

TEST_CASE("the summary line counts by severity, ignored and suppressed", "[report][text]") {
    ScanSummary summary;
    summary.by_severity = {1, 0, 2, 3};
    summary.ignored = 4;
    summary.suppressed = 5;
    summary.files_scanned = 7;
    CHECK(render_summary_line(summary) ==
          "6 findings (3 high, 2 medium, 1 informational) in 7 files; 4 ignored, 5 suppressed");
    CHECK(render_summary_line(ScanSummary{}) == "No findings in 0 files; 0 ignored, 0 suppressed");
}

TEST_CASE("the caret line keeps tabs so that it lines up", "[report][text]") {
    test::TempDir directory;
    ScanResult result = test::scan_text(directory, ".github/workflows/ci.yml",
                                        "on: push\njobs:\n  t:\n    steps:\n      - uses:\tactions/checkout@v4\n"
                                        "        with: {persist-credentials: false}\n"
                                        "      - run: uvx zizmor@1.14.2 .\n"
                                        "permissions: {}\n");
    REQUIRE(result.findings.size() == 1);
    std::string text = render_text(result, TextStyle{false});
    CHECK_THAT(text, Catch::Contains("  |              \t^^^^^^^^^^^^^^^^^^^\n"));
}

TEST_CASE("a secret in the flagged span is masked in the source line", "[report][text]") {
    test::TempDir directory;
    ScanResult result = test::scan_text(directory, ".github/workflows/ci.yml",
                                        "name: ci\non: push\npermissions: {}\njobs:\n  t:\n    runs-on: ubuntu-latest\n"
                                        "    container:\n      image: x@sha256:abc\n      credentials:\n"
                                        "        username: u\n        password: hunter2  # old\n"
                                        "    steps:\n      - run: uvx zizmor@1.14.2 .\n");
    REQUIRE(result.findings.size() == 1);
    CHECK(result.findings[0].rule_id == "hardcoded-container-credentials");
    std::string text = render_text(result, TextStyle{false});
    CHECK(text.find("hunter2") == std::string::npos);
    CHECK_THAT(text, Catch::Contains("11 |         password: ****  # old\n"));
    CHECK_THAT(text, Catch::Contains("   |                   ^^^^\n"));
}
