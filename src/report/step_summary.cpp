#include "report/step_summary.hpp"

#include <map>

#include "report/text_report.hpp"

namespace pysec {
namespace {

// Table cells: no pipes, no line breaks, no HTML.
std::string cell(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '|': out += "\\|"; break;
            case '\n':
            case '\r': out += ' '; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string location_cell(const Finding& finding, const std::string& blob_url) {
    const Span& span = finding.location.span;
    std::string label = finding.location.path + ":" + std::to_string(span.begin.line);
    if (blob_url.empty()) return "`" + cell(label) + "`";
    std::string anchor = "#L" + std::to_string(span.begin.line);
    if (span.end.line > span.begin.line) anchor += "-L" + std::to_string(span.end.line);
    return "[" + cell(label) + "](" + blob_url + "/" + finding.location.path + anchor + ")";
}

std::string_view severity_icon(Severity severity) {
    switch (severity) {
        case Severity::High: return "🔴";
        case Severity::Medium: return "🟠";
        case Severity::Low: return "🟡";
        case Severity::Informational: return "🔵";
    }
    return "";
}

}  // namespace

std::string render_step_summary(const ScanResult& result, const StepSummaryContext& context) {
    const ScanSummary& summary = result.summary;
    bool fails = context.fail_on.reached_by(summary.highest);
    std::string fail_on = context.fail_on.threshold ? std::string(to_string(*context.fail_on.threshold)) : "never";
    std::string out = "## pysec: ";
    out += summary.shown() == 0 ? "no findings" : std::string(fails ? "❌ " : "⚠️ ") + render_summary_line(summary);
    out += "\n\n";
    out += fails ? "The audit fails: at least one finding is at or above `fail-on: " + fail_on + "`.\n\n"
                 : "The audit passes (`fail-on: " + fail_on + "`).\n\n";

    if (summary.shown() > 0) {
        out += "| Severity | Findings |\n|---|---:|\n";
        for (int level = 3; level >= 0; --level) {
            std::size_t count = summary.by_severity[static_cast<std::size_t>(level)];
            if (count == 0) continue;
            auto severity = static_cast<Severity>(level);
            out += "| " + std::string(severity_icon(severity)) + " " + std::string(to_string(severity)) + " | " +
                   std::to_string(count) + " |\n";
        }
        std::map<std::string, std::size_t> by_rule;
        for (const Finding& finding : result.findings) ++by_rule[finding.rule_id];
        out += "\n| Rule | Findings |\n|---|---:|\n";
        for (const auto& [rule, count] : by_rule) out += "| `" + rule + "` | " + std::to_string(count) + " |\n";

        out += "\n### Findings\n\n| Severity | Rule | Location | Message |\n|---|---|---|---|\n";
        std::size_t written = 0;
        for (const Finding& finding : result.findings) {
            std::string row = "| " + std::string(severity_icon(finding.severity)) + " " +
                              std::string(to_string(finding.severity)) + " | `" + finding.rule_id + "` | " +
                              location_cell(finding, context.blob_url) + " | " + cell(finding.message) + " |\n";
            if (out.size() + row.size() + 512 > context.max_bytes) break;
            out += row;
            ++written;
        }
        if (written < result.findings.size()) {
            out += "\n_" + std::to_string(result.findings.size() - written) +
                   " more findings are not listed: the job summary is limited to 1 MiB. Run the command below or "
                   "use the SARIF output for the full list._\n";
        }
    }
    out += "\n_" + std::to_string(summary.ignored) + " ignored, " + std::to_string(summary.suppressed) +
           " suppressed; " + std::to_string(summary.files_scanned) + " files scanned from " +
           cell(result.source_description) + "._\n";
    if (!context.reproduce_command.empty()) {
        out += "\nReproduce locally: `" + context.reproduce_command + "`\n";
    }
    return out;
}

}  // namespace pysec
