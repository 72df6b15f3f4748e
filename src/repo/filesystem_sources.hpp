#pragma once
// Sources without git: a directory walked on disk, and files named on the
// command line.

#include <string>
#include <vector>

#include "repo/source.hpp"

namespace pysec {

// Walks a directory that is not inside a git repository.  Everything is
// listed, untracked or not, except the directories no project commits
// (virtual environments, caches, VCS metadata, node_modules).
class FileSystemSource : public Source {
public:
    explicit FileSystemSource(std::string root);
    std::string description() const override { return "file system at " + root_; }
    std::vector<SourceEntry> entries() override;
    std::string read(const SourceEntry& entry, std::uint64_t max_size) override;
    std::optional<std::string> read_path(std::string_view path, std::uint64_t max_size) override;

private:
    std::string root_;
};

struct NamedFile {
    std::string display_path;  // repository-relative when inside a repository
    std::string disk_path;
};

class NamedFilesSource : public Source {
public:
    // `config_root` is where a pysec config is looked for.
    NamedFilesSource(std::vector<NamedFile> files, std::string config_root);
    std::string description() const override;
    std::vector<SourceEntry> entries() override;
    std::string read(const SourceEntry& entry, std::uint64_t max_size) override;
    std::optional<std::string> read_path(std::string_view path, std::uint64_t max_size) override;

private:
    std::vector<NamedFile> files_;
    std::string config_root_;
};

}  // namespace pysec
