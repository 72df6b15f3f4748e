#pragma once
// A typed view of uv's settings files: the `[tool.uv]` table of every
// pyproject.toml and every uv.toml (the same keys without the `tool.uv`
// prefix), with the nodes as written so that rules can point at them.
//
// Which file applies where (uv's settings discovery, crates/uv-settings/src/
// lib.rs): starting in a directory and walking up, the first directory with a
// uv.toml, or with a pyproject.toml that has a `[tool.uv]` table, wins; a
// uv.toml beats the pyproject.toml next to it, whose `[tool.uv]` settings are
// then ignored (uv warns). In a workspace member (a directory that matches
// `[tool.uv.workspace] members` of a pyproject.toml above it), the search
// starts at the workspace root: the members' own settings are ignored. `[tool.uv.sources]` and `[[tool.uv.index]]` are
// also read from pyproject.toml as project metadata (uv.toml rejects
// `sources`).

#include <string>
#include <string_view>
#include <vector>

#include "model/project.hpp"

namespace pysec {

// `[[tool.uv.index]]` / `[[index]]`.
struct UvIndex {
    const Node* table = nullptr;
    const Node* name = nullptr;  // values, null when absent
    const Node* url = nullptr;
    const Node* explicit_ = nullptr;
    const Node* default_ = nullptr;

    bool is_explicit() const;
    bool is_default() const;
};

// The resolver and installer keys of one table: the top level, or `[pip]`
// (`[tool.uv.pip]`), which only `uv pip` commands read.
struct UvSettingsTable {
    const Node* table = nullptr;
    // Values, null when the key is absent.
    const Node* exclude_newer = nullptr;
    const Node* exclude_newer_package = nullptr;
    const Node* index_url = nullptr;
    const Node* extra_index_url = nullptr;
    const Node* find_links = nullptr;
    const Node* index_strategy = nullptr;
    const Node* allow_insecure_host = nullptr;
    const Node* no_index = nullptr;
    const Node* no_build = nullptr;
    const Node* no_build_package = nullptr;
    const Node* no_binary = nullptr;
    const Node* only_binary = nullptr;  // `[pip]` only
    std::vector<UvIndex> indexes;

    bool no_build_enabled() const;
};

struct UvSettings {
    const Document* document = nullptr;
    FileKind kind = FileKind::Pyproject;  // Pyproject or UvToml
    std::string path;
    std::string directory;  // "" at the repository root
    const Node* table = nullptr;      // `[tool.uv]`'s value, or the uv.toml root
    const Node* table_key = nullptr;  // the `uv` of `[tool.uv]`; null for uv.toml
    UvSettingsTable top;
    const Node* pip_key = nullptr;
    UvSettingsTable pip;              // `table` null when there is no `[pip]`
    const Node* sources = nullptr;    // `[tool.uv.sources]` (pyproject.toml only)
    // A pyproject.toml `[tool.uv]` next to a uv.toml: uv ignores these settings.
    bool shadowed = false;
    // `[tool.uv]` holds only keys that do not steer resolution or installs
    // (`build-backend`), as in a package built with uv_build.
    bool build_backend_only = false;

    bool is_uv_toml() const { return kind == FileKind::UvToml; }
    // Where to point when a setting is missing: `[tool.uv]`, or uv.toml's first line.
    Location anchor(std::string message = {}) const;
};

std::vector<UvSettings> read_uv_settings(const Project& project);

// The settings uv applies to a command run in `directory`, or null.
const UvSettings* effective_uv_settings(const std::vector<UvSettings>& settings, std::string_view directory);

// "a/b" for "a/b/uv.lock"; "" for "uv.lock".
std::string directory_of(std::string_view path);
// `inner` is `outer` or below it ("" contains everything).
bool directory_contains(std::string_view outer, std::string_view inner);

}  // namespace pysec
