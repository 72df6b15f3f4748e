#pragma once
// How a setting is shown in messages: `exclude-newer = "6 months"` for TOML
// and INI files, `UV_EXCLUDE_NEWER: 6 months` for environment variables.

#include <string>

#include "parse/document.hpp"

namespace pysec {

std::string setting_text(const Document& document, const Node* key, const Node& value);

// A value of at most `limit` characters, cut with "…" when longer.
std::string shorten(std::string_view text, std::size_t limit = 80);

}  // namespace pysec
