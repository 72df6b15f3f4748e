#include "cli/report_format.hpp"

#include "report/json_report.hpp"
#include "report/sarif_report.hpp"
#include "report/text_report.hpp"
#include "report/workflow_commands.hpp"

namespace pysec {

std::optional<ReportFormat> parse_report_format(std::string_view text) {
    if (text == "text") return ReportFormat::Text;
    if (text == "json") return ReportFormat::Json;
    if (text == "sarif") return ReportFormat::Sarif;
    if (text == "github") return ReportFormat::Github;
    return std::nullopt;
}

std::string render_report(const ScanResult& result, ReportFormat format, bool color) {
    switch (format) {
        case ReportFormat::Text: return render_text(result, TextStyle{color});
        case ReportFormat::Json: return render_json(result);
        case ReportFormat::Sarif: return render_sarif(result);
        case ReportFormat::Github: return render_workflow_commands(result);
    }
    return {};
}

}  // namespace pysec
