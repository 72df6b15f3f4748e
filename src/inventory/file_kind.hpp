#pragma once
// What a collected file is, decided from its path alone (RULES.md lists the
// patterns), so that nothing is read that no rule will look at.

#include <optional>
#include <string_view>

#include "parse/document.hpp"

namespace pysec {

enum class FileKind {
    Workflow,      // .github/workflows/*.yml|yaml
    Action,        // action.yml|yaml anywhere
    Dependabot,    // .github/dependabot.yml|yaml
    Renovate,      // renovate.json(5), .github/ and .gitlab/ variants, .renovaterc(.json|.json5)
    PackageJson,   // package.json at the root (its `renovate` key)
    PreCommit,     // .pre-commit-config.yaml|yml at the root
    Pyproject,     // pyproject.toml anywhere
    UvToml,        // uv.toml anywhere
    UvLock,        // uv.lock anywhere
    Pylock,        // pylock.toml, pylock.*.toml anywhere
    Requirements,  // requirements*.txt, requirements/*.txt, *requirements*.txt, constraints*.txt
    PipConf,       // pip.conf, pip.ini
    Pypirc,        // .pypirc
    EnvFile,       // .env, .env.*
    Devcontainer,  // .devcontainer/devcontainer.json, .devcontainer/*/devcontainer.json, .devcontainer.json
};

std::string_view to_string(FileKind kind);

// Classifies a repository-relative, `/`-separated path; nullopt when no rule
// reads such a file.
std::optional<FileKind> classify_path(std::string_view path);

// A file the user named on the command line is classified by its name
// wherever it lives; any other YAML file is taken to be a workflow.
std::optional<FileKind> classify_named_file(std::string_view path);

DocumentFormat format_of(FileKind kind);
// As above, with the name deciding between dialects: Renovate reads
// `.json5` files and `.renovaterc` as JSON5.
DocumentFormat format_of(FileKind kind, std::string_view path);

}  // namespace pysec
