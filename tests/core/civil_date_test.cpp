#include <catch2/catch.hpp>

#include "core/civil_date.hpp"

using namespace pysec;

TEST_CASE("civil dates: days since the epoch and back", "[core][civil-date]") {
    CHECK(days_from_civil({1970, 1, 1}) == 0);
    CHECK(days_from_civil({1969, 12, 31}) == -1);
    CHECK(days_from_civil({2000, 3, 1}) == 11017);
    CHECK(days_from_civil({2026, 1, 1}) == 20454);
    for (std::int64_t days : {-800000LL, -1LL, 0LL, 59LL, 11016LL, 20454LL, 2932896LL}) {
        CHECK(days_from_civil(civil_from_days(days)) == days);
    }
    CHECK(civil_from_days(11016) == CivilDate{2000, 2, 29});
}

TEST_CASE("civil dates: validity and leap years", "[core][civil-date]") {
    CHECK(is_leap_year(2024));
    CHECK(is_leap_year(2000));
    CHECK_FALSE(is_leap_year(1900));
    CHECK(is_valid_date({2024, 2, 29}));
    CHECK_FALSE(is_valid_date({2025, 2, 29}));
    CHECK_FALSE(is_valid_date({2025, 13, 1}));
    CHECK_FALSE(is_valid_date({2025, 4, 31}));
    CHECK_FALSE(is_valid_date({2025, 1, 0}));
}

TEST_CASE("civil dates: ISO week dates", "[core][civil-date]") {
    // Python: date.fromisocalendar(2026, 1, 1) == date(2025, 12, 29)
    CHECK(date_from_iso_week(2026, 1, 1) == CivilDate{2025, 12, 29});
    CHECK(date_from_iso_week(2020, 53, 7) == CivilDate{2021, 1, 3});
    CHECK(date_from_iso_week(2021, 1, 1) == CivilDate{2021, 1, 4});
    CHECK(date_from_iso_week(2021, 53, 1).month == 0);  // 2021 has 52 weeks
    CHECK(date_from_iso_week(2021, 0, 1).month == 0);
    CHECK(date_from_iso_week(2021, 1, 8).month == 0);
}
