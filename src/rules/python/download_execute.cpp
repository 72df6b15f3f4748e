#include "rules/python/download_execute.hpp"

#include <algorithm>
#include <cctype>
#include <optional>
#include <tuple>

#include "core/text.hpp"
#include "shell/invocation.hpp"

namespace pysec {
namespace {

using shell::Command;
using shell::Invocation;
using shell::Word;

constexpr int max_nesting = 3;  // `bash -c "pwsh -c '...'"` and no deeper

bool is_posix_shell(std::string_view program) {
    return program == "sh" || program == "bash" || program == "zsh" || program == "dash" || program == "ksh" ||
           program == "ash" || program == "fish";
}

bool is_interpreter(std::string_view program) {
    return program == "python" || program == "py" || program == "perl" || program == "ruby" || program == "node" ||
           program == "php";
}

bool is_powershell(std::string_view program) { return program == "pwsh" || program == "powershell"; }

bool is_invoke_expression(std::string_view program) { return program == "iex" || program == "invoke-expression"; }

bool is_short_cluster(std::string_view text) { return text.size() > 1 && text[0] == '-' && text[1] != '-'; }

// curl writes to stdout unless told to write a file.
bool curl_writes_stdout(const Invocation& invocation) {
    const auto& arguments = invocation.arguments;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string_view text = arguments[i]->text;
        if (text == "--output" || text == "-o") {
            if (i + 1 < arguments.size() && arguments[i + 1]->text == "-") continue;
            return false;
        }
        if (text.starts_with("--output=")) return text == "--output=-";
        if (text == "--remote-name" || text == "--remote-name-all") return false;
        if (is_short_cluster(text)) {
            std::string_view cluster = text.substr(1);
            if (cluster.find('O') != std::string_view::npos) return false;
            if (auto o = cluster.find('o'); o != std::string_view::npos) {
                std::string_view glued = cluster.substr(o + 1);
                if (!glued.empty()) return glued == "-";
                if (i + 1 < arguments.size() && arguments[i + 1]->text == "-") continue;
                return false;
            }
        }
    }
    return true;
}

// wget writes a file unless `-O -` (or `-qO-`, `--output-document=-`, `-O /dev/stdout`).
bool wget_writes_stdout(const Invocation& invocation) {
    const auto& arguments = invocation.arguments;
    auto is_stdout = [](std::string_view target) { return target == "-" || target == "/dev/stdout"; };
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string_view text = arguments[i]->text;
        if (text.starts_with("--output-document=")) return is_stdout(text.substr(18));
        if (text == "--output-document") return i + 1 < arguments.size() && is_stdout(arguments[i + 1]->text);
        if (is_short_cluster(text)) {
            auto o = text.find('O');
            if (o == std::string_view::npos) continue;
            std::string_view glued = text.substr(o + 1);
            if (!glued.empty()) return is_stdout(glued);
            return i + 1 < arguments.size() && is_stdout(arguments[i + 1]->text);
        }
    }
    return false;
}

bool has_argument_icase(const Invocation& invocation, std::string_view name) {
    return std::any_of(invocation.arguments.begin(), invocation.arguments.end(),
                       [&](const Word* word) { return to_lower(word->text) == name; });
}

// The URL inside a word (`https://x/i.sh`, `('https://x/i.ps1')`), with any
// `user:password@` replaced: it goes into messages.
std::string url_in(std::string_view text) {
    auto scheme = text.find("://");
    if (scheme == std::string_view::npos) return {};
    std::size_t begin = scheme;
    while (begin > 0 && (std::isalnum(static_cast<unsigned char>(text[begin - 1])) || text[begin - 1] == '+')) --begin;
    std::size_t end = text.find_first_of("'\" )", scheme);
    std::string url(text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    std::size_t host = scheme - begin + 3;
    auto host_end = url.find_first_of("/?#", host);
    auto at = url.rfind('@', host_end == std::string::npos ? url.size() : host_end);
    if (at != std::string::npos && at >= host) url.replace(host, at - host, "****");
    return url;
}

std::string first_url(const Invocation& invocation) {
    for (const Word* word : invocation.arguments) {
        if (std::string url = url_in(word->text); !url.empty()) return url;
    }
    return {};
}

// `(New-Object Net.WebClient).DownloadString('https://...')`
bool mentions_download_string(const Command& command) {
    return std::any_of(command.words.begin(), command.words.end(), [](const Word& word) {
        return to_lower(word.text).find(".downloadstring") != std::string::npos;
    });
}

// The downloader a command is, when it prints what it downloads.
std::optional<std::string> downloader_of(const Command& command) {
    Invocation invocation = shell::invocation_of(command);
    const std::string& program = invocation.program;
    if (program == "curl") {
        if (curl_writes_stdout(invocation)) return program;
    } else if (program == "wget") {
        if (wget_writes_stdout(invocation)) return program;
    } else if (program == "irm" || program == "iwr" || program == "invoke-restmethod" ||
               program == "invoke-webrequest") {
        if (!has_argument_icase(invocation, "-outfile")) return program;
    }
    if (mentions_download_string(command)) return std::string("webclient");
    return std::nullopt;
}

// A shell or interpreter that reads its program from standard input.
bool executes_stdin(const Invocation& invocation) {
    const std::string& program = invocation.program;
    if (is_invoke_expression(program)) return true;
    if (program == "source" || program == ".") {
        const Word* operand = shell::first_operand(invocation);
        return operand && (operand->text == "/dev/stdin" || operand->text == "-");
    }
    bool shell = is_posix_shell(program);
    if (!shell && !is_interpreter(program)) return false;
    const auto& arguments = invocation.arguments;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string_view text = arguments[i]->text;
        if (text == "-" || text == "--") return true;
        if (!text.starts_with("-") && !text.starts_with("+")) return false;  // a script file
        if (text.starts_with("--")) {
            if (text == "--rcfile" || text == "--init-file") ++i;
            continue;
        }
        std::string_view cluster = text.substr(1);
        if (shell) {
            if (cluster.find('c') != std::string_view::npos) return false;
            if (cluster.find('s') != std::string_view::npos) return true;
            if (cluster == "o" || cluster == "O") ++i;  // `-o pipefail`
        } else {
            if (cluster.find_first_of("cemE") != std::string_view::npos) return false;  // code or module given
            if (cluster == "W" || cluster == "X" || cluster == "r") ++i;
        }
    }
    return true;
}

// The first URL in a command or the commands nested in it (`.DownloadString('https://...')`).
std::string url_in_words(const std::vector<Command>& commands, const Command& outer) {
    for (const Command& inner : commands) {
        if (inner.begin < outer.begin || inner.end > outer.end) continue;
        for (const Word& word : inner.words) {
            if (std::string url = url_in(word.text); !url.empty()) return url;
        }
    }
    return {};
}

std::vector<std::size_t> nested_in(const std::vector<Command>& commands, const Command& outer, const Word& word) {
    std::vector<std::size_t> result;
    for (std::size_t j = 0; j < commands.size(); ++j) {
        const Command& inner = commands[j];
        if (inner.depth > outer.depth && inner.begin >= word.begin && inner.end <= word.end) result.push_back(j);
    }
    return result;
}

// A downloader among the commands nested in `word` (`$(curl ...)`, `<(curl ...)`, `(irm ...)`).
std::optional<DownloadExecution> nested_download(const std::vector<Command>& commands, const Command& outer,
                                                 const Word& word) {
    for (std::size_t j : nested_in(commands, outer, word)) {
        if (auto downloader = downloader_of(commands[j])) {
            DownloadExecution found;
            found.downloader = *downloader;
            found.url = first_url(shell::invocation_of(commands[j]));
            return found;
        }
    }
    return std::nullopt;
}

void find_in(const std::vector<Command>& commands, int nesting, std::vector<DownloadExecution>& out);

// The arguments a command runs as code: the script operand or `-c`/`-e` value
// of a shell or interpreter, and every argument of `eval`, `source`, `iex`.
std::vector<const Word*> code_arguments(const Command& command, const Invocation& invocation) {
    std::vector<const Word*> result;
    const std::string& program = invocation.program;
    bool scriptblock = !command.words.empty() &&
                       to_lower(command.words[0].text).find("[scriptblock]::create") != std::string::npos;
    if (program == "eval" || program == "source" || program == "." || is_invoke_expression(program) || scriptblock) {
        for (const Word& word : command.words) {
            if (&word != invocation.program_word || scriptblock) result.push_back(&word);
        }
        return result;
    }
    bool shell = is_posix_shell(program);
    if (!shell && !is_interpreter(program)) return result;
    const auto& arguments = invocation.arguments;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string_view text = arguments[i]->text;
        if (!is_short_cluster(text) || text.starts_with("<(")) {
            result.push_back(arguments[i]);  // the script file, e.g. `<(curl ...)`
            break;
        }
        std::string_view cluster = text.substr(1);
        bool code = shell ? cluster.find('c') != std::string_view::npos : cluster.find('e') != std::string_view::npos ||
                                                                              cluster.find('c') != std::string_view::npos;
        if (code && i + 1 < arguments.size()) {
            result.push_back(arguments[i + 1]);
            break;
        }
    }
    return result;
}

// `bash -c 'curl ... | sh'`, `pwsh -Command "irm ... | iex"`: the script in a string.
void find_in_inline_script(const Command& command, const Invocation& invocation, int nesting,
                           std::vector<DownloadExecution>& out) {
    if (nesting >= max_nesting) return;
    bool powershell = is_powershell(invocation.program);
    if (!powershell && !is_posix_shell(invocation.program)) return;
    const auto& arguments = invocation.arguments;
    for (std::size_t i = 0; i + 1 < arguments.size(); ++i) {
        std::string lower = to_lower(arguments[i]->text);
        bool script_option = powershell ? (lower == "-c" || lower == "-command" || lower == "/c")
                                        : (is_short_cluster(lower) && lower.find('c') != std::string::npos);
        if (!script_option) continue;
        const Word& script = *arguments[i + 1];
        std::vector<Command> inner = shell::parse_script(
            script.text, powershell ? shell::Dialect::PowerShell : shell::Dialect::Posix);
        std::vector<DownloadExecution> found;
        find_in(inner, nesting + 1, found);
        for (DownloadExecution& execution : found) {
            execution.begin = command.begin;
            execution.end = command.end;
            out.push_back(std::move(execution));
        }
        return;
    }
}

void find_in(const std::vector<Command>& commands, int nesting, std::vector<DownloadExecution>& out) {
    for (std::size_t i = 0; i < commands.size(); ++i) {
        const Command& command = commands[i];
        Invocation invocation = shell::invocation_of(command);
        // 1. A pipe from a downloader into something that runs its input.
        if (command.piped_output) {
            if (auto downloader = downloader_of(command)) {
                std::size_t index = i;
                while (const Command* next = shell::next_in_pipeline(commands, index)) {
                    Invocation consumer = shell::invocation_of(*next);
                    if (executes_stdin(consumer)) {
                        out.push_back(DownloadExecution{command.begin, next->end, *downloader, consumer.program,
                                                        first_url(invocation)});
                        break;
                    }
                    index = static_cast<std::size_t>(next - commands.data());
                }
            }
        }
        // 2. A shell, interpreter or `eval`/`iex` given downloaded code as an
        //    argument: `bash <(curl ...)`, `sh -c "$(curl ...)"`, `iex (irm ...)`.
        std::vector<const Word*> code = code_arguments(command, invocation);
        if (!code.empty() && (is_invoke_expression(invocation.program) || invocation.program.empty()) &&
            mentions_download_string(command)) {
            out.push_back(DownloadExecution{command.begin, command.end, "webclient",
                                            invocation.program.empty() ? "scriptblock" : invocation.program,
                                            url_in_words(commands, command)});
            code.clear();
        }
        for (const Word* word : code) {
            if (auto found = nested_download(commands, command, *word)) {
                found->begin = command.begin;
                found->end = command.end;
                found->executor = invocation.program.empty() ? "scriptblock" : invocation.program;
                out.push_back(std::move(*found));
                break;
            }
        }
        // 3. A script in a string for another shell.
        find_in_inline_script(command, invocation, nesting, out);
    }
}

}  // namespace

std::vector<DownloadExecution> find_download_executions(const std::vector<shell::Command>& commands) {
    std::vector<DownloadExecution> found;
    find_in(commands, 0, found);
    // `bash -c "$(curl ...)"` is found as an argument and again inside the string: keep one.
    std::sort(found.begin(), found.end(), [](const DownloadExecution& a, const DownloadExecution& b) {
        return std::tie(a.begin, a.end) < std::tie(b.begin, b.end);
    });
    found.erase(std::unique(found.begin(), found.end(),
                            [](const DownloadExecution& a, const DownloadExecution& b) {
                                return a.begin == b.begin && a.end == b.end;
                            }),
                found.end());
    return found;
}

}  // namespace pysec
