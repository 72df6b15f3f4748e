#pragma once
// `--format json`: the versioned, documented machine-readable report (README).

#include <string>

#include <nlohmann/json.hpp>

#include "scan/scan_result.hpp"

namespace pysec {

inline constexpr int json_report_version = 1;

nlohmann::json location_json(const Location& location);
std::string render_json(const ScanResult& result);

}  // namespace pysec
