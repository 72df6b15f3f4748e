#pragma once
// How pysec's severities read in other vocabularies: SARIF levels, GitHub's
// security-severity scores, and workflow-command / check-run levels.

#include <string_view>

#include "core/severity.hpp"

namespace pysec {

std::string_view sarif_level(Severity severity);             // error | warning | note
std::string_view security_severity_score(Severity severity); // GitHub: >=7 high, >=4 medium, >0 low
std::string_view workflow_command_level(Severity severity);  // error | warning | notice

}  // namespace pysec
