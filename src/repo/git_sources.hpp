#pragma once
// The two git-backed sources: tracked files of the work tree (the index, read
// from disk as they are now) and the tree of any commit, read from the object
// database without a checkout.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "repo/git_handles.hpp"
#include "repo/source.hpp"

namespace pysec {

class GitWorktreeSource : public Source {
public:
    // `prefix` limits the scan to a subdirectory ("" or "dir/sub/").
    GitWorktreeSource(git::Repository repository, std::string prefix);
    std::string description() const override;
    std::vector<SourceEntry> entries() override;
    std::string read(const SourceEntry& entry, std::uint64_t max_size) override;
    std::optional<std::string> read_path(std::string_view path, std::uint64_t max_size) override;
    // A file changed in the work tree or the index but not committed counts
    // as changed now; otherwise the history of HEAD says.
    std::optional<std::int64_t> last_change_time(std::string_view path) override;

private:
    git::Repository repository_;
    std::string workdir_;
    std::string prefix_;
};

class GitTreeSource : public Source {
public:
    // `only` (when not empty) restricts entries to these paths, marked as named.
    GitTreeSource(git::Repository repository, const std::string& revision, std::string prefix,
                  std::vector<std::string> only = {});
    std::string description() const override { return description_; }
    std::vector<SourceEntry> entries() override;
    std::string read(const SourceEntry& entry, std::uint64_t max_size) override;
    std::optional<std::string> read_path(std::string_view path, std::uint64_t max_size) override;
    // The history of the scanned commit; nullopt when a tree, not a commit, was named.
    std::optional<std::int64_t> last_change_time(std::string_view path) override;

private:
    std::string read_blob(const git_oid& id, std::string_view path, std::uint64_t max_size);

    git::Repository repository_;
    git::Tree tree_;
    std::optional<git_oid> commit_;
    std::string description_;
    std::string prefix_;
    std::vector<std::string> only_;
};

}  // namespace pysec
