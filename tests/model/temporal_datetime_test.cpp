#include <catch2/catch.hpp>

#include "model/temporal_datetime.hpp"

using namespace pysec;

TEST_CASE("temporal date-times: timestamps uv accepts", "[model][temporal]") {
    struct Case {
        const char* text;
        std::int64_t epoch;
    };
    for (const Case& c : std::vector<Case>{
             {"2026-01-01T00:00:00Z", 1767225600},
             {"2026-01-01t00:00:00z", 1767225600},
             {"2026-01-01 00:00:00Z", 1767225600},
             {"2026-01-01T00:00Z", 1767225600},
             {"2026-01-01T00Z", 1767225600},
             {"20260101T000000Z", 1767225600},
             {"2026-01-01T02:00:00+02:00", 1767225600},
             {"2026-01-01T02:00:00+02", 1767225600},
             {"2026-01-01T02:00:00+0200", 1767225600},
             {"2025-12-31T19:00:00-05:00[America/New_York]", 1767225600},
             {"2026-01-01T00:00:00.123456789Z", 1767225600},
             {"2026-01-01T00:00:00,5Z", 1767225600},
             {"2016-12-31T23:59:60Z", 1483228799},
         }) {
        INFO(c.text);
        auto parsed = parse_temporal_datetime(c.text);
        REQUIRE(parsed);
        CHECK(parsed->is_timestamp());
        CHECK(parsed->epoch_seconds() == c.epoch);
    }
}

TEST_CASE("temporal date-times: civil dates and date-times without offset", "[model][temporal]") {
    auto date = parse_temporal_datetime("2026-01-01");
    REQUIRE(date);
    CHECK_FALSE(date->is_timestamp());
    CHECK(date->is_civil());
    CHECK_FALSE(date->has_time);
    CHECK(date->date == CivilDate{2026, 1, 1});
    CHECK(parse_temporal_datetime("20260101"));
    auto naive = parse_temporal_datetime("2026-01-01T12:30:00");
    REQUIRE(naive);
    CHECK(naive->has_time);
    CHECK_FALSE(naive->is_timestamp());
    CHECK(naive->is_civil());
    auto zulu = parse_temporal_datetime("2026-01-01T12:30:00Z");
    REQUIRE(zulu);
    CHECK_FALSE(zulu->is_civil());
    CHECK(parse_temporal_datetime("+002026-01-01"));
}

TEST_CASE("temporal date-times: rejected", "[model][temporal]") {
    for (const char* text : {"", "2026", "2026-01", "2026-1-1", "2026-13-01", "2025-02-29", "2026-01-01Z",
                             "2026-0101", "2026-01-01T", "2026-01-01T24:00:00Z", "2026-01-01T12:60Z",
                             "2026-01-01T00:00:00.1234567890Z", "2026-01-01T00:00:00 Z", "-000000-01-01",
                             "+010000-01-01", "2026-01-01T00:00:00+26:00", "7 days", "P7D", "2026-01-01[",
                             "2026-01-01T00:00:00Z garbage"}) {
        INFO(text);
        CHECK_FALSE(parse_temporal_datetime(text));
    }
}
