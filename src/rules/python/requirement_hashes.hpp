#pragma once
// Is a requirement file hash-pinned?  A small local reading of pip's format,
// enough to answer that one question: logical lines (comments removed,
// `\` continuations joined), option lines, and `--hash=` on each requirement.
// (A full requirements parser belongs to the requirement-file rules.)

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/repository_path.hpp"

namespace pysec {

struct RequirementHashSummary {
    std::size_t requirements = 0;         // requirement lines (including `-e`)
    std::size_t hashed = 0;               // of which carry `--hash=`
    bool require_hashes_option = false;   // the file itself says `--require-hashes`
    // Offset of the first requirement line without a hash, for pointing at it.
    std::optional<std::size_t> first_unhashed;
    std::vector<std::string> includes;    // `-r other.txt` / `--requirement other.txt`, as written

    // Every requirement has a hash (vacuously true for a file with none).
    bool fully_hashed() const { return hashed == requirements; }
};

RequirementHashSummary summarize_requirement_hashes(std::string_view text);

}  // namespace pysec
