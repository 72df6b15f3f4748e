#pragma once
// Python tools are rarely run by their own name in CI: `uvx zizmor`,
// `pipx run build`, `uv run python -m build`, `uv tool run pip-audit`,
// `poetry run pytest`.  These helpers find the tool behind such runners, and
// the subcommand of `uv` behind its global options (`uv --directory x pip
// install`), so that rules can recognise a command whichever way it is written.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shell/invocation.hpp"

namespace pysec {

// Index in `arguments` of the first operand at or after `start`, skipping
// options and the values of those in `options_with_values` (`--python 3.12`;
// `--python=3.12` and glued short options `-p3.12` carry their own value).
std::optional<std::size_t> next_operand(const std::vector<const shell::Word*>& arguments, std::size_t start,
                                        const std::vector<std::string_view>& options_with_values);

// The value of `--option value` / `--option=value` / `-ovalue` among the
// arguments (the first occurrence), or null.  The word returned for the
// `=` and glued forms is the whole argument; `option_value_text` strips it.
struct OptionValue {
    const shell::Word* word = nullptr;
    std::string text;
};
std::optional<OptionValue> option_value(const std::vector<const shell::Word*>& arguments,
                                        const std::vector<std::string_view>& names);

// The `uv` subcommand path and what follows it: for `uv --directory d pip
// install x`, subcommand {"pip", "install"} and arguments {x}.  Empty
// subcommand when the invocation is not uv or has none.
struct UvCommand {
    std::vector<std::string> subcommand;
    std::vector<const shell::Word*> arguments;
    bool is(std::string_view first, std::string_view second = {}) const;
};
UvCommand uv_command(const shell::Invocation& invocation);

// A tool started by a runner: `uvx T`, `uv tool run T`, `pipx run T`,
// `uv run T`, `poetry run T`, `pdm run T`, `hatch run T`, and `python -m T`
// behind any of them.  `package` is the word that names what the runner
// installs (`--from`/`--spec`, else the tool word itself, e.g. `black==24.1`).
struct RunnerTool {
    std::string runner;                     // "uvx", "uv tool run", "pipx run", "uv run", ...
    shell::Invocation tool;                 // program normalised, version suffix dropped
    std::string package;                    // what an installing runner (uvx, pipx run) installs
    const shell::Word* package_word = nullptr;
    bool installs = false;                  // the runner fetches the tool itself (uvx, pipx run)
};
std::optional<RunnerTool> runner_tool(const shell::Invocation& invocation);

// The invocation itself, or the tool a runner starts: for matching tool names
// (`pip-audit`, `build`, `zizmor`) whichever way they are run.
shell::Invocation effective_tool(const shell::Invocation& invocation);

// The program is a build of the tool made or downloaded in the workspace
// (`./uv`, `.\uv.exe`, `../uv`, `target/release/uv`), not an installed one
// (`.venv/bin/pip`, `/usr/bin/pip`, `pip` on PATH): the repository of that
// tool testing itself.
bool runs_local_build(const shell::Invocation& invocation);

// `black==24.1.0` -> `black`, `ruff@0.5.0` -> `ruff`, `pip-audit[cyclonedx]` -> `pip-audit`.
std::string package_name(std::string_view spec);
// `name==1.2`, `name===1.2`, `name@1.2.3` (uvx), a URL with a 40-hex commit.
bool is_pinned_spec(std::string_view spec);

}  // namespace pysec
