#pragma once
// Reading what the scan collects: classify every listed path, read the files
// with a kind (sequential I/O, symlinks never followed, the size cap), follow
// requirement files' `-r`/`-c`, and note git history for lock files.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "config/scan_config.hpp"
#include "inventory/file_kind.hpp"
#include "parse/parse.hpp"
#include "repo/source.hpp"
#include "scan/scan_options.hpp"

namespace pysec {

// A collected file between reading and parsing.
struct PendingFile {
    std::string path;
    FileKind kind;
    std::optional<std::string> text;               // set when the file was read
    std::optional<ParseFailure> failure;           // set when it could not be
    std::optional<std::int64_t> last_change_time;  // lock files: from git history
};

struct CollectedFiles {
    std::vector<PendingFile> files;
    bool named_only = false;                   // only files named on the command line
    std::vector<std::string> other_lockfiles;  // poetry.lock, pdm.lock: noted, not parsed
};

CollectedFiles collect_files(Source& source, const ScanOptions& options, const ScanConfig& config, Notices& notices);

}  // namespace pysec
