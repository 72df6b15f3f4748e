#include "scan/collect_files.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "model/requirements.hpp"
#include "scan/scanner.hpp"

namespace pysec {
namespace {

std::string human_size(std::uint64_t bytes) {
    bool mebibytes = bytes >= 1024 * 1024;
    double value = static_cast<double>(bytes) / (mebibytes ? 1024.0 * 1024.0 : 1024.0);
    char text[32];
    std::snprintf(text, sizeof text, mebibytes ? "%.1f MiB" : "%.1f KiB", value);
    return text;
}

ParseFailure too_large_failure(std::uint64_t size, std::uint64_t limit) {
    return ParseFailure{"file is " + human_size(size) + ", over the " + human_size(limit) +
                            " size limit; not scanned (raise it with --max-file-size)",
                        Position{1, 1}};
}

// What a failed read means: the file is skipped with a notice (false), or kept
// with a failure that becomes its parse-error finding (true).
bool keep_after_read_error(const SourceError& error, const std::string& path, const ScanOptions& options,
                           Notices& notices, PendingFile& file) {
    switch (error.reason()) {
        case SourceError::Reason::Symlink:
            notices.add("skipped " + path + ": a symlink in its path (symlinks are never followed)");
            return false;
        case SourceError::Reason::Missing:
            notices.add("skipped " + path + ": tracked but missing from the work tree");
            return false;
        case SourceError::Reason::TooLarge:
            notices.add("skipped " + path + ": " + human_size(error.size()) + ", over the " +
                        human_size(options.max_file_size) + " limit (--max-file-size)");
            file.failure = too_large_failure(error.size(), options.max_file_size);
            return true;
        case SourceError::Reason::Unreadable:
            file.failure = ParseFailure{std::string("cannot read: ") + error.what(), Position{1, 1}};
            return true;
    }
    return true;
}

// Lock files of other tools, noted by name only (missing-lockfile).
bool is_other_lockfile(std::string_view path) {
    std::string_view name = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
    return name == "poetry.lock" || name == "pdm.lock";
}

// pip follows `-r`/`-c` to files of any name; so does the scan (RULES.md:
// "and any file reached through -r/-c").  Paths are relative to the
// including file; each file is read once, so cycles end by themselves.
void collect_included_requirement_files(Source& source, const ScanOptions& options, const ScanConfig& config,
                                        Notices& notices, std::vector<PendingFile>& pending) {
    constexpr std::size_t most_included_files = 1000;
    std::set<std::string> known;
    for (const PendingFile& file : pending) known.insert(file.path);
    std::size_t added = 0;
    for (std::size_t next = 0; next < pending.size(); ++next) {
        if (pending[next].kind != FileKind::Requirements || !pending[next].text) continue;
        for (std::string& path : requirement_include_paths(pending[next].path, *pending[next].text)) {
            if (known.contains(path) || config.excludes(path)) continue;
            known.insert(path);
            if (added >= most_included_files) {
                notices.add("not following `-r`/`-c` to " + path + ": more than " +
                            std::to_string(most_included_files) + " included requirement files");
                continue;
            }
            PendingFile file{path, FileKind::Requirements, std::nullopt, std::nullopt, std::nullopt};
            try {
                file.text = source.read_path(path, options.max_file_size);
                // Not in the repository: pip would fail there, and there is nothing to audit.
                if (!file.text) continue;
            } catch (const SourceError& error) {
                if (!keep_after_read_error(error, path, options, notices, file)) continue;
            }
            ++added;
            pending.push_back(std::move(file));
        }
    }
}

// Reads one listed file into `file`; false when it is skipped altogether (with a notice).
bool read_pending(Source& source, const SourceEntry& entry, const ScanOptions& options, Notices& notices,
                  PendingFile& file) {
    try {
        file.text = source.read(entry, options.max_file_size);
    } catch (const SourceError& error) {
        return keep_after_read_error(error, entry.path, options, notices, file);
    }
    return true;
}

}  // namespace

CollectedFiles collect_files(Source& source, const ScanOptions& options, const ScanConfig& config, Notices& notices) {
    CollectedFiles collected;
    std::vector<PendingFile>& pending = collected.files;
    std::vector<SourceEntry> entries = source.entries();
    collected.named_only = !entries.empty() && std::all_of(entries.begin(), entries.end(),
                                                           [](const SourceEntry& entry) { return entry.named; });
    if (entries.empty()) {
        notices.add("nothing to scan in " + source.description() +
                    " (a directory that git ignores, or files that are not committed yet?)");
    }
    for (const SourceEntry& entry : entries) {
        if (!entry.named && config.excludes(entry.path)) continue;
        if (entry.type == EntryType::File && is_other_lockfile(entry.path)) {
            collected.other_lockfiles.push_back(entry.path);
        }
        std::optional<FileKind> kind = entry.named ? classify_named_file(entry.path) : classify_path(entry.path);
        if (!kind) {
            if (entry.named) throw UsageError(entry.path + ": not a file pysec knows how to audit");
            continue;
        }
        if (entry.type == EntryType::Submodule) continue;
        if (entry.type == EntryType::Symlink) {
            notices.add("skipped " + entry.path + ": a symlink (symlinks are never followed)");
            continue;
        }
        PendingFile file{entry.path, *kind, std::nullopt, std::nullopt, std::nullopt};
        if (!read_pending(source, entry, options, notices, file)) continue;
        if (*kind == FileKind::UvLock || *kind == FileKind::Pylock) {
            file.last_change_time = source.last_change_time(entry.path);
        }
        pending.push_back(std::move(file));
    }
    collect_included_requirement_files(source, options, config, notices, pending);
    return collected;
}


}  // namespace pysec
