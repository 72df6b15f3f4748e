#pragma once
// Commands of a `run:` script that append to the runner's environment files,
// `$GITHUB_ENV` and `$GITHUB_PATH`, and whether what they write is fixed text.
// Whatever lands in those files becomes an environment variable (or a PATH
// entry) of every later step, so text an attacker controls there runs code.

#include <cstddef>
#include <string>
#include <vector>

#include "shell/shell_script.hpp"

namespace pysec {

struct EnvironmentFileWrite {
    std::string file;        // "GITHUB_ENV" or "GITHUB_PATH"
    std::size_t begin = 0;   // the writing command (from the start of its pipeline), offsets in the script
    std::size_t end = 0;
    // Only fixed text is written: literal words, a heredoc with a literal body,
    // and values the runner sets ($HOME, $GITHUB_WORKSPACE, ${{ runner.temp }}, ...).
    bool fixed_text = false;
};

// Recognises `>`/`>>` redirections (sh and pwsh), `... | tee [-a] FILE`, and
// pwsh's `Out-File`, `Add-Content`, `Set-Content` and `Tee-Object`.
std::vector<EnvironmentFileWrite> environment_file_writes(const std::vector<shell::Command>& commands);

// "GITHUB_ENV"/"GITHUB_PATH" when a word is exactly a reference to one of the
// files: `$GITHUB_ENV`, `${GITHUB_PATH}`, `$env:GITHUB_ENV`; "" otherwise.
std::string environment_file_named(const std::string& word);

// True when `text` (a word as the recogniser keeps it, or a heredoc body)
// expands nothing but values the runner sets.
bool expands_only_runner_values(const std::string& text);

}  // namespace pysec
