#include "report/workflow_commands.hpp"

#include <algorithm>
#include <map>

#include "report/severity_mapping.hpp"

namespace pysec {

std::string escape_command_data(std::string_view text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '%': out += "%25"; break;
            case '\r': out += "%0D"; break;
            case '\n': out += "%0A"; break;
            default: out += c;
        }
    }
    return out;
}

std::string escape_command_property(std::string_view text) {
    std::string out;
    for (char c : escape_command_data(text)) {
        switch (c) {
            case ':': out += "%3A"; break;
            case ',': out += "%2C"; break;
            default: out += c;
        }
    }
    return out;
}

std::string render_workflow_commands(const ScanResult& result, std::size_t per_level) {
    std::vector<const Finding*> ordered;
    for (const Finding& finding : result.findings) ordered.push_back(&finding);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
    std::map<std::string_view, std::size_t> emitted;
    std::size_t left_out = 0;
    std::string out;
    for (const Finding* finding : ordered) {
        std::string_view level = workflow_command_level(finding->severity);
        if (per_level && emitted[level] >= per_level) {
            ++left_out;
            continue;
        }
        ++emitted[level];
        const Span& span = finding->location.span;
        std::string message = finding->message;
        if (!finding->help.empty()) message += "\n\nFix: " + finding->help;
        message += "\n\nDocs: pysec rules " + finding->rule_id;
        out += "::" + std::string(level) + " file=" + escape_command_property(finding->location.path) +
               ",line=" + std::to_string(span.begin.line) + ",endLine=" + std::to_string(span.end.line) +
               ",col=" + std::to_string(span.begin.column);
        if (span.end.line == span.begin.line) out += ",endColumn=" + std::to_string(span.end.column);
        out += ",title=" +
               escape_command_property("pysec " + finding->rule_id + " (" + std::string(to_string(finding->severity)) + ")") +
               "::" + escape_command_data(message) + "\n";
    }
    if (left_out) {
        out += "pysec: " + std::to_string(left_out) + " more finding" + (left_out == 1 ? "" : "s") +
               " not shown as annotations (GitHub shows at most " + std::to_string(per_level) +
               " per level); see the job summary or the report above\n";
    }
    return out;
}

}  // namespace pysec
