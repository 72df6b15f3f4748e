// Upload times as locks write them, read as epoch seconds.

#include <catch2/catch.hpp>

#include "model/lock_timestamps.hpp"

using namespace pysec;

TEST_CASE("RFC 3339 timestamps as uv and toml++ write them", "[model][timestamps]") {
    CHECK(parse_rfc3339_timestamp("1970-01-01T00:00:00Z") == 0);
    CHECK(parse_rfc3339_timestamp("2024-07-26T18:15:03.762Z") == 1722017703);
    CHECK(parse_rfc3339_timestamp("2024-07-26T18:15:03Z") == 1722017703);
    CHECK(parse_rfc3339_timestamp("2024-07-26t18:15:03z") == 1722017703);
    CHECK(parse_rfc3339_timestamp("2024-07-26 18:15:03Z") == 1722017703);
    CHECK(parse_rfc3339_timestamp("2024-07-26T20:15:03+02:00") == 1722017703);
    CHECK(parse_rfc3339_timestamp("2024-07-26T16:15:03.5-02:00") == 1722017703);
    CHECK(parse_rfc3339_timestamp("2024-02-29T00:00:00Z") == 1709164800);  // leap day
    CHECK(parse_rfc3339_timestamp("1969-12-31T23:59:59Z") == -1);
    CHECK(parse_rfc3339_timestamp("0001-01-01T00:00:00Z") == -62135596800);  // uv's "no effect" placeholder
}

TEST_CASE("timestamps a lock cannot mean are rejected", "[model][timestamps]") {
    for (const char* text : {"", "2024-07-26", "2024-07-26T18:15:03", "2024-07-26T18:15Z", "2023-02-29T00:00:00Z",
                             "2024-13-01T00:00:00Z", "2024-07-26T24:00:00Z", "2024-07-26T18:15:03.Z",
                             "2024-07-26T18:15:03+0200", "2024-07-26T18:15:03Z junk", "7 days", "P7D"}) {
        INFO(text);
        CHECK_FALSE(parse_rfc3339_timestamp(text));
    }
}

TEST_CASE("times for messages", "[model][timestamps]") {
    CHECK(format_utc_minutes(0) == "1970-01-01 00:00 UTC");
    CHECK(format_utc_minutes(1722017703) == "2024-07-26 18:15 UTC");
    CHECK(format_utc_minutes(-1) == "1969-12-31 23:59 UTC");
}
