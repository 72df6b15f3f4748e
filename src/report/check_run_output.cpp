#include "report/check_run_output.hpp"

#include <algorithm>

#include "report/text_report.hpp"

namespace pysec {
namespace {

std::string_view annotation_level(Severity severity) {
    switch (severity) {
        case Severity::High: return "failure";
        case Severity::Medium: return "warning";
        default: return "notice";
    }
}

// GitHub caps messages and details at 64 KB and titles at 255 characters.
std::string capped(std::string text, std::size_t limit) {
    if (text.size() <= limit) return text;
    std::size_t cut = limit - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // whole code points
    text.resize(cut);
    return text + "...";
}

}  // namespace

std::vector<const Finding*> annotated_findings(const ScanResult& result, std::size_t cap) {
    std::vector<const Finding*> ordered;
    for (const Finding& finding : result.findings) ordered.push_back(&finding);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
    if (ordered.size() > cap) ordered.resize(cap);
    return ordered;
}

nlohmann::json check_run_annotation(const Finding& finding) {
    const Span& span = finding.location.span;
    nlohmann::json annotation = {
        {"path", finding.location.path},
        {"start_line", span.begin.line},
        {"end_line", std::max(span.end.line, span.begin.line)},
        {"annotation_level", annotation_level(finding.severity)},
        {"message", capped(finding.message, 64000)},
        {"title", capped("pysec: " + finding.rule_id + " (" + std::string(to_string(finding.severity)) + ")", 255)},
    };
    // Columns only on one line; GitHub's end column is the last character.
    if (span.end.line == span.begin.line) {
        annotation["start_column"] = span.begin.column;
        annotation["end_column"] = std::max(span.begin.column, span.end.column > 1 ? span.end.column - 1 : 1u);
    }
    std::string details;
    if (!finding.help.empty()) details += "Fix:\n" + finding.help + "\n\n";
    details += "Documentation: pysec rules " + finding.rule_id + "\nConfidence: " +
               std::string(to_string(finding.confidence)) + "\nFingerprint: " + finding.fingerprint;
    annotation["raw_details"] = capped(details, 64000);
    return annotation;
}

std::string check_run_conclusion(const ScanResult& result, FailOn fail_on) {
    if (fail_on.reached_by(result.summary.highest)) return "failure";
    return result.summary.shown() == 0 ? "success" : "neutral";
}

std::string check_run_title(const ScanResult& result) {
    std::size_t shown = result.summary.shown();
    if (shown == 0) return "No findings";
    return std::to_string(shown) + (shown == 1 ? " finding" : " findings") + ", highest severity " +
           std::string(to_string(*result.summary.highest));
}

std::string check_run_summary(const ScanResult& result, FailOn fail_on, std::size_t annotated) {
    const ScanSummary& summary = result.summary;
    std::string fail_on_text = fail_on.threshold ? std::string(to_string(*fail_on.threshold)) : "never";
    std::string out = render_summary_line(summary) + "\n\n";
    out += fail_on.reached_by(summary.highest) ? "The audit fails (`fail-on: " + fail_on_text + "`).\n\n"
                                               : "The audit passes (`fail-on: " + fail_on_text + "`).\n\n";
    if (summary.shown() > 0) {
        out += "| Severity | Findings |\n|---|---:|\n";
        for (int level = 3; level >= 0; --level) {
            std::size_t count = summary.by_severity[static_cast<std::size_t>(level)];
            if (count) out += "| " + std::string(to_string(static_cast<Severity>(level))) + " | " + std::to_string(count) + " |\n";
        }
        out += "\n";
    }
    if (annotated < summary.shown()) {
        out += std::to_string(summary.shown() - annotated) + " more findings are not annotated (the cap is " +
               std::to_string(annotated) + "); the job summary and the SARIF report list them all.\n";
    }
    return capped(out, check_run_summary_limit);
}

}  // namespace pysec
