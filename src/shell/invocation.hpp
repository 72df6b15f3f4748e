#pragma once
// What program a shell command runs, seen through the wrappers people put in
// front of it: `sudo -E pip install`, `env X=1 uv sync`, `python3 -m pip`,
// `./.venv/bin/pip3.12`.

#include <string>
#include <string_view>
#include <vector>

#include "shell/shell_script.hpp"

namespace pysec::shell {

struct Invocation {
    std::string program;                 // normalised: pip, uv, python, twine, curl, bash, ...
    const Word* program_word = nullptr;  // null when the command has no program
    std::vector<const Word*> arguments;  // after the program (after `-m module` for `python -m`)
    bool python_module = false;          // run as `python -m <program>`
};

// `pip3.12` -> `pip`, `/usr/bin/python3` -> `python`, `PIP.EXE` -> `pip`.
std::string normalize_program(std::string_view word);

Invocation invocation_of(const Command& command);

// The first argument that does not start with `-` (a subcommand such as
// `install` or `sync`), or null.
const Word* first_operand(const Invocation& invocation);
bool has_argument(const Invocation& invocation, std::string_view argument);
// `--flag value` or `--flag=value`; true when either form is present.
bool has_option(const Invocation& invocation, std::string_view option);

// The command after `index` in the same pipeline (`a | b`), or null.
const Command* next_in_pipeline(const std::vector<Command>& commands, std::size_t index);

}  // namespace pysec::shell
