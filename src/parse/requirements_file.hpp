#pragma once
// pip requirement files, read the way pip reads them (pip/_internal/req/req_file.py):
//  - a line ending in `\` continues on the next (unless it holds a comment);
//  - `#` starts a comment at the start of a line or after whitespace;
//  - `${VAR}` is left as written (pip expands it from the environment);
//  - a line is split at its first word that starts with `-`: the words
//    before are the requirement, the rest are options (shell-quoted);
//  - options may be abbreviated (`--extra-index`), joined (`-rfile`,
//    `--index-url=URL`), and the per-requirement ones (`--hash`) follow the
//    requirement on its line.
// Every entry keeps its offsets in the file so that findings point at the
// requirement or the option.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace pysec {

struct RequirementOption {
    std::string name;          // canonical long name without dashes: "extra-index-url", "hash", "requirement"
    std::string value;         // "" for flags (`--require-hashes`)
    std::size_t begin = 0;     // the option as written, value included
    std::size_t end = 0;
    std::size_t value_begin = 0;
    std::size_t value_end = 0;
};

struct RequirementEntry {
    enum class Kind { Requirement, Editable, Options, Invalid };
    Kind kind = Kind::Requirement;
    std::size_t begin = 0;            // the logical line, without comment and surrounding blanks
    std::size_t end = 0;
    std::string requirement;          // the PEP 508 text, or the editable target
    std::size_t requirement_begin = 0;
    std::size_t requirement_end = 0;
    std::vector<RequirementOption> options;  // in order; for a requirement, its per-requirement options
    std::string error;                // for Kind::Invalid: why pip would reject the line

    const RequirementOption* option(std::string_view name) const;
    std::vector<const RequirementOption*> all(std::string_view name) const;
};

struct RequirementsFile {
    std::vector<RequirementEntry> entries;
};

RequirementsFile parse_requirements_file(std::string_view text);

}  // namespace pysec
