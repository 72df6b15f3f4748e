#pragma once
// The report people read in a terminal: location, severity, rule, message,
// the source line with a caret under the span, a help pointer, one summary line.

#include <string>

#include "scan/scan_result.hpp"

namespace pysec {

struct TextStyle {
    bool color = false;
};

std::string render_text(const ScanResult& result, const TextStyle& style);
// The last line of the text report on its own ("3 findings (...) in N files; ...").
std::string render_summary_line(const ScanSummary& summary);

}  // namespace pysec
