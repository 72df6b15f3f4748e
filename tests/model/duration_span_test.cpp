#include <catch2/catch.hpp>

#include "model/duration_span.hpp"

using namespace pysec;

namespace {

double seconds_of(const char* text) {
    DurationParse parsed = parse_duration_span(text);
    INFO(text << ": " << parsed.error);
    REQUIRE(parsed.span);
    return parsed.span->total_seconds();
}

}  // namespace

TEST_CASE("durations: jiff's friendly format", "[model][duration]") {
    constexpr double day = 86400;
    CHECK(seconds_of("7 days") == 7 * day);
    CHECK(seconds_of("1 day") == day);
    CHECK(seconds_of("7d") == 7 * day);
    CHECK(seconds_of("7days") == 7 * day);
    CHECK(seconds_of("1 week") == 7 * day);
    CHECK(seconds_of("2 weeks") == 14 * day);
    CHECK(seconds_of("1w") == 7 * day);
    CHECK(seconds_of("1 wk 4 days") == 11 * day);
    CHECK(seconds_of("1 week 2 days") == 9 * day);
    CHECK(seconds_of("24 hours") == day);
    CHECK(seconds_of("24h") == day);
    CHECK(seconds_of("24 hrs") == day);
    CHECK(seconds_of("3 days, 4 hours, 59 minutes") == 3 * day + 4 * 3600 + 59 * 60);
    CHECK(seconds_of("3d 4h 59m") == 3 * day + 4 * 3600 + 59 * 60);
    CHECK(seconds_of("3d4h59m") == 3 * day + 4 * 3600 + 59 * 60);
    CHECK(seconds_of("1.5 hours") == 5400);
    CHECK(seconds_of("1.5h") == 5400);
    CHECK(seconds_of("5 days 01:02:03") == 5 * day + 3723);
    CHECK(seconds_of("5 days, 01:02:03") == 5 * day + 3723);
    CHECK(seconds_of("01:02:03") == 3723);
    CHECK(seconds_of("1m") == 60);
    CHECK(seconds_of("1s2000ms") == 3);
    CHECK(seconds_of("0 days") == 0);
    CHECK(seconds_of("0s") == 0);
    CHECK(seconds_of("10 hours 30 minutes") == 37800);
}

TEST_CASE("durations: ISO 8601 in Temporal's grammar", "[model][duration]") {
    constexpr double day = 86400;
    CHECK(seconds_of("P7D") == 7 * day);
    CHECK(seconds_of("p7d") == 7 * day);
    CHECK(seconds_of("PT24H") == day);
    CHECK(seconds_of("P3W") == 21 * day);
    CHECK(seconds_of("P1W4D") == 11 * day);
    CHECK(seconds_of("P3DT4H59M") == 3 * day + 4 * 3600 + 59 * 60);
    CHECK(seconds_of("PT2.5H") == 9000);
    CHECK(seconds_of("PT0.5S") == 0.5);
    CHECK(seconds_of("P0D") == 0);
    CHECK(seconds_of("PT0S") == 0);
    CHECK(seconds_of("P30D") == 30 * day);
}

TEST_CASE("durations: signs, calendar units and ago", "[model][duration]") {
    auto negative = parse_duration_span("-7 days");
    REQUIRE(negative.span);
    CHECK(negative.span->negative);
    auto ago = parse_duration_span("7 days ago");
    REQUIRE(ago.span);
    CHECK(ago.span->negative);
    auto iso = parse_duration_span("-P7D");
    REQUIRE(iso.span);
    CHECK(iso.span->negative);
    CHECK(iso.span->iso8601);
    CHECK_FALSE(parse_duration_span("+7 days").span->negative);
    auto months = parse_duration_span("6 months");
    REQUIRE(months.span);
    CHECK(months.span->months == 6);
    CHECK(months.span->has_calendar_units());
    CHECK(parse_duration_span("1mo").span->months == 1);
    CHECK(parse_duration_span("1y").span->years == 1);
    CHECK(parse_duration_span("P1Y2M").span->years == 1);
    CHECK(parse_duration_span("P1Y2M").span->months == 2);
    CHECK(parse_duration_span("P1M").span->months == 1);
    CHECK(parse_duration_span("PT1M").span->minutes == 1);
    CHECK(parse_duration_span("1 ms").span->nanoseconds == 1'000'000);
}

TEST_CASE("durations: rejected", "[model][duration]") {
    for (const char* text : {"", " ", "7", "7 dayz", "7 Days", "one week", "days", "7 days ", " 7 days",
                             "1 day 2 weeks", "2 days 3 days", "2 months,", "2 months, ", "2 months ,",
                             "+1 year ago", "-1 day ago", "1yago", "1.5 days", "P", "PT", "P7", "P7H", "PT7D",
                             "P1D2W", "PT1.5H30M", "P1.5D", "7 days later", "1 week,2 days",
                             "99999999999 days", "P99999999999Y", "1.1234567890s", "7 d a y s"}) {
        INFO(text);
        CHECK_FALSE(parse_duration_span(text).span);
    }
}
