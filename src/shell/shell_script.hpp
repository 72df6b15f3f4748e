#pragma once
// Commands in a `run:` script, as the shell would split them: words (quotes
// removed), redirections, pipes, `&&`, `||`, `;`, line continuations,
// subshells and command substitutions (`$(...)`, backticks, `<(...)`), and
// heredocs.  Every word keeps its offsets in the script, so that a finding can
// point at the command inside a block scalar.
//
// This is a recogniser for auditing, not an interpreter: it never expands
// variables, and unusual syntax degrades to extra or shorter commands rather
// than an error.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pysec::shell {

enum class Dialect { Posix, PowerShell, Other };

// `bash`, `sh -e {0}`, `bash --noprofile --norc -eo pipefail {0}` are Posix;
// `pwsh`, `powershell` are PowerShell; `python`, `cmd` and others are Other.
Dialect dialect_of(std::string_view shell);

struct Word {
    std::string text;        // quotes removed, escapes resolved; `$VAR` and `$(...)` kept as written
    std::size_t begin = 0;   // offsets in the script; end exclusive
    std::size_t end = 0;
    bool quoted = false;     // some part of it was quoted
    bool expanded = false;   // it contains an unquoted or double-quoted `$`/backtick expansion
};

struct Redirect {
    std::string op;            // >, >>, <, 2>, &>, >|, <<, <<-, <<<, ...
    Word target;               // the file, or the heredoc delimiter
    std::string heredoc_body;  // the lines of a `<<` heredoc
};

struct Command {
    std::vector<Word> assignments;  // leading `NAME=value` words
    std::vector<Word> words;        // the command and its arguments
    std::vector<Redirect> redirects;
    std::size_t begin = 0;          // span of the whole command in the script
    std::size_t end = 0;
    bool piped_input = false;       // `... | this`
    bool piped_output = false;      // `this | ...`
    std::string connector;          // what follows it: |, &&, ||, ;, &, newline ("\n") or "" at the end
    int depth = 0;                  // 0 at top level; deeper inside (...), $(...), <(...), `...`
};

std::vector<Command> parse_script(std::string_view script, Dialect dialect);

}  // namespace pysec::shell
