#include "report/rule_docs.hpp"

#include <algorithm>

#include "rules/registry.hpp"

namespace pysec {
namespace {

// Wraps each paragraph at `width` columns with `indent`; lines that start with
// two spaces (code) are kept as they are.
std::string wrap(std::string_view text, std::size_t width, std::string_view indent) {
    std::string out;
    while (!text.empty()) {
        auto newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text = newline == std::string_view::npos ? std::string_view{} : text.substr(newline + 1);
        if (line.starts_with("  ") || line.empty()) {
            out += std::string(indent) + std::string(line) + "\n";
            continue;
        }
        std::string current;
        while (!line.empty()) {
            auto space = line.find(' ');
            std::string_view word = line.substr(0, space);
            line = space == std::string_view::npos ? std::string_view{} : line.substr(space + 1);
            if (!current.empty() && current.size() + 1 + word.size() > width) {
                out += std::string(indent) + current + "\n";
                current.clear();
            }
            if (!current.empty()) current += ' ';
            current += word;
        }
        out += std::string(indent) + current + "\n";
    }
    return out;
}

}  // namespace

std::string render_rule_list() {
    std::size_t width = 0;
    for (const auto& rule : all_rules()) width = std::max(width, rule->info().id.size());
    std::string out;
    for (const auto& rule : all_rules()) {
        const RuleInfo& info = rule->info();
        std::string id(info.id);
        std::string severity(to_string(info.severity));
        out += id + std::string(width + 2 - id.size(), ' ') + severity + std::string(15 - severity.size(), ' ') +
               std::string(info.title) + (info.persona == Persona::Regular ? "" : " [" + std::string(to_string(info.persona)) + "]") +
               "\n";
    }
    return out;
}

std::string render_rule_doc(const RuleInfo& rule) {
    std::string out = std::string(rule.id) + ": " + std::string(rule.title) + "\n";
    out += "severity: " + std::string(to_string(rule.severity)) + "   confidence: " +
           std::string(to_string(rule.confidence)) + "   persona: " + std::string(to_string(rule.persona)) +
           "   family: " + std::string(rule.family) + "\n\n";
    out += "What it finds\n" + wrap(rule.what, 88, "  ") + "\n";
    out += "Why it matters\n" + wrap(rule.why, 88, "  ") + "\n";
    out += "How to fix\n" + wrap(rule.fix, 88, "  ") + "\n";
    out += "Example\n" + wrap(rule.example, 88, "  ");
    out += "\nSilence one finding with a `# pysec: ignore[" + std::string(rule.id) +
           "]` comment on its line, or in .github/pysec.yml:\n  rules:\n    " + std::string(rule.id) +
           ":\n      ignore: [\"path/to/file.yml:LINE\"]\n";
    return out;
}

std::string render_rule_markdown(const RuleInfo& rule) {
    std::string out = "## " + std::string(rule.id) + "\n\n" + std::string(rule.title) + "\n\n";
    out += "### What it finds\n\n" + std::string(rule.what) + "\n\n";
    out += "### Why it matters\n\n" + std::string(rule.why) + "\n\n";
    out += "### How to fix\n\n" + std::string(rule.fix) + "\n\n";
    out += "### Example\n\n```yaml\n" + std::string(rule.example) + "```\n";
    return out;
}

}  // namespace pysec
