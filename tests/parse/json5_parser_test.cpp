// JSON5 as Renovate reads `.json5` files (the json5 npm package), and the
// dialect choice by file name.

#include <catch2/catch.hpp>

#include "inventory/file_kind.hpp"
#include "parse/parse.hpp"
#include "support/test_support.hpp"

using namespace pysec;

namespace {

ParsedFile json5(std::string text) { return parse_document("renovate.json5", std::move(text), DocumentFormat::Json5); }

}  // namespace

TEST_CASE("JSON5: unquoted keys, single quotes, trailing commas, comments", "[parse][json5]") {
    auto parsed = json5("// comment\n{\n  $schema: 'x',\n  _key$1: \"y\",\n  'quoted key': 'it\\'s',\n"
                        "  list: [1, 2,],\n  /* block */ nested: {a: null,},\n}\n");
    REQUIRE_FALSE(parsed.failure);
    const Node& root = *parsed.document->root();
    CHECK(root.get("$schema")->value == "x");
    CHECK(root.get("_key$1")->value == "y");
    CHECK(root.get("quoted key")->value == "it's");
    CHECK(root.get("quoted key")->style == ScalarStyle::SingleQuoted);
    CHECK(root.get("list")->items.size() == 2);
    CHECK(root.get("nested")->get("a")->is_null());
    Span key = parsed.document->span(*root.find("_key$1")->key);
    CHECK(key.begin == Position{4, 3});
    CHECK(key.end == Position{4, 9});
}

TEST_CASE("JSON5: numbers", "[parse][json5]") {
    auto parsed = json5("[0x1F, -0x10, +7, .5, 5., 1e3, -Infinity, +Infinity, NaN, 0, -0]");
    REQUIRE_FALSE(parsed.failure);
    const auto& items = parsed.document->root()->items;
    REQUIRE(items.size() == 11);
    CHECK(items[0]->as_int() == 31);
    CHECK(items[1]->as_int() == -16);
    CHECK(items[2]->as_int() == 7);
    CHECK(items[3]->type == ScalarType::Float);
    CHECK(items[3]->value == ".5");
    CHECK(items[4]->value == "5.");
    CHECK(items[5]->type == ScalarType::Float);
    CHECK(items[6]->value == "-Infinity");
    CHECK(items[8]->value == "NaN");
    CHECK(items[9]->as_int() == 0);
}

TEST_CASE("JSON5: string escapes and line continuations", "[parse][json5]") {
    auto parsed = json5("{a: 'one\\\ntwo', b: \"\\x41\\u00e9\\v\\0\", c: '\\a\\q', d: 'tab\there', "
                        "e: 'line\\\r\nbreak', f: 'sep\\\xE2\x80\xA8x'}");
    REQUIRE_FALSE(parsed.failure);
    const Node& root = *parsed.document->root();
    CHECK(root.get("a")->value == "onetwo");
    CHECK(root.get("b")->value == std::string("A\xC3\xA9\v\0", 5));
    CHECK(root.get("c")->value == "aq");
    CHECK(root.get("d")->value == "tab\there");
    CHECK(root.get("e")->value == "linebreak");
    CHECK(root.get("f")->value == "sepx");
}

TEST_CASE("JSON5: more white space than JSON", "[parse][json5]") {
    auto parsed = json5("\xEF\xBB\xBF{\v\fa:\xC2\xA0" "1,\xE2\x80\xA8" "b: 2\xE3\x80\x80}");
    REQUIRE_FALSE(parsed.failure);
    CHECK(parsed.document->root()->get("b")->as_int() == 2);
}

TEST_CASE("JSON5: what it still rejects", "[parse][json5]") {
    struct Case {
        std::string text;
        std::string message;
    };
    std::vector<Case> cases = {
        {"{a: 'unterminated\n'}", "line break in string"},
        {"{a: 01}", "may not start with 0"},
        {"{a: 1x}", "after a number"},
        {"{a: \"\\1\"}", "invalid escape"},
        {"{a: 0x}", "hexadecimal"},
        {"{1a: 1}", "expected a key"},
        {"{a: .}", "expected a digit"},
        {"{a: undefined}", "unexpected character"},
        {"{a: 1 b: 2}", "expected ',' or '}'"},
        {"{a: truex}", "unexpected identifier"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        auto parsed = json5(c.text);
        REQUIRE(parsed.failure);
        CHECK_THAT(parsed.failure->message, Catch::Contains(c.message));
    }
}

TEST_CASE("JSON5: the JSON-with-comments reader stays strict", "[parse][json5]") {
    auto parsed = parse_document("renovate.json", "{unquoted: 1}", DocumentFormat::Json);
    REQUIRE(parsed.failure);
    CHECK_THAT(parsed.failure->message, Catch::Contains("expected a quoted key"));
    CHECK(parse_document("renovate.json", "{\"a\": 'x'}", DocumentFormat::Json).failure);
}

TEST_CASE("JSON5: Renovate's .json5 files and .renovaterc are read as JSON5", "[parse][json5]") {
    CHECK(format_of(FileKind::Renovate, ".github/renovate.json5") == DocumentFormat::Json5);
    CHECK(format_of(FileKind::Renovate, ".renovaterc") == DocumentFormat::Json5);
    CHECK(format_of(FileKind::Renovate, ".renovaterc.json5") == DocumentFormat::Json5);
    CHECK(format_of(FileKind::Renovate, "renovate.json") == DocumentFormat::Json);
    CHECK(format_of(FileKind::Devcontainer, "x/devcontainer.json") == DocumentFormat::Json);
}

TEST_CASE("JSON5: uv's real .github/renovate.json5 parses", "[parse][json5][corpus]") {
    std::string path = test::shared_dir() + "/corpus/astral-sh__uv/.github/renovate.json5";
    auto parsed = json5(test::read_file(path));
    INFO((parsed.failure ? parsed.failure->message : ""));
    REQUIRE_FALSE(parsed.failure);
    const Node& root = *parsed.document->root();
    CHECK(root.get("$schema")->value == "https://docs.renovatebot.com/renovate-schema.json");
    CHECK(root.get("extends")->items.size() == 2);
    const Node* rules = root.get("packageRules");
    REQUIRE(rules);
    CHECK(rules->items.size() > 10);
    bool msrv = false;
    for (const Node* rule : rules->items) {
        if (const Node* age = rule->get("minimumReleaseAge")) msrv = msrv || age->value == "85 days";
    }
    CHECK(msrv);
    CHECK(root.get("customManagers")->items[1]->get("matchStrings")->items[0]->value ==
          "maturin-version: (?<currentValue>v\\d+\\.\\d+\\.\\d+)");
}
