#include <catch2/catch.hpp>

#include "parse/parse.hpp"
#include "parse/scalar_source_map.hpp"

using namespace pysec;

namespace {

std::string where(const Document& document, const Node& scalar, std::string_view needle) {
    ScalarSourceMap map(document, scalar);
    auto at = scalar.value.find(needle);
    REQUIRE(at != std::string::npos);
    Span span = map.span(at, at + needle.size());
    std::string source(document.text().substr(map.source_offset(at), needle.size()));
    return std::to_string(span.begin.line) + ":" + std::to_string(span.begin.column) + "-" +
           std::to_string(span.end.line) + ":" + std::to_string(span.end.column) + " " + source;
}

const Node& value_of(const ParsedFile& parsed, std::string_view key) {
    REQUIRE_FALSE(parsed.failure);
    return *parsed.document->root()->get(key);
}

}  // namespace

TEST_CASE("script positions map back into block scalars", "[parse][source-map]") {
    auto parsed = parse_document("w.yml",
                                 "run: |\n  set -e\n\n    pip install x  # deeper\n  echo ${{ github.head_ref }}\nnext: 1\n",
                                 DocumentFormat::Yaml);
    const Node& run = value_of(parsed, "run");
    CHECK(where(*parsed.document, run, "pip install") == "4:5-4:16 pip install");
    CHECK(where(*parsed.document, run, "${{ github.head_ref }}") == "5:8-5:30 ${{ github.head_ref }}");
}

TEST_CASE("positions map through folding, quotes and escapes", "[parse][source-map]") {
    auto parsed = parse_document("w.yml",
                                 "a: >-\n  one\n  two ${{ x }}\nb: \"q \\\"x\\\" \\u00e9 ${{ y }}\"\n"
                                 "c: 'it''s ${{ z }}'\nd: plain\n  folded ${{ w }}\n",
                                 DocumentFormat::Yaml);
    const Document& document = *parsed.document;
    CHECK(where(document, value_of(parsed, "a"), "${{ x }}") == "3:7-3:15 ${{ x }}");
    CHECK(where(document, value_of(parsed, "b"), "${{ y }}") == "4:20-4:28 ${{ y }}");
    CHECK(where(document, value_of(parsed, "c"), "${{ z }}") == "5:11-5:19 ${{ z }}");
    CHECK(where(document, value_of(parsed, "d"), "${{ w }}") == "7:10-7:18 ${{ w }}");
}
