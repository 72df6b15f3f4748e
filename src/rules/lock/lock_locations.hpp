#pragma once
// Where lock findings point: the `[[package]]` table's first line (the whole
// table would underline dozens of lines), an artifact, and how packages are
// named in messages.

#include <string>
#include <string_view>

#include "core/location.hpp"
#include "model/lock_artifact.hpp"
#include "parse/document.hpp"

namespace pysec {

// The first line of `node` (a `[[package]]` header, or an inline table's first
// line), from its start to the end of that line.
Location first_line_location(const Document& document, const Node& node, std::string message = {});

// "`name 1.2.3`", or "`name`" without a version.
std::string package_label(std::string_view name, std::string_view version);

// The artifact's own line, for related locations.
Location artifact_location(const Document& document, const LockArtifact& artifact, std::string message);

}  // namespace pysec
