#include <catch2/catch.hpp>

#include "model/uploaded_prior_to.hpp"

using namespace pysec;
using Kind = UploadedPriorToReading::Kind;

TEST_CASE("uploaded-prior-to: what pip accepts", "[model][pip-cooldown]") {
    auto days = read_uploaded_prior_to("P7D");
    CHECK(days.kind == Kind::Days);
    CHECK(days.days == 7);
    CHECK(read_uploaded_prior_to("P0D").days == 0);
    CHECK(read_uploaded_prior_to("P30D\n").kind == Kind::Days);
    for (const char* text : {"2026-01-01", "2026-01-01T00:00:00Z", "2026-01-01T00:00:00+02:00", "20260101",
                             "2026-01-01 12:00", "2026-W01-1", "2026-01-01T12"}) {
        INFO(text);
        CHECK(read_uploaded_prior_to(text).kind == Kind::DateTime);
    }
    auto naive = read_uploaded_prior_to("2026-01-01");
    CHECK_FALSE(naive.datetime.has_offset);
    CHECK(naive.datetime.date == CivilDate{2026, 1, 1});
}

TEST_CASE("uploaded-prior-to: what pip rejects", "[model][pip-cooldown]") {
    for (const char* text : {"7 days", "P1W", "PT24H", "P7d", "p7D", "-P7D", "P7DT1H", "P", "PD", "7", "", "2026-13-01",
                             "2026-01-01T25:00", "P9999999D", "P1000000D", "tomorrow", "2026/01/01"}) {
        INFO(text);
        auto reading = read_uploaded_prior_to(text);
        CHECK(reading.kind == Kind::Rejected);
        CHECK_FALSE(reading.error.empty());
    }
}
