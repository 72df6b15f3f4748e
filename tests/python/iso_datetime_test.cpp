#include <catch2/catch.hpp>

#include "python/iso_datetime.hpp"

using namespace pysec;
using python::parse_isoformat;

// Expected values checked against Python 3.12's datetime.fromisoformat.
TEST_CASE("fromisoformat: accepted forms", "[python][isoformat]") {
    struct Case {
        const char* text;
        CivilDate date;
        int hour;
        int minute;
        int second;
        bool offset;
        int offset_seconds;
    };
    for (const Case& c : std::vector<Case>{
             {"2026-01-01", {2026, 1, 1}, 0, 0, 0, false, 0},
             {"20260101", {2026, 1, 1}, 0, 0, 0, false, 0},
             {"2026-W01", {2025, 12, 29}, 0, 0, 0, false, 0},
             {"2026W01", {2025, 12, 29}, 0, 0, 0, false, 0},
             {"2026-W01-3", {2025, 12, 31}, 0, 0, 0, false, 0},
             {"2026W013", {2025, 12, 31}, 0, 0, 0, false, 0},
             {"2026-01-01T10", {2026, 1, 1}, 10, 0, 0, false, 0},
             {"2026-01-01T10:30", {2026, 1, 1}, 10, 30, 0, false, 0},
             {"2026-01-01T1030", {2026, 1, 1}, 10, 30, 0, false, 0},
             {"2026-01-01 10:30:15", {2026, 1, 1}, 10, 30, 15, false, 0},
             {"2026-01-01x103015", {2026, 1, 1}, 10, 30, 15, false, 0},
             {"2026-01-01T10:30:15.123", {2026, 1, 1}, 10, 30, 15, false, 0},
             {"2026-01-01T10:30:15,1234567", {2026, 1, 1}, 10, 30, 15, false, 0},
             {"2026-01-01T10:30:15Z", {2026, 1, 1}, 10, 30, 15, true, 0},
             {"2026-01-01T10:30:15+02:00", {2026, 1, 1}, 10, 30, 15, true, 7200},
             {"2026-01-01T10:30:15-0530", {2026, 1, 1}, 10, 30, 15, true, -19800},
             {"2026-01-01T10:30:15+02", {2026, 1, 1}, 10, 30, 15, true, 7200},
             {"2026-01-01T", {2026, 1, 1}, 0, 0, 0, false, 0},
         }) {
        INFO(c.text);
        auto parsed = parse_isoformat(c.text);
        REQUIRE(parsed);
        CHECK(parsed->date == c.date);
        CHECK(parsed->hour == c.hour);
        CHECK(parsed->minute == c.minute);
        CHECK(parsed->second == c.second);
        CHECK(parsed->has_offset == c.offset);
        CHECK(parsed->offset_seconds == c.offset_seconds);
    }
}

TEST_CASE("fromisoformat: rejected forms", "[python][isoformat]") {
    for (const char* text : {"", "2026", "2026-01", "2026-1-1", "202601-01", "2026-0101", "2026-13-01",
                             "2025-02-29", "0000-01-01", "2026-W54", "2021-W53-1", "2026-001", "2026-01-01T1",
                             "2026-01-01T10:3", "2026-01-01T10:30:15.", "2026-01-01T10:30:15.12a",
                             "2026-01-01T24:30", "2026-01-01T10:60", "2026-01-01T10:30:15+2",
                             "2026-01-01T10:30:15+020", "2026-01-01T10:30:15+24:00", "2026-01-01T10Z+01",
                             "7 days", "P7D", "2026/01/01"}) {
        INFO(text);
        CHECK_FALSE(parse_isoformat(text));
    }
}
