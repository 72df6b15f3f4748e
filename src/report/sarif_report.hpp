#pragma once
// `--format sarif`: SARIF 2.1.0, as GitHub code scanning reads it.

#include <string>

#include "scan/scan_result.hpp"

namespace pysec {

std::string render_sarif(const ScanResult& result);

}  // namespace pysec
