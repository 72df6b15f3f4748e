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

namespace {

nlohmann::json finding_json(const Finding& finding) {
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
    return item;
}

// Paths may hold bytes that are not UTF-8; replace them rather than fail.
std::string dump(const nlohmann::json& json) {
    return json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

void append_indented(std::string& out, const std::string& text, std::string_view indent) {
    out += indent;
    for (char c : text) {
        out += c;
        if (c == '\n') out += indent;
    }
}

}  // namespace

// The findings are written one at a time rather than built into one JSON
// tree: a scan of thousands of workflows can have a hundred thousand of them.
// The output is what `dump(2)` of the whole document would give.
std::string render_json(const ScanResult& result) {
    const ScanSummary& summary = result.summary;
    nlohmann::json by_severity = nlohmann::json::object();
    for (int level = 3; level >= 0; --level) {
        by_severity[std::string(to_string(static_cast<Severity>(level)))] =
            summary.by_severity[static_cast<std::size_t>(level)];
    }
    // Object keys come out sorted, so "findings" is first.
    nlohmann::json rest = {
        {"version", json_report_version},
        {"tool", {{"name", "pysec"}, {"version", PYSEC_VERSION}}},
        {"source", result.source_description},
        {"summary",
         {{"total", summary.shown()},
          {"by_severity", std::move(by_severity)},
          {"highest_severity", summary.highest ? nlohmann::json(to_string(*summary.highest)) : nlohmann::json()},
          {"ignored", summary.ignored},
          {"suppressed", summary.suppressed},
          {"files_scanned", summary.files_scanned}}},
        {"notices", result.notices.messages()},
    };
    std::string out = "{\n  \"findings\": [";
    for (std::size_t i = 0; i < result.findings.size(); ++i) {
        out += i == 0 ? "\n" : ",\n";
        append_indented(out, dump(finding_json(result.findings[i])), "    ");
    }
    out += result.findings.empty() ? "],\n" : "\n  ],\n";
    out += dump(rest).substr(2);  // without its opening "{\n"
    return out + "\n";
}

}  // namespace pysec
