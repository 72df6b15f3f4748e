#include "parse/requirements_file.hpp"

#include <algorithm>
#include <array>

namespace pysec {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// A line after continuations are joined: its characters and, for each, the
// offset in the file it came from (plus one past the end).
struct LogicalLine {
    std::string text;
    std::vector<std::size_t> offsets;

    void append(std::string_view part, std::size_t offset) {
        for (std::size_t i = 0; i < part.size(); ++i) {
            text += part[i];
            offsets.push_back(offset + i);
        }
    }
    std::size_t offset(std::size_t index) const {
        if (index < offsets.size()) return offsets[index];
        return offsets.empty() ? 0 : offsets.back() + 1;
    }
    // The file offset just after characters [begin, end) of the line.
    std::size_t end_offset(std::size_t begin, std::size_t end) const {
        return end > begin ? offset(end - 1) + 1 : offset(begin);
    }
};

// pip's COMMENT_RE: `(^|\s+)#.*$`.  Returns where the comment (with the
// blanks before it) starts, or npos.
std::size_t comment_start(std::string_view line) {
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != '#' || (i > 0 && !is_space(line[i - 1]))) continue;
        std::size_t start = i;
        while (start > 0 && is_space(line[start - 1])) --start;
        return start;
    }
    return std::string_view::npos;
}

std::vector<LogicalLine> join_lines(std::string_view text) {
    std::vector<LogicalLine> lines;
    LogicalLine pending;
    bool continuing = false;
    std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (start <= text.size()) {
        std::size_t newline = text.find('\n', start);
        std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        if (end > start && text[end - 1] == '\r') --end;
        std::string_view line = text.substr(start, end - start);
        bool has_comment = comment_start(line) != std::string_view::npos;
        if (!line.ends_with('\\') || has_comment) {
            pending.append(line, start);
            lines.push_back(std::move(pending));
            pending = LogicalLine{};
            continuing = false;
        } else {
            // pip strips every backslash at both ends of a continued line.
            std::size_t left = 0;
            while (left < line.size() && line[left] == '\\') ++left;
            std::size_t right = line.size();
            while (right > left && line[right - 1] == '\\') --right;
            pending.append(line.substr(left, right - left), start + left);
            continuing = true;
        }
        if (newline == std::string_view::npos) break;
        start = newline + 1;
    }
    if (continuing) lines.push_back(std::move(pending));
    return lines;
}

struct OptionSpec {
    std::string_view name;
    char short_name;
    bool takes_value;
};

// pip's SUPPORTED_OPTIONS and SUPPORTED_OPTIONS_REQ.
constexpr std::array option_specs = {
    OptionSpec{"index-url", 'i', true},       OptionSpec{"extra-index-url", 0, true},
    OptionSpec{"no-index", 0, false},         OptionSpec{"constraint", 'c', true},
    OptionSpec{"requirement", 'r', true},     OptionSpec{"editable", 'e', true},
    OptionSpec{"find-links", 'f', true},      OptionSpec{"no-binary", 0, true},
    OptionSpec{"only-binary", 0, true},       OptionSpec{"prefer-binary", 0, false},
    OptionSpec{"require-hashes", 0, false},   OptionSpec{"pre", 0, false},
    OptionSpec{"trusted-host", 0, true},      OptionSpec{"use-feature", 0, true},
    OptionSpec{"global-option", 0, true},     OptionSpec{"config-settings", 0, true},
    OptionSpec{"hash", 0, true},
};

// optparse accepts any unambiguous prefix of a long option.
const OptionSpec* find_long(std::string_view name, std::string& error) {
    const OptionSpec* found = nullptr;
    for (const OptionSpec& spec : option_specs) {
        if (spec.name == name) return &spec;
        if (spec.name.starts_with(name)) {
            if (found) {
                error = "ambiguous option --" + std::string(name);
                return nullptr;
            }
            found = &spec;
        }
    }
    if (!found) error = "no such option: --" + std::string(name);
    return found;
}

const OptionSpec* find_short(char name) {
    for (const OptionSpec& spec : option_specs) {
        if (spec.short_name == name) return &spec;
    }
    return nullptr;
}

struct Token {
    std::string text;      // shell-unquoted
    std::size_t begin;     // index in the logical line
    std::size_t end;
};

// Python's shlex.split (POSIX mode) with positions.
std::vector<Token> shell_split(std::string_view text, std::size_t base) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_space(text[i])) ++i;
        if (i >= text.size()) break;
        Token token{"", base + i, 0};
        char quote = 0;
        while (i < text.size() && (quote || !is_space(text[i]))) {
            char c = text[i];
            if (quote == '\'') {
                if (c == '\'') quote = 0;
                else token.text += c;
            } else if (quote == '"') {
                if (c == '"') quote = 0;
                else if (c == '\\' && i + 1 < text.size() && (text[i + 1] == '"' || text[i + 1] == '\\')) token.text += text[++i];
                else token.text += c;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\' && i + 1 < text.size()) {
                token.text += text[++i];
            } else {
                token.text += c;
            }
            ++i;
        }
        token.end = base + i;
        tokens.push_back(std::move(token));
    }
    return tokens;
}

// Parses the options part; returns an error message, or "" when pip would accept it.
std::string parse_options(const std::vector<Token>& tokens, const LogicalLine& line, RequirementEntry& entry) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        std::string_view text = token.text;
        if (!text.starts_with("-") || text == "-") continue;  // optparse leaves positional words alone
        const OptionSpec* spec = nullptr;
        std::string value;
        bool has_value = false;
        std::size_t value_begin = 0;
        std::size_t value_end = 0;
        std::size_t end = token.end;
        std::string error;
        if (text.starts_with("--")) {
            std::string_view body = text.substr(2);
            auto equals = body.find('=');
            spec = find_long(body.substr(0, equals), error);
            if (!spec) return error;
            if (equals != std::string_view::npos) {
                if (!spec->takes_value) return "--" + std::string(spec->name) + " option does not take a value";
                value = body.substr(equals + 1);
                has_value = true;
                value_begin = token.begin + 2 + equals + 1;
                value_end = token.end;
            }
        } else {
            spec = find_short(text[1]);
            if (!spec) return "no such option: " + std::string(text.substr(0, 2));
            if (text.size() > 2) {
                value = text.substr(2);
                has_value = true;
                value_begin = token.begin + 2;
                value_end = token.end;
            }
        }
        if (spec->takes_value && !has_value) {
            if (i + 1 >= tokens.size()) return std::string(text) + " option requires an argument";
            const Token& next = tokens[++i];
            value = next.text;
            value_begin = next.begin;
            value_end = next.end;
            end = next.end;
        }
        bool valued = has_value || spec->takes_value;
        entry.options.push_back(RequirementOption{std::string(spec->name), std::move(value), line.offset(token.begin),
                                                  line.end_offset(token.begin, end),
                                                  valued ? line.offset(value_begin) : 0,
                                                  valued ? line.end_offset(value_begin, value_end) : 0});
    }
    return {};
}

RequirementEntry parse_line(const LogicalLine& line) {
    std::string_view text = line.text;
    std::size_t cut = comment_start(text);
    if (cut != std::string_view::npos) text = text.substr(0, cut);
    std::size_t first = 0;
    while (first < text.size() && is_space(text[first])) ++first;
    std::size_t last = text.size();
    while (last > first && is_space(text[last - 1])) --last;
    RequirementEntry entry;
    entry.begin = line.offset(first);
    entry.end = line.end_offset(first, last);
    std::string_view content = text.substr(first, last - first);
    // break_args_options: the words (split on single spaces) before the
    // first one that starts with `-`.
    std::size_t split = 0;
    while (split < content.size()) {
        std::size_t word_end = content.find(' ', split);
        if (word_end == std::string_view::npos) word_end = content.size();
        if (content.substr(split, word_end - split).starts_with("-")) break;
        split = word_end + 1;
    }
    split = std::min(split, content.size());
    std::string_view arguments = content.substr(0, split);
    while (!arguments.empty() && is_space(arguments.back())) arguments.remove_suffix(1);
    std::vector<Token> tokens = shell_split(content.substr(split), first + split);
    std::string error = parse_options(tokens, line, entry);
    if (!error.empty()) {
        entry.kind = RequirementEntry::Kind::Invalid;
        entry.error = std::move(error);
        return entry;
    }
    if (!arguments.empty()) {
        entry.kind = RequirementEntry::Kind::Requirement;
        entry.requirement = arguments;
        entry.requirement_begin = line.offset(first);
        entry.requirement_end = line.end_offset(first, first + arguments.size());
    } else if (const RequirementOption* editable = entry.option("editable")) {
        entry.kind = RequirementEntry::Kind::Editable;
        entry.requirement = editable->value;
        entry.requirement_begin = editable->value_begin;
        entry.requirement_end = editable->value_end;
    } else {
        entry.kind = RequirementEntry::Kind::Options;
    }
    return entry;
}

}  // namespace

const RequirementOption* RequirementEntry::option(std::string_view name) const {
    for (const RequirementOption& option : options) {
        if (option.name == name) return &option;
    }
    return nullptr;
}

std::vector<const RequirementOption*> RequirementEntry::all(std::string_view name) const {
    std::vector<const RequirementOption*> result;
    for (const RequirementOption& option : options) {
        if (option.name == name) result.push_back(&option);
    }
    return result;
}

RequirementsFile parse_requirements_file(std::string_view text) {
    RequirementsFile file;
    for (const LogicalLine& line : join_lines(text)) {
        std::string_view content = line.text;
        std::size_t cut = comment_start(content);
        if (cut != std::string_view::npos) content = content.substr(0, cut);
        if (std::all_of(content.begin(), content.end(), is_space)) continue;
        file.entries.push_back(parse_line(line));
    }
    return file;
}

}  // namespace pysec
