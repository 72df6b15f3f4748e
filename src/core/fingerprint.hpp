#pragma once
// Fingerprints that survive edits above a finding: they hash the rule, the
// path, the flagged node's key path and its normalised text, never a line number.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/finding.hpp"

namespace pysec {

class Document;

std::uint64_t fnv1a64(std::string_view data, std::uint64_t seed = 14695981039346656037ULL);

// `document` may be null (a file that could not be read).  Two findings with
// the same basis in one file are told apart by their order of appearance.
void assign_fingerprints(std::vector<Finding>& findings, const std::vector<const Document*>& documents);

}  // namespace pysec
