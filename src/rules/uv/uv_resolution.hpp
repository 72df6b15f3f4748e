#pragma once
// Which uv commands in `run:` scripts resolve dependencies against the index,
// so that `exclude-newer` (and UV_EXCLUDE_NEWER) decides what they may pick:
// `uv lock`, `uv sync`, `uv run`, `uv add`, `uv remove`, `uv export`,
// `uv tree` (they lock the project first), and `uv pip compile`/`install`/
// `sync`.  Not: `--frozen` (the lock is used as it is), `uv run --no-sync`,
// `--offline`, `uvx`/`uv tool` (tools are not the project).

#include "rules/python/tool_runners.hpp"

namespace pysec {

bool uv_resolves(const UvCommand& uv);
// The project is locked or synced: `uv lock`, `uv sync`, `uv run`, `uv export`, `uv add`, `uv remove`.
bool uv_manages_project(const UvCommand& uv);
// `--name value` / `--name=value` among the uv options.
bool uv_has_flag(const UvCommand& uv, std::string_view flag);

}  // namespace pysec
