#include <catch2/catch.hpp>

#include "scan/exit_status.hpp"

using namespace pysec;

TEST_CASE("exit status follows --fail-on", "[report]") {
    auto medium = *parse_fail_on("medium");
    CHECK(exit_status_for(std::nullopt, medium) == 0);
    CHECK(exit_status_for(Severity::Low, medium) == 0);
    CHECK(exit_status_for(Severity::Medium, medium) == 13);
    CHECK(exit_status_for(Severity::High, medium) == 14);
    CHECK(exit_status_for(Severity::Informational, *parse_fail_on("informational")) == 11);
    CHECK(exit_status_for(Severity::Low, *parse_fail_on("low")) == 12);
    CHECK(exit_status_for(Severity::High, *parse_fail_on("never")) == 0);
    CHECK_FALSE(parse_fail_on("critical"));
}
