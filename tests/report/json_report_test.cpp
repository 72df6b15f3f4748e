#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "report/json_report.hpp"
#include "report/report_test_support.hpp"

using namespace pysec;

TEST_CASE("the JSON report, written finding by finding, is what dump(2) of the whole document gives", "[report][json]") {
    test::TempDir directory;
    ScanResult result = test::scan_text(directory, ".github/workflows/ci.yml",
                                        "on: [pull_request_target]\njobs:\n  t:\n    steps:\n      - uses: a/b@v1\n"
                                        "      - uses: c/d@main  # ünïcode\n");
    REQUIRE(result.findings.size() >= 2);
    std::string text = render_json(result);
    CHECK(text == nlohmann::json::parse(text).dump(2) + "\n");
    result.findings.clear();
    std::string empty = render_json(result);
    CHECK(empty == nlohmann::json::parse(empty).dump(2) + "\n");
    CHECK(nlohmann::json::parse(empty)["findings"].empty());
}
