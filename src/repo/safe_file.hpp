#pragma once
// Reading files from disk without ever following a symlink: a repository can
// plant `.github/workflows -> /etc` and a scanner must not read through it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pysec {

// Reads `root/relative`, refusing a symlink in any component of `relative`.
// Throws SourceError (Missing, Symlink, TooLarge, Unreadable).
std::string read_file_beneath(const std::string& root, std::string_view relative, std::uint64_t max_size);

// The same, but nullopt when the file does not exist.
std::optional<std::string> read_file_beneath_if_present(const std::string& root, std::string_view relative,
                                                        std::uint64_t max_size);

// Reads one file the user named; only the last component must not be a symlink.
std::string read_named_file(const std::string& path, std::uint64_t max_size);

}  // namespace pysec
