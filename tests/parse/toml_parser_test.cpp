#include <catch2/catch.hpp>

#include "parse/parse.hpp"

using namespace pysec;

namespace {

ParsedFile toml(std::string text) { return parse_document("pyproject.toml", std::move(text), DocumentFormat::Toml); }

}  // namespace

TEST_CASE("TOML becomes the shared tree, in document order, with positions", "[parse][toml]") {
    auto parsed = toml("[tool.uv]\nexclude-newer = \"7 days\"\nno-build = true\n\n[[tool.uv.index]]\nname = \"internal\"\n"
                       "url = \"https://example.com/simple\"\nexplicit = true\n[project]\nversion = \"1.0\"\n"
                       "released = 2026-01-01T00:00:00Z\nratio = 0.5\ncount = 3\n");
    REQUIRE_FALSE(parsed.failure);
    const Document& document = *parsed.document;
    const Node* root = document.root();
    REQUIRE(root->is_mapping());
    CHECK(root->entries[0].key->value == "tool");
    CHECK(root->entries[1].key->value == "project");
    const Node* uv = root->get("tool")->get("uv");
    REQUIRE(uv);
    CHECK(uv->entries[0].key->value == "exclude-newer");
    const Node* exclude_newer = uv->get("exclude-newer");
    CHECK(exclude_newer->value == "7 days");
    CHECK(exclude_newer->type == ScalarType::String);
    Span span = document.span(*exclude_newer);
    CHECK(span.begin.line == 2);
    CHECK(span.begin.column == 17);
    CHECK(span.end.column == 25);
    CHECK(document.span(*uv->find("no-build")->key).begin.line == 3);
    CHECK(uv->get("no-build")->as_bool() == true);
    const Node* index = uv->get("index");
    REQUIRE(index->is_sequence());
    CHECK(index->items[0]->text("name") == "internal");
    CHECK(document.span(*index->items[0]->get("url")).begin.line == 7);
    const Node* project = root->get("project");
    CHECK(project->get("released")->type == ScalarType::DateTime);
    CHECK(project->get("released")->value == "2026-01-01T00:00:00Z");
    CHECK(project->get("ratio")->value == "0.5");
    CHECK(project->get("count")->as_int() == 3);
    CHECK(document.key_path(*index->items[0]->get("url")) == "tool.uv.index[name=internal].url");
}

TEST_CASE("bad TOML gives one located failure", "[parse][toml]") {
    struct Case {
        std::string text;
        std::uint32_t line;
    };
    for (const Case& c : std::vector<Case>{{"[project]\nversion = 1.0.0\n", 2},
                                           {"a = 1\na = 2\n", 2},
                                           {"a = \"open\n", 1},
                                           {"[a\n", 1},
                                           {"a = \xff\n", 1}}) {
        INFO(c.text);
        auto parsed = toml(c.text);
        REQUIRE(parsed.failure);
        CHECK(parsed.failure->position.line == c.line);
        CHECK(parsed.document->root() == nullptr);
    }
}
