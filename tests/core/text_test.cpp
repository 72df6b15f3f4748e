#include <catch2/catch.hpp>

#include "core/text.hpp"

using namespace pysec;

TEST_CASE("LineIndex maps offsets to lines and code-point columns and back", "[core]") {
    std::string text = "ab\nçd\r\n\nlast";
    LineIndex lines(text);
    CHECK(lines.line_count() == 4);
    CHECK(lines.position(0) == Position{1, 1});
    CHECK(lines.position(2) == Position{1, 3});
    CHECK(lines.position(3) == Position{2, 1});
    CHECK(lines.position(5) == Position{2, 2});  // after the two-byte ç
    CHECK(lines.line(2) == "çd");
    CHECK(lines.line(3) == "");
    CHECK(lines.line(4) == "last");
    CHECK(lines.offset(Position{2, 2}) == 5);
    CHECK(lines.offset(Position{4, 3}) == text.size() - 2);
    CHECK(lines.position(text.size()) == Position{4, 5});
}

TEST_CASE("UTF-8 validation rejects what a strict decoder rejects", "[core]") {
    CHECK_FALSE(find_invalid_utf8("plain ASCII, é, 日本, 😀"));
    CHECK(find_invalid_utf8("\x80") == 0u);
    CHECK(find_invalid_utf8("ok\xC0\xAF") == 2u);      // overlong '/'
    CHECK(find_invalid_utf8("\xED\xA0\x80") == 0u);    // surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // above U+10FFFF
    CHECK(find_invalid_utf8("ab\xE2\x82") == 2u);      // truncated
}

TEST_CASE("small text helpers", "[core]") {
    CHECK(collapse_whitespace("  a \t b\n\nc  ") == "a b c");
    CHECK(trim("\t x \r\n") == "x");
    CHECK(to_lower("ABC-d") == "abc-d");
    CHECK(starts_with_icase("Actions/Checkout", "actions/"));
}
