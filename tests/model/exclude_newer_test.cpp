#include <catch2/catch.hpp>

#include "model/exclude_newer.hpp"
#include "parse/parse.hpp"

using namespace pysec;
using Kind = ExcludeNewerReading::Kind;

TEST_CASE("exclude-newer: what uv does with each form", "[model][exclude-newer]") {
    auto timestamp = read_exclude_newer("2026-01-02T00:00:00Z");
    CHECK(timestamp.kind == Kind::Timestamp);
    CHECK(timestamp.epoch_seconds == 1767312000);

    auto date = read_exclude_newer("2026-01-01");
    CHECK(date.kind == Kind::LocalDate);
    CHECK(date.date == CivilDate{2026, 1, 1});
    CHECK_FALSE(date.time_dropped);

    // No offset: jiff's Timestamp refuses it, its civil Date takes the date and drops the time.
    auto naive = read_exclude_newer("2026-01-01T18:00:00");
    CHECK(naive.kind == Kind::LocalDate);
    CHECK(naive.time_dropped);

    for (const char* text : {"7 days", "1 week", "24 hours", "P7D", "PT24H", "P3W", "30 days", "1 week 2 days"}) {
        INFO(text);
        CHECK(read_exclude_newer(text).kind == Kind::Duration);
    }
    CHECK(read_exclude_newer("P7D").duration_seconds() == 7 * 86400);
    CHECK(read_exclude_newer("-7 days").duration_seconds() == 7 * 86400);
    CHECK(read_exclude_newer("7 days ago").span.negative);
    CHECK(read_exclude_newer("P0D").duration_seconds() == 0);
    // Zero months is not a month: uv checks that the unit is non-zero.
    CHECK(read_exclude_newer("P0M7D").kind == Kind::Duration);
}

TEST_CASE("exclude-newer: values uv rejects, with uv's reason", "[model][exclude-newer]") {
    struct Case {
        const char* text;
        const char* reason;
    };
    for (const Case& c : std::vector<Case>{
             {"6 months", "months"},
             {"P1M", "months"},
             {"1 year", "years"},
             {"P1Y", "years"},
             {"1 year ago", "years"},
             {"7 Days", "not a duration"},
             {"P7X", "ISO 8601"},
             {"2026-13-01", "date"},
             {"2026-01-01Z", "date"},
             {"one week", "neither"},
             {"", "neither"},
             {"false", "neither"},
             {"99999999 days", "not a duration"},
             {"P7300000D", "too large"},
         }) {
        INFO(c.text);
        auto reading = read_exclude_newer(c.text);
        CHECK(reading.kind == Kind::Rejected);
        CHECK_THAT(reading.error, Catch::Contains(c.reason));
    }
}

TEST_CASE("exclude-newer: TOML values", "[model][exclude-newer]") {
    auto parsed = parse_document("uv.toml",
                                 "a = \"7 days\"\n"
                                 "b = false\n"
                                 "c = true\n"
                                 "d = 2026-01-01T00:00:00Z\n"
                                 "e = 7\n"
                                 "f = { timestamp = \"2026-01-01T00:00:00Z\", span = \"P7D\" }\n"
                                 "g = { timestamp = \"2026-01-01T00:00:00Z\" }\n"
                                 "h = { span = \"P7D\" }\n"
                                 "i = { timestamp = \"2026-01-01\" }\n",
                                 DocumentFormat::Toml);
    REQUIRE_FALSE(parsed.failure);
    const Node& root = *parsed.document->root();
    CHECK(read_exclude_newer(*root.get("a"), false).kind == Kind::Duration);
    CHECK(read_exclude_newer(*root.get("b"), true).kind == Kind::Disabled);
    CHECK(read_exclude_newer(*root.get("b"), false).kind == Kind::Rejected);
    CHECK(read_exclude_newer(*root.get("c"), true).kind == Kind::Rejected);
    CHECK_THAT(read_exclude_newer(*root.get("d"), false).error, Catch::Contains("unquoted"));
    CHECK(read_exclude_newer(*root.get("e"), false).kind == Kind::Rejected);
    CHECK(read_exclude_newer(*root.get("f"), false).kind == Kind::Duration);
    CHECK(read_exclude_newer(*root.get("g"), false).kind == Kind::Timestamp);
    CHECK(read_exclude_newer(*root.get("h"), false).kind == Kind::Rejected);
    CHECK(read_exclude_newer(*root.get("i"), false).kind == Kind::Rejected);
}
