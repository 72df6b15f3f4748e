#include <catch2/catch.hpp>

#include "rules/workflow/uses_pattern.hpp"

using namespace pysec;

namespace {

bool matches(std::string_view pattern, std::string_view uses) {
    auto parsed = UsesPattern::parse(pattern);
    REQUIRE(parsed);
    return parsed->matches(parse_uses(uses));
}

}  // namespace

TEST_CASE("uses patterns: the four forms", "[rules][uses-pattern]") {
    CHECK(matches("*", "anyone/anything@v1"));
    CHECK(matches("tj-actions/*", "tj-actions/changed-files@v45"));
    CHECK(matches("TJ-Actions/*", "tj-actions/verify-changed-files/sub@v1"));
    CHECK_FALSE(matches("tj-actions/*", "actions/checkout@v4"));
    CHECK(matches("github/codeql-action", "github/codeql-action/init@v3"));
    CHECK(matches("github/codeql-action", "GitHub/CodeQL-Action@v3"));
    CHECK_FALSE(matches("github/codeql-action", "github/codeql-action-extra@v3"));
    CHECK(matches("github/codeql-action/init", "github/codeql-action/init@v3"));
    CHECK_FALSE(matches("github/codeql-action/init", "github/codeql-action/analyze@v3"));
    CHECK_FALSE(matches("github/codeql-action/init", "github/codeql-action@v3"));
    CHECK_FALSE(matches("*", "./.github/actions/setup"));
    CHECK_FALSE(matches("*", "docker://alpine:3"));
}

TEST_CASE("uses patterns: invalid forms are rejected", "[rules][uses-pattern]") {
    for (const char* invalid : {"", "actions", "/checkout", "actions/", "*/checkout", "actions/check*", "a/*/b",
                                "actions/checkout@v4", "actions/checkout/", "ac*ons/checkout"}) {
        INFO(invalid);
        CHECK_FALSE(UsesPattern::parse(invalid));
    }
}
