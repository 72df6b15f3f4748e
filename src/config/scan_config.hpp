#pragma once
// `.github/pysec.yml` (or `--config FILE`), with zizmor.yml as a fallback:
//
//   exclude: ["tests/fixtures/", "**/vendor/**"]   # paths never read
//   rules:
//     <rule-id>:
//       disable: true
//       ignore: ["ci.yml", "ci.yml:12", "ci.yml:12:7"]
//       config: {...}          # passed to the rule

#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/notices.hpp"
#include "parse/document.hpp"

namespace pysec {

class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct IgnoreEntry {
    std::string file;  // a repository path, a path suffix, or a file name
    std::optional<std::uint32_t> line;
    std::optional<std::uint32_t> column;
};

struct RuleSettings {
    bool disabled = false;
    std::vector<IgnoreEntry> ignore;
    const Node* config = nullptr;
};

class ScanConfig {
public:
    enum class Origin { None, Pysec, Zizmor };

    ScanConfig() = default;
    // Throws ConfigError for a pysec config that is malformed; a malformed
    // zizmor config only adds a notice (it belongs to another tool).
    ScanConfig(std::string path, std::string text, Origin origin, Notices& notices);

    Origin origin() const { return origin_; }
    const std::string& path() const { return path_; }
    const RuleSettings* rule(std::string_view id) const;
    // True when an `exclude:` pattern covers this repository path.
    bool excludes(std::string_view path) const;

private:
    void read(Notices& notices);

    Origin origin_ = Origin::None;
    std::string path_;
    std::unique_ptr<Document> document_;
    std::map<std::string, RuleSettings, std::less<>> rules_;
    std::vector<std::string> exclude_;
};

// Parses "file", "file:LINE" or "file:LINE:COLUMN".
IgnoreEntry parse_ignore_entry(std::string_view text);
bool ignore_matches(const IgnoreEntry& entry, std::string_view path, std::uint32_t begin_line,
                    std::uint32_t end_line, std::uint32_t column);

}  // namespace pysec
