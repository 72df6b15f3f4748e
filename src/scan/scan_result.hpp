#pragma once
// What a scan produced: the findings to show, counts, and notices.

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/finding.hpp"
#include "core/notices.hpp"
#include "model/project.hpp"

namespace pysec {

struct ScanSummary {
    std::array<std::size_t, 4> by_severity{};  // indexed by Severity, shown findings only
    std::size_t ignored = 0;     // by the config's `ignore:` or an inline comment
    std::size_t suppressed = 0;  // below --min-severity/--min-confidence or outside --persona
    std::size_t files_scanned = 0;
    std::optional<Severity> highest;

    std::size_t shown() const { return by_severity[0] + by_severity[1] + by_severity[2] + by_severity[3]; }
};

struct ScanResult {
    std::vector<Finding> findings;  // shown findings, sorted by path, line, column, rule
    ScanSummary summary;
    Notices notices;
    std::string source_description;
    std::string config_path;  // "" when no config was used
    // Keeps the documents alive so that reports can quote source lines.
    std::unique_ptr<Project> project;
    // A rule failed unexpectedly (a bug in pysec): the exit status says so.
    bool internal_error = false;
};

}  // namespace pysec
