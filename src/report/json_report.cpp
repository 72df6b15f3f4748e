#include "report/json_report.hpp"

namespace pysec {

nlohmann::json location_json(const Location& location) {
    return {
        {"path", location.path},
        {"line", location.span.begin.line},
        {"column", location.span.begin.column},
        {"end_line", location.span.end.line},
        {"end_column", location.span.end.column},
    };
}

std::string render_json(const ScanResult& result) {
    nlohmann::json findings = nlohmann::json::array();
    for (const Finding& finding : result.findings) {
        nlohmann::json item = location_json(finding.location);
        nlohmann::json related = nlohmann::json::array();
        for (const Location& location : finding.related) {
            nlohmann::json entry = location_json(location);
            entry["message"] = location.message;
            related.push_back(std::move(entry));
        }
        item["rule"] = finding.rule_id;
        item["severity"] = to_string(finding.severity);
        item["confidence"] = to_string(finding.confidence);
        item["persona"] = to_string(finding.persona);
        item["message"] = finding.message;
        item["help"] = finding.help;
        item["fingerprint"] = finding.fingerprint;
        item["related"] = std::move(related);
        findings.push_back(std::move(item));
    }
    const ScanSummary& summary = result.summary;
    nlohmann::json by_severity = nlohmann::json::object();
    for (int level = 3; level >= 0; --level) {
        by_severity[std::string(to_string(static_cast<Severity>(level)))] =
            summary.by_severity[static_cast<std::size_t>(level)];
    }
    nlohmann::json document = {
        {"version", json_report_version},
        {"tool", {{"name", "pysec"}, {"version", PYSEC_VERSION}}},
        {"source", result.source_description},
        {"findings", std::move(findings)},
        {"summary",
         {{"total", summary.shown()},
          {"by_severity", std::move(by_severity)},
          {"highest_severity", summary.highest ? nlohmann::json(to_string(*summary.highest)) : nlohmann::json()},
          {"ignored", summary.ignored},
          {"suppressed", summary.suppressed},
          {"files_scanned", summary.files_scanned}}},
        {"notices", result.notices.messages()},
    };
    // Paths may hold bytes that are not UTF-8; replace them rather than fail.
    return document.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace pysec
