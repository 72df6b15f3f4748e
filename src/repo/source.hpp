#pragma once
// Where scanned files come from: a git work tree, a commit, a plain directory,
// or files named on the command line.  Paths are always relative to the
// source's root and `/`-separated.

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/notices.hpp"

namespace pysec {

enum class EntryType { File, Symlink, Submodule };

struct SourceEntry {
    std::string path;
    EntryType type = EntryType::File;
    // Explicitly named files are classified by name, not by place.
    bool named = false;
};

class SourceError : public std::runtime_error {
public:
    enum class Reason { Missing, Symlink, TooLarge, Unreadable };
    SourceError(Reason reason, std::string message, std::uint64_t size = 0)
        : std::runtime_error(std::move(message)), reason_(reason), size_(size) {}
    Reason reason() const { return reason_; }
    std::uint64_t size() const { return size_; }

private:
    Reason reason_;
    std::uint64_t size_;
};

class Source {
public:
    virtual ~Source() = default;
    // "git work tree of /repo", "commit 1a2b3c4 (HEAD~1) of /repo", ...
    virtual std::string description() const = 0;
    virtual std::vector<SourceEntry> entries() = 0;
    // The content of a file entry; throws SourceError.  Never follows a symlink.
    virtual std::string read(const SourceEntry& entry, std::uint64_t max_size) = 0;
    // Reads a path that may not have been listed (config files, `-r` includes);
    // nullopt when it does not exist.
    virtual std::optional<std::string> read_path(std::string_view path, std::uint64_t max_size) = 0;
    // When the file at `path` last changed, in seconds since the Unix epoch,
    // from version-control history; nullopt when the source has none (plain
    // directories, named files) or the change is beyond what it looks at.
    virtual std::optional<std::int64_t> last_change_time(std::string_view /*path*/) { return std::nullopt; }
};

struct SourceRequest {
    std::vector<std::string> paths;       // one directory, or one or more files; empty means "."
    std::optional<std::string> revision;  // --rev
    bool github_actions = false;          // GITHUB_ACTIONS=true: skip libgit2's owner check
};

// Thrown for requests that cannot be served (bad revision, missing path);
// the CLI reports it as a usage error.
class SourceRequestError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

std::unique_ptr<Source> open_source(const SourceRequest& request, Notices& notices);

}  // namespace pysec
