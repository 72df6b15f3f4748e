#pragma once
// What a check run shows: annotations (at most 50 per request, most severe
// first, up to a cap) and the output summary (at most 65,535 characters).

#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scan/exit_status.hpp"
#include "scan/scan_result.hpp"

namespace pysec {

inline constexpr std::size_t check_run_batch_size = 50;
inline constexpr std::size_t check_run_summary_limit = 65535;

// The findings that become annotations: most severe first, at most `cap`.
std::vector<const Finding*> annotated_findings(const ScanResult& result, std::size_t cap);

nlohmann::json check_run_annotation(const Finding& finding);

// "failure" when a finding reaches fail-on, "neutral" when findings are shown
// below it, "success" when there are none.
std::string check_run_conclusion(const ScanResult& result, FailOn fail_on);

std::string check_run_title(const ScanResult& result);
std::string check_run_summary(const ScanResult& result, FailOn fail_on, std::size_t annotated);

}  // namespace pysec
