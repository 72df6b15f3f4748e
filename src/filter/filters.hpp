#pragma once
// Which findings are shown: config ignores and inline comments (counted as
// ignored), then severity, confidence and persona thresholds (suppressed).

#include <vector>

#include "config/scan_config.hpp"
#include "core/finding.hpp"
#include "model/project.hpp"
#include "scan/scan_result.hpp"

namespace pysec {

struct FilterOptions {
    Severity min_severity = Severity::Informational;
    Confidence min_confidence = Confidence::Low;
    Persona persona = Persona::Regular;
};

std::vector<Finding> apply_filters(std::vector<Finding> findings, const ScanConfig& config, const Project& project,
                                   const FilterOptions& options, ScanSummary& summary);

}  // namespace pysec
