#include <catch2/catch.hpp>

#include "parse/parse.hpp"
#include "rules/workflow/explanatory_comment.hpp"

using namespace pysec;

namespace {

bool explained(const std::string& text, std::string_view block, std::string_view key) {
    auto parsed = parse_document("w.yml", text, DocumentFormat::Yaml);
    REQUIRE_FALSE(parsed.failure);
    const Node* mapping = parsed.document->root()->get(block);
    REQUIRE(mapping);
    const Node::Entry* entry = key.empty() ? parsed.document->root()->find(block) : mapping->find(key);
    REQUIRE(entry);
    return has_explanatory_comment(*parsed.document, *entry->key, *entry->value);
}

}  // namespace

TEST_CASE("explanatory comments: trailing, above, directives", "[rules][comments]") {
    CHECK(explained("p:\n  a: write  # to push tags\n", "p", "a"));
    CHECK(explained("p:\n  # why:\n  # to push tags\n  a: write\n", "p", "a"));
    CHECK_FALSE(explained("p:\n  # to push tags\n\n  a: write\n", "p", "a"));
    CHECK_FALSE(explained("p:\n  a: write\n  # for b\n  b: write\n", "p", "a"));
    CHECK_FALSE(explained("p:\n  a: write  # zizmor: ignore[excessive-permissions]\n", "p", "a"));
    CHECK_FALSE(explained("p:\n  a: write  # pysec: ignore[x] # expect: y\n", "p", "a"));
    CHECK(explained("p:\n  a: write  # pysec: ignore[x] # but needed for tags\n", "p", "a"));
    CHECK_FALSE(explained("p:\n  a: 'x #not a comment'\n", "p", "a"));
    CHECK(explained("p: {a: write}  # for tags\n", "p", "a"));
    CHECK(explained("p:  # for tags\n  a: write\n", "p", ""));
    CHECK_FALSE(explained("p:\n  a: write\nq: 1  # unrelated\n", "p", ""));
}

TEST_CASE("trailing comments need whitespace before the hash", "[rules][comments]") {
    CHECK(trailing_comment("a: b # c\nd", 0) == std::optional<std::string_view>(" c"));
    CHECK(trailing_comment("a: b#c\nd # e", 0) == std::nullopt);
    CHECK(is_explanatory_comment(" to publish"));
    CHECK_FALSE(is_explanatory_comment("  "));
    CHECK_FALSE(is_explanatory_comment(" zizmor: ignore[a]"));
}
