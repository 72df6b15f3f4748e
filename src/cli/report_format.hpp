#pragma once
// Rendering a scan result in the format the user asked for.

#include <string>
#include <string_view>

#include "scan/scan_result.hpp"

namespace pysec {

enum class ReportFormat { Text, Json, Sarif, Github };

std::optional<ReportFormat> parse_report_format(std::string_view text);
std::string render_report(const ScanResult& result, ReportFormat format, bool color);

}  // namespace pysec
