#include <algorithm>
#include <string>

#include <catch2/catch.hpp>

#include "core/edit_distance.hpp"
#include "rules/workflow/popular_actions.hpp"

using namespace pysec;

TEST_CASE("popular actions: lower case, owner/repo, and no two a typo apart", "[rules][typosquat]") {
    auto list = popular_actions();
    REQUIRE(list.size() > 50);
    for (std::string_view slug : list) {
        INFO(slug);
        CHECK(std::count(slug.begin(), slug.end(), '/') == 1);
        CHECK(std::none_of(slug.begin(), slug.end(), [](char c) { return c >= 'A' && c <= 'Z'; }));
        // typosquat-uses must never flag one popular action as imitating another.
        for (std::string_view other : list) {
            if (other == slug) continue;
            auto owner = slug.substr(0, slug.find('/'));
            auto other_owner = other.substr(0, other.find('/'));
            bool same_repo = slug.substr(slug.find('/')) == other.substr(other.find('/'));
            CHECK_FALSE((same_repo && owner != other_owner && edit_distance(owner, other_owner, 1) == 1));
        }
    }
}
