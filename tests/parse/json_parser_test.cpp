#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "parse/parse.hpp"

using namespace pysec;

namespace {

ParsedFile json(std::string text) { return parse_document("test.json", std::move(text), DocumentFormat::Json); }

// Our tree as nlohmann::json, to compare values with the library's own parser.
nlohmann::json to_json(const Node& node) {
    switch (node.kind) {
        case NodeKind::Null: return nullptr;
        case NodeKind::Sequence: {
            nlohmann::json array = nlohmann::json::array();
            for (const Node* item : node.items) array.push_back(to_json(*item));
            return array;
        }
        case NodeKind::Mapping: {
            nlohmann::json object = nlohmann::json::object();
            for (const auto& entry : node.entries) object[entry.key->value] = to_json(*entry.value);
            return object;
        }
        case NodeKind::Scalar:
            if (node.type == ScalarType::String) return node.value;
            return nlohmann::json::parse(node.value);
    }
    return nullptr;
}

}  // namespace

TEST_CASE("JSON values agree with nlohmann::json", "[parse][json]") {
    std::vector<std::string> documents = {
        R"({"a": 1, "b": [true, false, null], "c": {"d": "e\"\\\/\b\f\n\r\t"}})",
        R"([1, -0, 0.5, -1.5e+10, 2E-3, 12345678901234])",
        R"({"unicode": "\u00e9\u65e5\ud83d\ude00", "raw": "日本"})",
        R"("just a string")",
        R"({"nested": [[[[{"deep": [1]}]]]], "empty": {}, "none": []})",
    };
    for (const std::string& text : documents) {
        INFO(text);
        auto parsed = json(text);
        REQUIRE_FALSE(parsed.failure);
        CHECK(to_json(*parsed.document->root()) == nlohmann::json::parse(text));
    }
}

TEST_CASE("JSON with comments and trailing commas, as Renovate and devcontainers write it", "[parse][json]") {
    auto parsed = json("{\n  // a comment\n  \"extends\": [\"config:best-practices\",], /* inline */\n"
                       "  \"minimumReleaseAge\": \"7 days\",\n}\n");
    REQUIRE_FALSE(parsed.failure);
    const Document& document = *parsed.document;
    const Node* age = document.root()->get("minimumReleaseAge");
    REQUIRE(age);
    CHECK(age->value == "7 days");
    Span span = document.span(*age);
    CHECK(span.begin.line == 4);
    CHECK(span.begin.column == 24);
    CHECK(span.end.column == 32);
    CHECK(document.span(*document.root()->find("extends")->key).begin.column == 3);
}

TEST_CASE("bad JSON gives one located failure", "[parse][json]") {
    struct Case {
        std::string text;
        std::uint32_t line, column;
        std::string message;
    };
    std::vector<Case> cases = {
        {"{\"a\": 1\n \"b\": 2}", 2, 2, "expected ',' or '}'"},
        {"{'a': 1}", 1, 2, "expected a quoted key"},
        {"[1, 2", 1, 6, "array is not closed"},
        {"{\"a\": tru}", 1, 7, "unexpected character"},
        {"\"\\ud800\"", 1, 8, "unpaired surrogate"},
        {"{} {}", 1, 4, "unexpected text after"},
        {std::string(300, '[') + std::string(300, ']'), 1, 257, "nesting deeper"},
        {"/* open", 1, 1, "comment is not closed"},
    };
    for (const Case& c : cases) {
        INFO(c.text.substr(0, 40));
        auto parsed = json(c.text);
        REQUIRE(parsed.failure);
        CHECK(parsed.failure->position.line == c.line);
        CHECK(parsed.failure->position.column == c.column);
        CHECK_THAT(parsed.failure->message, Catch::Contains(c.message));
    }
}

TEST_CASE("duplicate JSON keys: the last one wins, as in JavaScript", "[parse][json]") {
    auto parsed = json(R"({"a": 1, "a": 2})");
    REQUIRE_FALSE(parsed.failure);
    CHECK(parsed.document->root()->get("a")->value == "2");
}
