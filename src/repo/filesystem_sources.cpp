#include "repo/filesystem_sources.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

#include "repo/safe_file.hpp"

namespace pysec {
namespace fs = std::filesystem;
namespace {

constexpr std::array skipped_directories = {".git", ".hg", ".svn", "node_modules", ".venv", "venv",
                                            ".tox", ".nox", "__pycache__", ".mypy_cache",
                                            ".pytest_cache", ".ruff_cache", "site-packages"};

bool is_skipped_directory(const fs::path& name) {
    return std::find(skipped_directories.begin(), skipped_directories.end(), name.string()) !=
           skipped_directories.end();
}

}  // namespace

FileSystemSource::FileSystemSource(std::string root) : root_(std::move(root)) {}

std::vector<SourceEntry> FileSystemSource::entries() {
    std::vector<SourceEntry> result;
    std::error_code error;
    fs::recursive_directory_iterator it(root_, fs::directory_options::skip_permission_denied, error);
    fs::recursive_directory_iterator end;
    for (; !error && it != end; it.increment(error)) {
        const fs::directory_entry& entry = *it;
        std::error_code status_error;
        fs::file_status status = entry.symlink_status(status_error);
        if (status_error) continue;
        if (fs::is_directory(status)) {
            if (is_skipped_directory(entry.path().filename())) it.disable_recursion_pending();
            continue;
        }
        std::string relative = entry.path().lexically_relative(root_).generic_string();
        if (fs::is_symlink(status)) {
            result.push_back(SourceEntry{relative, EntryType::Symlink});
        } else if (fs::is_regular_file(status)) {
            result.push_back(SourceEntry{relative, EntryType::File});
        }
    }
    std::sort(result.begin(), result.end(),
              [](const SourceEntry& a, const SourceEntry& b) { return a.path < b.path; });
    return result;
}

std::string FileSystemSource::read(const SourceEntry& entry, std::uint64_t max_size) {
    return read_file_beneath(root_, entry.path, max_size);
}

std::optional<std::string> FileSystemSource::read_path(std::string_view path, std::uint64_t max_size) {
    return read_file_beneath_if_present(root_, path, max_size);
}

NamedFilesSource::NamedFilesSource(std::vector<NamedFile> files, std::string config_root)
    : files_(std::move(files)), config_root_(std::move(config_root)) {}

std::string NamedFilesSource::description() const {
    return files_.size() == 1 ? "file " + files_.front().disk_path
                              : std::to_string(files_.size()) + " named files";
}

std::vector<SourceEntry> NamedFilesSource::entries() {
    std::vector<SourceEntry> result;
    for (const NamedFile& file : files_) {
        std::error_code error;
        bool symlink = fs::is_symlink(fs::symlink_status(file.disk_path, error));
        SourceEntry entry{file.display_path, symlink ? EntryType::Symlink : EntryType::File};
        entry.named = true;
        result.push_back(std::move(entry));
    }
    return result;
}

std::string NamedFilesSource::read(const SourceEntry& entry, std::uint64_t max_size) {
    for (const NamedFile& file : files_) {
        if (file.display_path == entry.path) return read_named_file(file.disk_path, max_size);
    }
    throw SourceError(SourceError::Reason::Missing, entry.path + ": not a named file");
}

std::optional<std::string> NamedFilesSource::read_path(std::string_view path, std::uint64_t max_size) {
    for (const NamedFile& file : files_) {
        if (file.display_path == path) return read_named_file(file.disk_path, max_size);
    }
    if (config_root_.empty()) return std::nullopt;
    return read_file_beneath_if_present(config_root_, path, max_size);
}

}  // namespace pysec
