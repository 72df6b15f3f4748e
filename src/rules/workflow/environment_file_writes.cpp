#include "rules/workflow/environment_file_writes.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "core/text.hpp"
#include "expr/template.hpp"

namespace pysec {
namespace {

// Variables and contexts the runner sets to paths and names nobody else picks.
constexpr std::array runner_variables = {"HOME",        "GITHUB_WORKSPACE", "RUNNER_TEMP", "RUNNER_TOOL_CACHE",
                                         "GITHUB_ACTION_PATH", "RUNNER_OS",  "RUNNER_ARCH", "PWD"};
constexpr std::array runner_contexts = {"github.workspace", "github.action_path", "runner.temp",
                                        "runner.tool_cache", "runner.os",        "runner.arch"};

bool is_name_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool is_runner_variable(std::string_view name) {
    return std::find(runner_variables.begin(), runner_variables.end(), name) != runner_variables.end();
}

bool is_runner_context(std::string_view path) {
    std::string lower = to_lower(trim(path));
    return std::find(runner_contexts.begin(), runner_contexts.end(), lower) != runner_contexts.end();
}

// Programs whose output is exactly their arguments.
bool prints_arguments(const std::string& program) {
    std::string lower = to_lower(program);
    return lower == "echo" || lower == "printf" || lower == "write-output";
}

// pwsh cmdlets that write their input or `-Value` to a file.
bool is_file_writing_cmdlet(const std::string& program) {
    std::string lower = to_lower(program);
    return lower == "out-file" || lower == "add-content" || lower == "set-content" || lower == "tee-object" ||
           lower == "ac" || lower == "sc";
}

bool is_output_redirect(const std::string& op) {
    if (op.find('<') != std::string::npos) return false;
    if (op.find('>') == std::string::npos) return false;
    return op.find(">&") == std::string::npos || op == "&>" || op == "&>>";
}

const shell::Redirect* heredoc_of(const shell::Command& command) {
    for (const shell::Redirect& redirect : command.redirects) {
        if (redirect.op == "<<" || redirect.op == "<<-" || redirect.op == "<<<") return &redirect;
    }
    return nullptr;
}

bool word_is_fixed(const shell::Word& word) {
    if (word.text.find("${{") != std::string::npos) return expands_only_runner_values(word.text);
    if (!word.expanded) return true;  // quoted `$` or no `$` at all
    return expands_only_runner_values(word.text);
}

bool heredoc_is_fixed(const shell::Redirect& redirect) {
    if (redirect.op == "<<<") return word_is_fixed(redirect.target);
    // A quoted delimiter (`<<'EOF'`) stops the shell expanding the body, but
    // GitHub substitutes `${{ }}` before the shell ever runs.
    if (redirect.target.quoted) {
        return redirect.heredoc_body.find("${{") == std::string::npos ||
               expands_only_runner_values(redirect.heredoc_body);
    }
    return expands_only_runner_values(redirect.heredoc_body);
}

// Whether the output of `command` is fixed text.
bool output_is_fixed(const shell::Command& command) {
    if (const shell::Redirect* heredoc = heredoc_of(command)) {
        std::string program = command.words.empty() ? std::string{} : to_lower(command.words.front().text);
        if (program != "cat" && program != "tee" && !prints_arguments(program)) return false;
        if (!heredoc_is_fixed(*heredoc)) return false;
        if (program == "cat" || program == "tee") return true;
    }
    if (command.words.empty()) return false;  // `{ ...; } >> $GITHUB_ENV`: not followed
    const shell::Word& first = command.words.front();
    // pwsh: a command that is a string (`"X=1" >> $env:GITHUB_ENV`) outputs it.
    bool string_expression = first.quoted && !prints_arguments(first.text);
    if (!string_expression && !prints_arguments(first.text)) return false;
    return std::all_of(command.words.begin(), command.words.end(), word_is_fixed);
}

// The stages of the pipeline that ends at `index`: commands at the same
// depth, first to last (`a | b | c`).
std::vector<std::size_t> pipeline_stages(const std::vector<shell::Command>& commands, std::size_t index) {
    std::vector<std::size_t> stages{index};
    std::size_t current = index;
    while (commands[current].piped_input) {
        std::size_t previous = current;
        bool found = false;
        while (previous > 0) {
            --previous;
            if (commands[previous].depth == commands[current].depth) {
                found = commands[previous].piped_output;
                break;
            }
        }
        if (!found) break;
        current = previous;
        stages.insert(stages.begin(), current);
    }
    return stages;
}

// Where a cmdlet or `tee` writes: the first argument that names an environment file.
std::string target_in_arguments(const shell::Command& command) {
    for (std::size_t i = 1; i < command.words.size(); ++i) {
        std::string file = environment_file_named(command.words[i].text);
        if (!file.empty()) return file;
    }
    return {};
}

// For `Add-Content -Path $env:GITHUB_ENV -Value "X=$y"`: the arguments that are
// neither options nor the path.
bool cmdlet_arguments_are_fixed(const shell::Command& command) {
    bool any = false;
    for (std::size_t i = 1; i < command.words.size(); ++i) {
        const shell::Word& word = command.words[i];
        if (word.text.starts_with("-") && !word.quoted) continue;
        if (!environment_file_named(word.text).empty()) continue;
        any = true;
        if (!word_is_fixed(word)) return false;
    }
    return any;
}

}  // namespace

std::string environment_file_named(const std::string& word) {
    std::string_view text = word;
    if (!text.starts_with('$')) return {};
    text.remove_prefix(1);
    bool braced = text.starts_with('{');
    if (braced) {
        if (!text.ends_with('}')) return {};
        text = text.substr(1, text.size() - 2);
    }
    if (starts_with_icase(text, "env:")) {
        text.remove_prefix(4);
        std::string upper;
        for (char c : text) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (upper == "GITHUB_ENV" || upper == "GITHUB_PATH") return upper;
        return {};
    }
    if (text == "GITHUB_ENV" || text == "GITHUB_PATH") return std::string(text);
    return {};
}

bool expands_only_runner_values(const std::string& text) {
    if (text.find('`') != std::string::npos) return false;
    std::vector<expr::TemplateExpression> expressions = expr::find_template_expressions(text);
    std::size_t next_expression = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '$') continue;
        if (next_expression < expressions.size() && expressions[next_expression].begin == i) {
            if (!is_runner_context(expressions[next_expression].inner(text))) return false;
            i = expressions[next_expression].end - 1;
            ++next_expression;
            continue;
        }
        std::string_view rest = std::string_view(text).substr(i + 1);
        if (rest.starts_with("{{")) return false;  // an expression that never closes
        bool braced = rest.starts_with('{');
        if (braced) rest.remove_prefix(1);
        if (starts_with_icase(rest, "env:")) rest.remove_prefix(4);
        std::size_t length = 0;
        while (length < rest.size() && is_name_char(rest[length])) ++length;
        if (length == 0) {
            // A lone `$` expands nothing; `$(...)`, `$1`, `$@` expand something.
            if (rest.empty() || rest.front() == ' ' || rest.front() == '"' || rest.front() == '\n') continue;
            return false;
        }
        std::string name(rest.substr(0, length));
        std::string upper;
        for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        if (!is_runner_variable(upper)) return false;
        if (braced && (length >= rest.size() || rest[length] != '}')) return false;  // ${HOME:-x}, ${X/a/b}
    }
    return true;
}

std::vector<EnvironmentFileWrite> environment_file_writes(const std::vector<shell::Command>& commands) {
    std::vector<EnvironmentFileWrite> writes;
    for (std::size_t i = 0; i < commands.size(); ++i) {
        const shell::Command& command = commands[i];
        std::vector<std::size_t> stages = pipeline_stages(commands, i);
        std::size_t begin = commands[stages.front()].begin;
        for (const shell::Redirect& redirect : command.redirects) {
            if (!is_output_redirect(redirect.op)) continue;
            std::string file = environment_file_named(redirect.target.text);
            if (file.empty()) continue;
            writes.push_back({file, begin, command.end, stages.size() == 1 && output_is_fixed(command)});
        }
        if (command.words.empty()) continue;
        std::string program = to_lower(command.words.front().text);
        if (program != "tee" && !is_file_writing_cmdlet(program)) continue;
        std::string file = target_in_arguments(command);
        if (file.empty()) continue;
        bool fixed;
        if (stages.size() > 1) {
            // `echo X=1 | tee -a $GITHUB_ENV`: the text comes from the stage before.
            fixed = stages.size() == 2 && output_is_fixed(commands[stages.front()]);
        } else if (heredoc_of(command)) {
            fixed = output_is_fixed(command);
        } else {
            fixed = program != "tee" && cmdlet_arguments_are_fixed(command);
        }
        writes.push_back({file, begin, command.end, fixed});
    }
    return writes;
}

}  // namespace pysec
