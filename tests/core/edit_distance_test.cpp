#include <catch2/catch.hpp>

#include "core/edit_distance.hpp"

using pysec::edit_distance;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps", "[core][edit-distance]") {
    CHECK(edit_distance("actions", "actions") == 0);
    CHECK(edit_distance("actions", "action") == 1);     // deletion
    CHECK(edit_distance("actions", "actionss") == 1);   // insertion
    CHECK(edit_distance("actions", "actiins") == 1);    // substitution
    CHECK(edit_distance("actions", "actoins") == 1);    // swap of neighbours
    CHECK(edit_distance("astral-sh", "astralsh") == 1);
    CHECK(edit_distance("", "ab") == 2);
    CHECK(edit_distance("abc", "") == 3);
    CHECK(edit_distance("pypa", "pypi") == 1);
    CHECK(edit_distance("ca", "abc") == 3);  // optimal string alignment: no edit of a swapped pair
}

TEST_CASE("edit distance stops counting past the limit", "[core][edit-distance]") {
    CHECK(edit_distance("actions", "docker", 1) == 2);
    CHECK(edit_distance("a", "abcdef", 1) == 2);
    CHECK(edit_distance("abcdef", "badcfe", 1) == 2);
    CHECK(edit_distance("abcdef", "badcfe", 8) == 3);
    CHECK(edit_distance("actoins", "actions", 1) == 1);
}
