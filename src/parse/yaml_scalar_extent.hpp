#pragma once
// Where a YAML scalar's source text begins and ends.  yaml-cpp reports only
// where a node starts; findings need the whole span, and rules that look into
// `run: |` scripts need to map script lines back to file lines.

#include <cstddef>
#include <string_view>

#include "parse/node.hpp"

namespace pysec {

struct YamlScalarExtent {
    std::size_t begin;
    std::size_t end;  // exclusive
    ScalarStyle style;
};

// `mark` is where yaml-cpp says the scalar starts (possibly at an `&anchor` or
// `!tag`); `value` is the decoded content.  Throws ParseError for a quoted
// scalar without its closing quote, which yaml-cpp accepts silently.
YamlScalarExtent yaml_scalar_extent(std::string_view text, std::size_t mark, std::string_view value);

// Skips node properties (`&anchor`, `!tag`) and the blanks after them.
std::size_t skip_properties(std::string_view text, std::size_t offset);

// Layout of a block scalar (`|`, `>`, with indicators): the byte offset where
// its first content line starts and the content indentation in columns.
struct BlockScalarLayout {
    std::size_t content_begin;
    std::size_t indent;
};
BlockScalarLayout yaml_block_layout(std::string_view text, std::size_t header);

}  // namespace pysec
