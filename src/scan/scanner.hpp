#pragma once
// The pipeline: Source -> Inventory -> Documents -> Rules -> Findings -> Filters.

#include <stdexcept>

#include "repo/source.hpp"
#include "scan/scan_options.hpp"
#include "scan/scan_result.hpp"

namespace pysec {

// A problem with what the user asked for (bad path, revision, config); the
// CLI maps it to the usage-error exit status.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

ScanResult run_scan(const ScanOptions& options);
// Scans an already opened source (tests use this with their own sources).
ScanResult scan_source(Source& source, const ScanOptions& options, Notices notices = {});

}  // namespace pysec
