#include "report/severity_mapping.hpp"

namespace pysec {

std::string_view sarif_level(Severity severity) {
    switch (severity) {
        case Severity::High: return "error";
        case Severity::Medium: return "warning";
        default: return "note";
    }
}

std::string_view security_severity_score(Severity severity) {
    switch (severity) {
        case Severity::High: return "8.0";
        case Severity::Medium: return "5.5";
        case Severity::Low: return "3.0";
        case Severity::Informational: return "1.0";
    }
    return "1.0";
}

std::string_view workflow_command_level(Severity severity) {
    switch (severity) {
        case Severity::High: return "error";
        case Severity::Medium: return "warning";
        default: return "notice";
    }
}

}  // namespace pysec
