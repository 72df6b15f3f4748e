#pragma once
// Whether a shell command runs code kept in a directory of the workspace:
// `cd dir`, `./dir/build.sh`, `python dir/x.py`, `pip install ./dir`,
// `uv run --project dir pytest`, `make -C dir`.  Passing the directory to
// some other program as data (`hugo --source dir`, `cp -r dir out`) does not
// count: pysec cannot tell what that program does with it.

#include <string_view>

#include "shell/shell_script.hpp"

namespace pysec {

// `path` (as written in a script, possibly `./`- or `$GITHUB_WORKSPACE/`-prefixed)
// is `directory` or inside it; `directory` is normalised (normalize_workspace_path).
bool is_inside_directory(std::string_view path, std::string_view directory);

bool runs_code_from(const shell::Command& command, std::string_view directory);

}  // namespace pysec
