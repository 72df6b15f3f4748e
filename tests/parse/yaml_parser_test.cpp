#include <catch2/catch.hpp>

#include "parse/parse.hpp"
#include "parse/yaml_scalar_extent.hpp"

using namespace pysec;

namespace {

ParsedFile yaml(std::string text) { return parse_document("test.yml", std::move(text), DocumentFormat::Yaml); }

std::string span_text(const Document& document, const Node& node) {
    Span span = document.span(node);
    return std::to_string(span.begin.line) + ":" + std::to_string(span.begin.column) + "-" +
           std::to_string(span.end.line) + ":" + std::to_string(span.end.column);
}

}  // namespace

TEST_CASE("YAML keys and values keep 1-based line and column spans", "[parse][yaml]") {
    auto parsed = yaml("name: ci\non:\n  push:\n    branches: [main, 'release']\njobs:\n  test:\n    steps:\n"
                       "      - uses: actions/checkout@v4 # pinned?\n");
    REQUIRE_FALSE(parsed.failure);
    const Document& document = *parsed.document;
    const Node* root = document.root();
    REQUIRE(root->is_mapping());
    CHECK(span_text(document, *root->find("name")->key) == "1:1-1:5");
    CHECK(span_text(document, *root->get("name")) == "1:7-1:9");
    const Node* branches = root->get("on")->get("push")->get("branches");
    REQUIRE(branches->is_sequence());
    CHECK(branches->flow);
    CHECK(span_text(document, *branches) == "4:15-4:32");
    CHECK(span_text(document, *branches->items[1]) == "4:22-4:31");
    CHECK(branches->items[1]->style == ScalarStyle::SingleQuoted);
    const Node* uses = root->get("jobs")->get("test")->get("steps")->items[0]->get("uses");
    CHECK(uses->value == "actions/checkout@v4");
    CHECK(span_text(document, *uses) == "8:15-8:34");
}

TEST_CASE("an empty value sits right after its key, an explicit null on itself", "[parse][yaml]") {
    auto parsed = yaml("on:\n  push:\n  workflow_dispatch: ~\n");
    REQUIRE_FALSE(parsed.failure);
    const Document& document = *parsed.document;
    const Node* on = document.root()->get("on");
    CHECK(on->get("push")->is_null());
    CHECK(span_text(document, *on->get("push")) == "2:8-2:8");
    CHECK(span_text(document, *on->get("workflow_dispatch")) == "3:22-3:23");
}

TEST_CASE("block scalars span their content lines", "[parse][yaml]") {
    std::string text = "steps:\n  - run: |\n      echo one\n\n      echo two\n    shell: bash\n"
                       "  - run: >-\n      folded\n      text\n";
    auto parsed = yaml(text);
    REQUIRE_FALSE(parsed.failure);
    const Document& document = *parsed.document;
    const Node* literal = document.root()->get("steps")->items[0]->get("run");
    CHECK(literal->style == ScalarStyle::Literal);
    CHECK(literal->value == "echo one\n\necho two\n");
    CHECK(span_text(document, *literal) == "2:10-5:15");
    BlockScalarLayout layout = yaml_block_layout(document.text(), literal->begin);
    CHECK(document.position(layout.content_begin).line == 3);
    CHECK(layout.indent == 6);
    const Node* folded = document.root()->get("steps")->items[1]->get("run");
    CHECK(folded->style == ScalarStyle::Folded);
    CHECK(folded->value == "folded text");
    CHECK(span_text(document, *folded) == "7:10-9:11");
}

TEST_CASE("multi-line plain and quoted scalars end where their text ends", "[parse][yaml]") {
    auto parsed = yaml("a: one\n  two\nb: \"x\\\"y\"  # c\nc: 'it''s'\n");
    REQUIRE_FALSE(parsed.failure);
    const Document& document = *parsed.document;
    CHECK(document.root()->get("a")->value == "one two");
    CHECK(span_text(document, *document.root()->get("a")) == "1:4-2:6");
    CHECK(span_text(document, *document.root()->get("b")) == "3:4-3:10");
    CHECK(document.root()->get("c")->value == "it's");
    CHECK(span_text(document, *document.root()->get("c")) == "4:4-4:11");
}

TEST_CASE("columns count code points, not bytes", "[parse][yaml]") {
    auto parsed = yaml("ü: é\nname: \"日本\" \n");
    REQUIRE_FALSE(parsed.failure);
    const Document& document = *parsed.document;
    CHECK(span_text(document, *document.root()->get("ü")) == "1:4-1:5");
    CHECK(span_text(document, *document.root()->get("name")) == "2:7-2:11");
}

TEST_CASE("CRLF line endings do not shift columns", "[parse][yaml]") {
    auto parsed = yaml("name: ci\r\non: push\r\n");
    REQUIRE_FALSE(parsed.failure);
    CHECK(parsed.document->root()->get("on")->value == "push");
    CHECK(span_text(*parsed.document, *parsed.document->root()->get("on")) == "2:5-2:9");
}

TEST_CASE("aliases share the anchored node and keep its parent", "[parse][yaml]") {
    auto parsed = yaml("a: &x {k: v}\nb: *x\n");
    REQUIRE_FALSE(parsed.failure);
    const Node* root = parsed.document->root();
    CHECK(root->get("a") == root->get("b"));
    CHECK(root->get("b")->key->value == "a");
    CHECK(parsed.document->key_path(*root->get("b")->get("k")) == "a.k");
}

TEST_CASE("scalar types: plain scalars are untyped, quoted ones are strings", "[parse][yaml]") {
    auto parsed = yaml("a: true\nb: 'true'\nc: 42\nd: !!str 7\n");
    REQUIRE_FALSE(parsed.failure);
    const Node* root = parsed.document->root();
    CHECK(root->get("a")->as_bool() == true);
    CHECK_FALSE(root->get("b")->as_bool());
    CHECK(root->get("c")->as_int() == 42);
    CHECK_FALSE(root->get("d")->as_int());
}

TEST_CASE("bad YAML gives one located failure, never an exception", "[parse][yaml]") {
    struct Case {
        std::string text;
        std::uint32_t line;
        std::string message;
    };
    std::vector<Case> cases = {
        {"a: 1\na: 2\n", 2, "duplicate key 'a' (first defined at line 1)"},
        {"a: \"open\n", 1, "double-quoted string is not closed"},
        {"a: 'open\n", 1, "single-quoted string is not closed"},
        {"a: 1\n---\nb: 2\n", 3, "more than one YAML document"},
        {"a: *missing\n", 1, "anchor"},
        {"a: [1, 2\n", 2, "end of sequence"},
        {"a: " + std::string(300, '[') + std::string(300, ']') + "\n", 1, "nesting deeper than 256 levels"},
        {"a: &a [*a]\n", 1, "recursive alias"},
        {std::string("a: b\0c\n", 7), 1, "binary content"},
        {"a: \xC3\x28\n", 1, "not valid UTF-8"},
        {"a: \xED\xA0\x80\n", 1, "not valid UTF-8"},  // an encoded surrogate
    };
    for (const Case& c : cases) {
        INFO(c.text.substr(0, 40));
        ParsedFile parsed;
        REQUIRE_NOTHROW(parsed = yaml(c.text));
        REQUIRE(parsed.failure);
        CHECK(parsed.failure->position.line == c.line);
        CHECK_THAT(parsed.failure->message, Catch::Contains(c.message));
        CHECK(parsed.document->root() == nullptr);
    }
}

TEST_CASE("an alias bomb is refused before anyone walks it", "[parse][yaml]") {
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i) {
        text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
        for (int k = 0; k < 10; ++k) text += (k ? ", *a" : "*a") + std::to_string(i - 1);
        text += "]\n";
    }
    auto parsed = yaml(text);
    REQUIRE(parsed.failure);
    CHECK_THAT(parsed.failure->message, Catch::Contains("alias bomb"));
}

TEST_CASE("empty and comment-only files have no root and no failure", "[parse][yaml]") {
    for (std::string text : {"", "# only a comment\n", "\xEF\xBB\xBF"}) {
        auto parsed = yaml(text);
        CHECK_FALSE(parsed.failure);
        CHECK(parsed.document->root() == nullptr);
    }
}
