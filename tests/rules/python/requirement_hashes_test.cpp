#include <catch2/catch.hpp>

#include "rules/python/requirement_hashes.hpp"

using namespace pysec;

TEST_CASE("requirement hashes: every requirement line needs --hash", "[python][requirements]") {
    auto hashed = summarize_requirement_hashes("# comment\n"
                                               "--index-url https://pypi.org/simple\n"
                                               "-r base.txt\n"
                                               "attrs==25.1.0 \\\n"
                                               "    --hash=sha256:aaa \\\n"
                                               "    --hash=sha256:bbb\n"
                                               "idna==3.10 --hash=sha256:ccc  # via requests\n");
    CHECK(hashed.requirements == 2);
    CHECK(hashed.fully_hashed());
    CHECK(hashed.includes == std::vector<std::string>{"base.txt"});
    CHECK_FALSE(hashed.first_unhashed);

    std::string text = "attrs==25.1.0 --hash=sha256:aaa\nidna==3.10\n  # the end\n";
    auto partial = summarize_requirement_hashes(text);
    CHECK(partial.requirements == 2);
    CHECK(partial.hashed == 1);
    CHECK_FALSE(partial.fully_hashed());
    REQUIRE(partial.first_unhashed);
    CHECK(*partial.first_unhashed == text.find("idna"));

    auto editable = summarize_requirement_hashes("-e .\nx==1 --hash=sha256:a\n");
    CHECK_FALSE(editable.fully_hashed());
    CHECK(*editable.first_unhashed == 0);

    CHECK(summarize_requirement_hashes("--require-hashes\nx==1\n").require_hashes_option);
    CHECK(summarize_requirement_hashes("").fully_hashed());
    CHECK(summarize_requirement_hashes("x==1 \\\n").requirements == 1);
    CHECK(summarize_requirement_hashes("--requirement=a.txt\n-rb.txt\n").includes ==
          std::vector<std::string>{"a.txt", "b.txt"});
    CHECK(summarize_requirement_hashes("pkg#egg-ish==1 --hash=sha256:a\n").fully_hashed());
}

TEST_CASE("requirement hashes: repository paths", "[python][requirements]") {
    CHECK(normalize_repository_path("./requirements/../ci.txt") == "ci.txt");
    CHECK(normalize_repository_path("a\\b.txt") == "a/b.txt");
    CHECK_FALSE(normalize_repository_path("../outside.txt"));
    CHECK_FALSE(normalize_repository_path("/abs/r.txt"));
    CHECK_FALSE(normalize_repository_path("$GITHUB_WORKSPACE/r.txt"));
    CHECK(resolve_relative_path("requirements", "base.txt") == "requirements/base.txt");
    CHECK(resolve_relative_path("", "docs/requirements.txt") == "docs/requirements.txt");
    CHECK(resolve_relative_path("docs", "../r.txt") == "r.txt");
    CHECK_FALSE(resolve_relative_path("docs", "${{ inputs.file }}"));
}
