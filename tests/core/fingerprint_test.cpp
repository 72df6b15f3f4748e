#include <catch2/catch.hpp>

#include "core/fingerprint.hpp"
#include "parse/parse.hpp"

using namespace pysec;

namespace {

std::vector<std::string> fingerprints_of(const std::string& text) {
    auto parsed = parse_document(".github/workflows/ci.yml", text, DocumentFormat::Yaml);
    REQUIRE_FALSE(parsed.failure);
    const Document& document = *parsed.document;
    std::vector<Finding> findings;
    for (const Node* step : document.root()->get("jobs")->get("test")->get("steps")->items) {
        if (!step->get("uses")) continue;
        Finding finding;
        finding.rule_id = "unpinned-uses";
        finding.node = step->get("uses");
        finding.location = document.location(*finding.node);
        findings.push_back(finding);
    }
    assign_fingerprints(findings, {&document});
    std::vector<std::string> result;
    for (const Finding& finding : findings) result.push_back(finding.fingerprint);
    return result;
}

}  // namespace

TEST_CASE("fingerprints survive edits above the finding", "[core][fingerprint]") {
    std::string before = "jobs:\n  test:\n    steps:\n      - uses: actions/checkout@v4\n      - uses: a/b@v1\n";
    std::string after = "name: added\non: push\njobs:\n  lint:\n    steps: []\n  test:\n    steps:\n"
                        "      - run: echo inserted\n      - uses: actions/checkout@v4\n      - uses:   a/b@v1\n";
    auto old_prints = fingerprints_of(before);
    auto new_prints = fingerprints_of(after);
    REQUIRE(old_prints.size() == 2);
    REQUIRE(new_prints.size() == 2);
    CHECK(new_prints[0] == old_prints[0]);
    CHECK(new_prints[1] == old_prints[1]);
    CHECK(old_prints[0].size() == 16);
}

TEST_CASE("identical findings get distinct fingerprints, in order", "[core][fingerprint]") {
    auto prints = fingerprints_of("jobs:\n  test:\n    steps:\n      - uses: a/b@v1\n      - uses: a/b@v1\n");
    REQUIRE(prints.size() == 2);
    CHECK(prints[0] != prints[1]);
    CHECK(prints == fingerprints_of("jobs:\n  test:\n    steps:\n      - uses: a/b@v1\n      - uses: a/b@v1\n"));
}
