#pragma once
// What `pip install ...` / `uv pip install ...` / `uv pip sync ...` would
// install, read from its arguments: packages resolved from an index, URLs,
// local paths, requirement files, and the options that change where packages
// come from (`--no-index`) or whether hashes are checked (`--require-hashes`).

#include <string>
#include <string_view>
#include <vector>

#include "shell/shell_script.hpp"

namespace pysec {

enum class InstallOperand {
    IndexPackage,  // `nox`, `requests==2.32.3`, `"pkg[extra]>=1"`: resolved from an index
    Url,           // `https://.../x.whl`, `git+https://...`, `pkg @ https://...`
    LocalPath,     // `.`, `.[dev]`, `dist/*.whl`, `pkg @ .`, `-e .`
    Unknown,       // `$PACKAGES`, `${{ matrix.package }}`: cannot tell
};

InstallOperand classify_install_operand(std::string_view text);

struct PipInstallArguments {
    struct Operand {
        const shell::Word* word;
        InstallOperand kind;
    };
    struct RequirementFile {
        const shell::Word* word;  // the `-r` value (or the whole `--requirement=x` argument)
        std::string path;
    };
    std::vector<Operand> operands;
    std::vector<RequirementFile> requirement_files;  // -r / --requirement / --requirements
    bool require_hashes = false;                     // --require-hashes
    bool no_index = false;                           // --no-index, --offline: nothing from an index
    bool no_deps = false;                            // --no-deps
    bool dependency_groups = false;                  // --group: the project's own groups

    bool has(InstallOperand kind) const;
};

// `arguments` are the words after the `install` (or `sync`) subcommand.
// `positional_files`: `uv pip sync` takes requirement files as operands.
PipInstallArguments read_pip_install_arguments(const std::vector<const shell::Word*>& arguments,
                                               bool positional_files = false);

}  // namespace pysec
