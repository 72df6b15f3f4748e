#include <catch2/catch.hpp>

#include "parse/parse.hpp"

using namespace pysec;

TEST_CASE("INI files read as configparser reads them", "[parse][ini]") {
    auto parsed = parse_document("pip.conf",
                                 "# pip settings\n[global]\nIndex-URL = https://pypi.org/simple\n"
                                 "extra-index-url =\n    https://a.example/simple\n    https://b.example/simple\n\n"
                                 "[install]\n; a comment\ntrusted-host: a.example  # not a comment\n",
                                 DocumentFormat::Ini);
    REQUIRE_FALSE(parsed.failure);
    const Document& document = *parsed.document;
    const Node* global = document.root()->get("global");
    REQUIRE(global);
    CHECK(global->text("index-url") == "https://pypi.org/simple");
    CHECK(global->text("extra-index-url") == "\nhttps://a.example/simple\nhttps://b.example/simple");
    Span span = document.span(*global->get("extra-index-url"));
    CHECK(span.begin.line == 4);
    CHECK(span.end.line == 6);
    CHECK(document.span(*global->find("index-url")->key).begin == Position{3, 1});
    CHECK(document.span(*global->get("index-url")).begin == Position{3, 13});
    CHECK(document.root()->get("install")->text("trusted-host") == "a.example  # not a comment");
    CHECK(document.key_path(*global->get("index-url")) == "global.index-url");
}

TEST_CASE("bad INI is one located failure", "[parse][ini]") {
    struct Case {
        std::string text;
        std::uint32_t line;
        std::string message;
    };
    for (const Case& c : std::vector<Case>{{"key = value\n", 1, "before the first [section]"},
                                           {"[a]\nno separator here\n", 2, "expected `key = value`"},
                                           {"[a]\nx=1\n[a]\n", 3, "duplicate section"},
                                           {"[a]\nx=1\nX = 2\n", 3, "duplicate key 'x'"},
                                           {"[open\n", 1, "not closed"}}) {
        INFO(c.text);
        auto parsed = parse_document("pip.conf", c.text, DocumentFormat::Ini);
        REQUIRE(parsed.failure);
        CHECK(parsed.failure->position.line == c.line);
        CHECK_THAT(parsed.failure->message, Catch::Contains(c.message));
    }
}
