#include "rules/python/requirement_hashes.hpp"

#include "core/text.hpp"

namespace pysec {
namespace {

struct LogicalLine {
    std::string text;
    std::size_t begin;  // offset of its first character in the file
};

// Joins `\` continuations and drops comments (` #` or a line starting with `#`).
std::vector<LogicalLine> logical_lines(std::string_view text) {
    std::vector<LogicalLine> lines;
    LogicalLine current{{}, 0};
    bool continuing = false;
    std::size_t position = 0;
    while (position <= text.size()) {
        std::size_t end = text.find('\n', position);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(position, end - position);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!continuing) current = LogicalLine{{}, position};
        // A comment starts at `#` at the beginning or after whitespace.
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
                line = line.substr(0, i);
                break;
            }
        }
        std::string_view trimmed = trim(line);
        continuing = !trimmed.empty() && trimmed.back() == '\\';
        if (continuing) trimmed.remove_suffix(1);
        current.text += std::string(trimmed);
        current.text += ' ';
        if (!continuing && !trim(current.text).empty()) lines.push_back(current);
        if (end == text.size()) break;
        position = end + 1;
    }
    if (continuing && !trim(current.text).empty()) lines.push_back(current);
    return lines;
}

std::string_view first_word(std::string_view text) {
    text = trim(text);
    auto space = text.find_first_of(" \t");
    return space == std::string_view::npos ? text : text.substr(0, space);
}

// The value of `-r x`, `-rx`, `--requirement x`, `--requirement=x`.
std::optional<std::string> include_target(std::string_view line) {
    line = trim(line);
    for (std::string_view name : {"--requirement", "-r"}) {
        if (!line.starts_with(name)) continue;
        std::string_view rest = line.substr(name.size());
        if (name == "--requirement" && !rest.empty() && rest.front() != '=' && rest.front() != ' ') return std::nullopt;
        if (!rest.empty() && rest.front() == '=') rest.remove_prefix(1);
        rest = trim(rest);
        if (rest.empty()) return std::nullopt;
        return std::string(first_word(rest));
    }
    return std::nullopt;
}

}  // namespace

RequirementHashSummary summarize_requirement_hashes(std::string_view text) {
    RequirementHashSummary summary;
    for (const LogicalLine& line : logical_lines(text)) {
        std::string_view content = trim(line.text);
        std::string_view word = first_word(content);
        if (word == "-e" || word.starts_with("--editable")) {
            ++summary.requirements;  // editable requirements cannot be hashed
            if (!summary.first_unhashed) summary.first_unhashed = line.begin;
            continue;
        }
        if (content.starts_with("-")) {
            if (auto target = include_target(content)) summary.includes.push_back(*target);
            if (word == "--require-hashes") summary.require_hashes_option = true;
            continue;
        }
        ++summary.requirements;
        if (content.find("--hash=") != std::string_view::npos || content.find("--hash ") != std::string_view::npos) {
            ++summary.hashed;
        } else if (!summary.first_unhashed) {
            summary.first_unhashed = line.begin;
        }
    }
    return summary;
}

}  // namespace pysec
