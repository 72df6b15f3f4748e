#include <catch2/catch.hpp>

#include "config/path_glob.hpp"

using namespace pysec;

TEST_CASE("exclude patterns: segments, double stars, directories", "[config]") {
    CHECK(glob_matches("*.yml", "ci.yml"));
    CHECK_FALSE(glob_matches("*.yml", ".github/ci.yml"));
    CHECK(glob_matches("**/*.yml", ".github/ci.yml"));
    CHECK(glob_matches("**/*.yml", "ci.yml"));
    CHECK(glob_matches("tests/**/pyproject.toml", "tests/pyproject.toml"));
    CHECK(glob_matches("tests/**/pyproject.toml", "tests/a/b/pyproject.toml"));
    CHECK(glob_matches("req?.txt", "req1.txt"));
    CHECK_FALSE(glob_matches("a?b", "a/b"));

    CHECK(path_excluded_by("tests/fixtures/", "tests/fixtures/x/action.yml"));
    CHECK(path_excluded_by("tests/fixtures", "tests/fixtures/x/action.yml"));
    CHECK(path_excluded_by("./tests/fixtures", "tests/fixtures/a"));
    CHECK_FALSE(path_excluded_by("tests/fixtures", "tests/fixtures-other/a"));
    CHECK_FALSE(path_excluded_by("fixtures", "tests/fixtures/a"));
    CHECK(path_excluded_by("**/fixtures", "tests/fixtures/a"));
    CHECK(path_excluded_by("**/vendor/**", "src/vendor/lib/pyproject.toml"));
    CHECK_FALSE(path_excluded_by("", "anything"));
}
