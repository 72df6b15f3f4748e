#include <catch2/catch.hpp>

#include "report/step_summary.hpp"

using namespace pysec;

namespace {

ScanResult many_findings(std::size_t count) {
    ScanResult result;
    result.project = std::make_unique<Project>();
    for (std::size_t i = 0; i < count; ++i) {
        Finding finding;
        finding.rule_id = i % 2 ? "unpinned-uses" : "dependabot-cooldown";
        finding.severity = i % 2 ? Severity::High : Severity::Medium;
        finding.location = Location{".github/workflows/ci|" + std::to_string(i) + ".yml",
                                    Span{{10, 3}, {12, 4}}, {}};
        finding.message = "a message with a | pipe, <html> and\nа newline " + std::string(200, 'x');
        result.findings.push_back(finding);
        ++result.summary.by_severity[static_cast<std::size_t>(finding.severity)];
    }
    result.summary.highest = count ? std::optional<Severity>(Severity::High) : std::nullopt;
    result.summary.files_scanned = count;
    result.source_description = "git work tree of /w";
    return result;
}

}  // namespace

TEST_CASE("the job summary: verdict, counts, linked table, reproduction", "[report][summary]") {
    StepSummaryContext context;
    context.blob_url = "https://github.com/o/r/blob/abc";
    context.fail_on = FailOn{Severity::High};
    context.reproduce_command = "pysec scan . --fail-on high";
    std::string summary = render_step_summary(many_findings(2), context);
    CHECK_THAT(summary, Catch::StartsWith("## pysec: ❌ 2 findings (1 high, 1 medium)"));
    CHECK_THAT(summary, Catch::Contains("| 🔴 high | 1 |"));
    CHECK_THAT(summary, Catch::Contains("| `unpinned-uses` | 🔴 high | 1 |"));
    CHECK_THAT(summary, Catch::Contains("#### `.github/workflows/ci\\|1.yml` (1)\n"));
    CHECK_THAT(summary, Catch::Contains("| 🔴 high | `unpinned-uses` | [10](https://github.com/o/r/blob/abc/"
                                        ".github/workflows/ci%7C1.yml#L10-L12) |"));
    CHECK_THAT(summary, Catch::Contains("a message with a \\| pipe, &lt;html&gt; and а newline"));
    CHECK_THAT(summary, Catch::Contains("### Reproduce locally\n\n```sh\npysec scan . --fail-on high\n```"));
    CHECK_THAT(summary, Catch::Contains("2 files from git work tree of /w"));
    CHECK(summary.find("<details>") == std::string::npos);  // short reports are not folded
    context.fail_on = FailOn{};
    CHECK_THAT(render_step_summary(many_findings(0), context), Catch::StartsWith("## pysec: ✅ no findings"));
    context.annotations_note = "No check run: a reason.";
    CHECK_THAT(render_step_summary(many_findings(1), context), Catch::Contains("\nNo check run: a reason.\n"));
}

TEST_CASE("the job summary stays under 1 MiB and says what it left out", "[report][summary]") {
    StepSummaryContext context;
    context.blob_url = "https://github.com/o/r/blob/abc";
    context.reproduce_command = "pysec scan .";
    std::string summary = render_step_summary(many_findings(20000), context);
    CHECK(summary.size() < 1024 * 1024);
    CHECK_THAT(summary, Catch::Contains("more findings are not listed: GitHub drops a job summary over 1 MiB"));
    CHECK_THAT(summary, Catch::Contains("<details><summary>`.github/workflows/ci\\|0.yml` (1)</summary>"));
    CHECK_THAT(summary, Catch::Contains("### Reproduce locally"));  // the tail always fits
}
