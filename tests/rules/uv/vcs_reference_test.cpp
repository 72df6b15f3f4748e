#include <catch2/catch.hpp>

#include "rules/uv/vcs_reference.hpp"

using namespace pysec;

TEST_CASE("VCS URLs: the revision pip would check out", "[rules][uv][vcs]") {
    auto tag = parse_vcs_url("git+https://github.com/org/repo.git@v1.2#egg=repo&subdirectory=x");
    REQUIRE(tag);
    CHECK(tag->vcs == "git");
    CHECK(tag->revision == "v1.2");
    auto none = parse_vcs_url("git+https://github.com/org/repo.git#egg=repo");
    REQUIRE(none);
    CHECK_FALSE(none->revision);
    auto user = parse_vcs_url("git+ssh://git@github.com/org/repo.git");
    REQUIRE(user);
    CHECK_FALSE(user->revision);
    auto user_rev = parse_vcs_url("git+ssh://git@github.com/org/repo.git@main");
    REQUIRE(user_rev);
    CHECK(user_rev->revision == "main");
    CHECK(parse_vcs_url("hg+https://hg.example/repo@abc")->vcs == "hg");
    CHECK_FALSE(parse_vcs_url("https://github.com/org/repo/archive/main.zip"));
    CHECK_FALSE(parse_vcs_url("cvs+https://x/y"));
}

TEST_CASE("VCS URLs: which revisions are fixed", "[rules][uv][vcs]") {
    CHECK(is_immutable_revision("git", "0123456789abcdef0123456789abcdef01234567"));
    CHECK(is_immutable_revision("git", std::string(64, 'a')));
    CHECK_FALSE(is_immutable_revision("git", "0123456"));
    CHECK_FALSE(is_immutable_revision("git", "main"));
    CHECK_FALSE(is_immutable_revision("git", "v1.2.3"));
    CHECK(is_immutable_revision("svn", "1234"));
    CHECK(is_immutable_revision("svn", "r1234"));
    CHECK_FALSE(is_immutable_revision("svn", "trunk"));
}
