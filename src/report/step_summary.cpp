#include "report/step_summary.hpp"

#include <map>

#include "inventory/file_kind.hpp"
#include "report/text_report.hpp"
#include "report/uri.hpp"

namespace pysec {
namespace {

// Past this many findings, each file's table is folded into <details>.
constexpr std::size_t fold_threshold = 30;

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

std::string line_cell(const Finding& finding, const std::string& blob_url) {
    const Span& span = finding.location.span;
    std::string label = std::to_string(span.begin.line);
    if (blob_url.empty()) return label;
    std::string anchor = "#L" + std::to_string(span.begin.line);
    if (span.end.line > span.begin.line) anchor += "-L" + std::to_string(span.end.line);
    return "[" + label + "](" + blob_url + "/" + path_to_uri(finding.location.path) + anchor + ")";
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

std::string severity_cell(Severity severity) {
    return std::string(severity_icon(severity)) + " " + std::string(to_string(severity));
}

void counts(std::string& out, const ScanResult& result) {
    out += "| Severity | Findings |\n|---|---:|\n";
    for (int level = 3; level >= 0; --level) {
        std::size_t count = result.summary.by_severity[static_cast<std::size_t>(level)];
        if (count) out += "| " + severity_cell(static_cast<Severity>(level)) + " | " + std::to_string(count) + " |\n";
    }
    std::map<std::string, std::pair<Severity, std::size_t>> by_rule;
    for (const Finding& finding : result.findings) {
        auto& [severity, count] = by_rule.try_emplace(finding.rule_id, finding.severity, 0).first->second;
        severity = std::max(severity, finding.severity);
        ++count;
    }
    out += "\n| Rule | Highest severity | Findings |\n|---|---|---:|\n";
    for (const auto& [rule, entry] : by_rule) {
        out += "| `" + rule + "` | " + severity_cell(entry.first) + " | " + std::to_string(entry.second) + " |\n";
    }
}

// One table per file, in path order; folded when the report is long.  Stops
// before `budget` bytes and says how many findings it left out.
void findings_by_file(std::string& out, const ScanResult& result, const std::string& blob_url, std::size_t budget) {
    std::map<std::string, std::vector<const Finding*>> by_file;
    for (const Finding& finding : result.findings) by_file[finding.location.path].push_back(&finding);
    bool fold = result.findings.size() > fold_threshold;
    std::size_t written = 0;
    out += "\n### Findings\n";
    for (const auto& [path, findings] : by_file) {
        std::string section;
        std::string heading = "`" + cell(path) + "` (" + std::to_string(findings.size()) + ")";
        section += fold ? "\n<details><summary>" + heading + "</summary>\n\n" : "\n#### " + heading + "\n\n";
        section += "| Severity | Rule | Line | Message |\n|---|---|---:|---|\n";
        std::size_t rows = 0;
        for (const Finding* finding : findings) {
            std::string row = "| " + severity_cell(finding->severity) + " | `" + finding->rule_id + "` | " +
                              line_cell(*finding, blob_url) + " | " + cell(finding->message) + " |\n";
            if (out.size() + section.size() + row.size() + 1024 > budget) break;
            section += row;
            ++rows;
        }
        if (fold) section += "\n</details>\n";
        if (rows == 0) break;
        out += section;
        written += rows;
        if (rows < findings.size()) break;
    }
    if (written < result.findings.size()) {
        out += "\n_" + std::to_string(result.findings.size() - written) +
               " more findings are not listed: GitHub drops a job summary over 1 MiB. The SARIF report and "
               "the command below list them all._\n";
    }
}

void scanned_inputs(std::string& out, const ScanResult& result) {
    std::map<std::string, std::size_t> by_kind;
    if (result.project) {
        for (const ProjectFile& file : result.project->files()) ++by_kind[std::string(to_string(file.kind))];
    }
    out += "\n### What was scanned\n\n" + std::to_string(result.summary.files_scanned) + " files from " +
           cell(result.source_description);
    if (!by_kind.empty()) {
        out += ": ";
        bool first = true;
        for (const auto& [kind, count] : by_kind) {
            out += (first ? "" : ", ") + std::to_string(count) + " " + kind;
            first = false;
        }
    }
    out += ".\n\n" + std::to_string(result.summary.ignored) + " findings ignored (by the config's `ignore:` or a " +
           "`# pysec: ignore[...]` comment) and " + std::to_string(result.summary.suppressed) +
           " suppressed (below `min-severity` or `min-confidence`, or beyond the `persona`).\n";
    if (!result.notices.messages().empty()) {
        out += "\n<details><summary>Notices (" + std::to_string(result.notices.messages().size()) + ")</summary>\n\n";
        for (const std::string& notice : result.notices.messages()) out += "- " + cell(notice) + "\n";
        out += "\n</details>\n";
    }
}

}  // namespace

std::string render_step_summary(const ScanResult& result, const StepSummaryContext& context) {
    const ScanSummary& summary = result.summary;
    bool fails = context.fail_on.reached_by(summary.highest);
    std::string fail_on = context.fail_on.threshold ? std::string(to_string(*context.fail_on.threshold)) : "never";
    std::string out = "## pysec: ";
    out += summary.shown() == 0 ? "✅ no findings" : std::string(fails ? "❌ " : "⚠️ ") + render_summary_line(summary);
    out += "\n\n";
    out += fails ? "The audit fails: at least one finding is at or above `fail-on: " + fail_on + "`.\n"
                 : "The audit passes (`fail-on: " + fail_on + "`).\n";
    if (!context.annotations_note.empty()) out += "\n" + context.annotations_note + "\n";
    if (summary.shown() > 0) {
        out += "\n";
        counts(out, result);
    }

    // The tail is small and always fits; the findings get what is left.
    std::string tail;
    scanned_inputs(tail, result);
    if (!context.reproduce_command.empty()) {
        tail += "\n### Reproduce locally\n\n```sh\n" + context.reproduce_command + "\n```\n";
    }
    if (summary.shown() > 0) {
        std::size_t budget = context.max_bytes > tail.size() ? context.max_bytes - tail.size() : 0;
        findings_by_file(out, result, context.blob_url, budget);
    }
    return out + tail;
}

}  // namespace pysec
