#include <catch2/catch.hpp>

#include "report/github_output.hpp"
#include "report/report_test_support.hpp"
#include "report/workflow_commands.hpp"

using namespace pysec;

TEST_CASE("workflow command escaping encodes % first", "[report][github]") {
    CHECK(escape_command_data("100%\r\nnext") == "100%25%0D%0Anext");
    CHECK(escape_command_property("a:b,c%d\n") == "a%3Ab%2Cc%25d%0A");
}

TEST_CASE("findings become annotations, most severe first, at most 10 per level", "[report][github]") {
    test::TempDir directory;
    std::string workflow = "on: [pull_request_target]\njobs:\n  t:\n    steps:\n";
    for (int i = 0; i < 12; ++i) workflow += "      - uses: owner/action" + std::to_string(i) + "@v1\n";
    workflow += "      - run: uvx zizmor@1.14.2 .\n";  // audited, so no no-workflow-audit finding
    workflow += "permissions: {}\n";
    ScanResult result = test::scan_text(directory, ".github/workflows/ci.yml", workflow);
    REQUIRE(result.findings.size() == 13);
    std::string commands = render_workflow_commands(result);
    std::size_t errors = 0;
    std::size_t position = 0;
    while ((position = commands.find("::error ", position)) != std::string::npos) {
        ++errors;
        ++position;
    }
    CHECK(errors == 10);
    CHECK_THAT(commands, Catch::StartsWith("::error file=.github/workflows/ci.yml,line=1,endLine=1,col=6,endColumn=25,"
                                           "title=pysec dangerous-triggers (high)::"));
    CHECK_THAT(commands, Catch::Contains("%0A%0ADocs: pysec rules unpinned-uses"));
    CHECK_THAT(commands, Catch::EndsWith("pysec: 3 more findings not shown as annotations (GitHub shows at most 10 per "
                                         "level); see the job summary or the report above\n"));
}

TEST_CASE("step outputs use a random heredoc delimiter", "[report][github]") {
    std::string out = render_github_outputs({{"findings", "3"}, {"highest-severity", "high"}});
    auto first_line_end = out.find('\n');
    std::string header = out.substr(0, first_line_end);
    REQUIRE_THAT(header, Catch::StartsWith("findings<<ghadelimiter_"));
    std::string delimiter = header.substr(std::string("findings<<").size());
    CHECK(delimiter.size() == std::string("ghadelimiter_").size() + 32);
    CHECK_THAT(out, Catch::StartsWith("findings<<" + delimiter + "\n3\n" + delimiter + "\nhighest-severity<<"));
    CHECK(render_github_outputs({{"x", "1"}}) != render_github_outputs({{"x", "1"}}));
}
