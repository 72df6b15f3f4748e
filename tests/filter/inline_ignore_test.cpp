#include <catch2/catch.hpp>

#include "filter/inline_ignore.hpp"

using namespace pysec;

TEST_CASE("inline ignore comments name rules", "[filter]") {
    CHECK(line_ignores_rule("- uses: a/b@v1  # pysec: ignore[unpinned-uses]", "unpinned-uses"));
    CHECK(line_ignores_rule("- uses: a/b@v1  # zizmor: ignore[unpinned-uses]", "unpinned-uses"));
    CHECK(line_ignores_rule("x  # pysec: ignore[artipacked, unpinned-uses ]", "unpinned-uses"));
    CHECK(line_ignores_rule("x  #pysec:ignore[unpinned-uses]", "unpinned-uses"));
    CHECK(line_ignores_rule("  \"a\": 1 // pysec: ignore[renovate-cooldown]", "renovate-cooldown"));
    CHECK_FALSE(line_ignores_rule("x  # pysec: ignore[artipacked]", "unpinned-uses"));
    CHECK_FALSE(line_ignores_rule("x  # pysec: ignore[unpinned-uses-extra]", "unpinned-uses"));
    CHECK_FALSE(line_ignores_rule("run: echo 'pysec: ignore[unpinned-uses]'", "unpinned-uses"));
    CHECK_FALSE(line_ignores_rule("x  # pysec: ignore unpinned-uses", "unpinned-uses"));
}
