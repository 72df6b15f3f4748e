#include "report/text_report.hpp"

#include <algorithm>

#include "core/secret_tokens.hpp"
#include "core/text.hpp"
#include "core/url_parts.hpp"

namespace pysec {
namespace {

struct Palette {
    bool on;
    std::string paint(std::string_view text, std::string_view code) const {
        if (!on) return std::string(text);
        return "\x1b[" + std::string(code) + "m" + std::string(text) + "\x1b[0m";
    }
    static std::string_view severity_code(Severity severity) {
        switch (severity) {
            case Severity::High: return "1;31";
            case Severity::Medium: return "1;33";
            case Severity::Low: return "1;34";
            case Severity::Informational: return "1;36";
        }
        return "0";
    }
};

std::string position_text(const Location& location) {
    return location.path + ":" + std::to_string(location.span.begin.line) + ":" +
           std::to_string(location.span.begin.column);
}

// The caret line keeps the source's tabs so that it lines up under them.
std::string caret_line(std::string_view source_line, const Span& span) {
    std::string line;
    std::uint32_t column = 1;
    std::size_t offset = 0;
    for (; column < span.begin.column && offset < source_line.size(); ++column) {
        line += source_line[offset] == '\t' ? '\t' : ' ';
        ++offset;
        while (offset < source_line.size() && (static_cast<unsigned char>(source_line[offset]) & 0xC0) == 0x80) {
            ++offset;
        }
    }
    std::uint32_t line_length = static_cast<std::uint32_t>(count_code_points(source_line)) + 1;
    std::uint32_t end_column = span.end.line == span.begin.line ? span.end.column : line_length;
    std::uint32_t width = end_column > span.begin.column ? end_column - span.begin.column : 1;
    line += std::string(width, '^');
    return line;
}

// `line` with the span's text (to the end of the line when it goes on) replaced by `****`.
std::string redacted_line(std::string_view line, Span& span) {
    std::size_t begin = 0;
    std::size_t column = 1;
    auto advance = [&](std::size_t& offset) {
        ++offset;
        while (offset < line.size() && (static_cast<unsigned char>(line[offset]) & 0xC0) == 0x80) ++offset;
    };
    for (; column < span.begin.column && begin < line.size(); ++column) advance(begin);
    std::size_t end = begin;
    if (span.end.line == span.begin.line) {
        for (; column < span.end.column && end < line.size(); ++column) advance(end);
    } else {
        end = line.size();
    }
    span.end = {span.begin.line, span.begin.column + 4};
    return std::string(line.substr(0, begin)) + "****" + std::string(line.substr(end));
}

void render_finding(std::string& out, const Finding& finding, const Project* project, const Palette& palette) {
    const Location& location = finding.location;
    out += palette.paint(position_text(location), "1");
    out += ": ";
    out += palette.paint(to_string(finding.severity), Palette::severity_code(finding.severity));
    out += ' ';
    out += palette.paint(finding.rule_id, "1");
    out += ": ";
    out += finding.message;
    out += '\n';

    const Document* document = project ? project->document(location.path) : nullptr;
    const std::uint32_t line_number = location.span.begin.line;
    if (document && line_number >= 1 && line_number <= document->lines().line_count()) {
        std::string number = std::to_string(line_number);
        std::string gutter(number.size(), ' ');
        // Whatever the finding, a token or a URL's password on the quoted line is never printed.
        std::string source_line = mask_url_credentials(mask_secret_tokens(document->lines().line(line_number)));
        Span span = location.span;
        if (finding.redact_source) source_line = redacted_line(source_line, span);
        out += gutter + " |\n";
        out += number + " | " + source_line + "\n";
        out += gutter + " | " + palette.paint(caret_line(source_line, span), Palette::severity_code(finding.severity));
        if (span.end.line > line_number) {
            out += " (to line " + std::to_string(location.span.end.line) + ")";
        }
        out += '\n';
    }
    std::string indent = "   = ";
    for (const Location& related : finding.related) {
        out += indent + "note: " + position_text(related) + (related.message.empty() ? "" : ": " + related.message) +
               "\n";
    }
    if (!finding.help.empty()) {
        std::string help = finding.help;
        std::string::size_type at = 0;
        while ((at = help.find('\n', at)) != std::string::npos) {
            help.insert(at + 1, "           ");
            at += 12;
        }
        out += indent + "fix: " + help + "\n";
    }
    out += indent + "help: pysec rules " + finding.rule_id + "\n\n";
}

std::string plural(std::size_t count, std::string_view word) {
    return std::to_string(count) + " " + std::string(word) + (count == 1 ? "" : "s");
}

}  // namespace

std::string render_summary_line(const ScanSummary& summary) {
    std::string line;
    std::size_t shown = summary.shown();
    if (shown == 0) {
        line = "No findings";
    } else {
        line = plural(shown, "finding") + " (";
        bool first = true;
        for (int level = 3; level >= 0; --level) {
            std::size_t count = summary.by_severity[static_cast<std::size_t>(level)];
            if (count == 0) continue;
            if (!first) line += ", ";
            line += std::to_string(count) + " " + std::string(to_string(static_cast<Severity>(level)));
            first = false;
        }
        line += ")";
    }
    line += " in " + plural(summary.files_scanned, "file") + "; " + std::to_string(summary.ignored) + " ignored, " +
            std::to_string(summary.suppressed) + " suppressed";
    return line;
}

std::string render_text(const ScanResult& result, const TextStyle& style) {
    Palette palette{style.color};
    std::string out;
    for (const Finding& finding : result.findings) render_finding(out, finding, result.project.get(), palette);
    out += render_summary_line(result.summary) + "\n";
    return out;
}

}  // namespace pysec
