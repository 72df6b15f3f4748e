#pragma once
// Whether a YAML key is explained by a comment: one at the end of its line, or
// a block of comment lines directly above it.  Comments that only carry tool
// directives (`pysec: ignore[...]`, `zizmor: ignore[...]`, the fixtures'
// `expect: ...` markers) explain nothing.

#include <optional>
#include <string_view>

#include "parse/document.hpp"

namespace pysec {

// The text after `#` of the comment that ends the line holding `offset`
// (looking only after `offset`), or nullopt.
std::optional<std::string_view> trailing_comment(std::string_view text, std::size_t offset);

// True when the comment text says something, rather than only directing a tool.
bool is_explanatory_comment(std::string_view comment);

// `key` (a mapping key) and `value` (its value): explained by a trailing
// comment after a value on the key's line (or after the key, when the value is
// a block below it), or by the comment lines directly above the key.
bool has_explanatory_comment(const Document& document, const Node& key, const Node& value);

}  // namespace pysec
