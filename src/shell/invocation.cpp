#include "shell/invocation.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace pysec::shell {
namespace {

// Programs that run the rest of their arguments as a command.
constexpr std::array wrappers = {"sudo", "env", "time", "nohup", "exec", "command", "nice", "stdbuf", "timeout"};
// Options of those wrappers that take a value (`sudo -u user`, `timeout 10`).
constexpr std::array wrapper_options_with_values = {"-u", "-g", "-C", "-D", "-h", "-p", "-r", "-t", "-U", "-n",
                                                     "-s", "--user", "--group", "-k"};

bool is_wrapper(std::string_view program) {
    return std::find(wrappers.begin(), wrappers.end(), program) != wrappers.end();
}

bool takes_value(std::string_view option) {
    return std::find(wrapper_options_with_values.begin(), wrapper_options_with_values.end(), option) !=
           wrapper_options_with_values.end();
}

bool is_python(std::string_view program) { return program == "python" || program == "py"; }

}  // namespace

std::string normalize_program(std::string_view word) {
    auto slash = word.find_last_of("/\\");
    if (slash != std::string_view::npos) word.remove_prefix(slash + 1);
    std::string name;
    for (char c : word) name += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name.ends_with(".exe")) name.resize(name.size() - 4);
    // pip3, pip3.12, python3.11: drop the version suffix
    while (!name.empty() && (std::isdigit(static_cast<unsigned char>(name.back())) || name.back() == '.')) {
        name.pop_back();
    }
    return name.empty() ? std::string(word) : name;
}

Invocation invocation_of(const Command& command) {
    Invocation invocation;
    const auto& words = command.words;
    std::size_t i = 0;
    while (i < words.size()) {
        std::string program = normalize_program(words[i].text);
        if (!is_wrapper(program)) break;
        ++i;
        bool is_timeout = program == "timeout";
        while (i < words.size()) {
            std::string_view text = words[i].text;
            if (text.starts_with("-")) {
                i += takes_value(text) && i + 1 < words.size() ? 2 : 1;
            } else if (program == "env" && text.find('=') != std::string_view::npos) {
                ++i;
            } else if (is_timeout) {
                ++i;  // the duration
                is_timeout = false;
            } else {
                break;
            }
        }
    }
    if (i >= words.size()) return invocation;
    invocation.program_word = &words[i];
    invocation.program = normalize_program(words[i].text);
    ++i;
    if (is_python(invocation.program)) {
        // python [-I -u ...] -m module args
        std::size_t j = i;
        while (j < words.size() && words[j].text.starts_with("-") && words[j].text != "-m") ++j;
        if (j + 1 < words.size() && words[j].text == "-m") {
            invocation.program_word = &words[j + 1];
            invocation.program = normalize_program(words[j + 1].text);
            invocation.python_module = true;
            i = j + 2;
        }
    }
    for (; i < words.size(); ++i) invocation.arguments.push_back(&words[i]);
    return invocation;
}

const Word* first_operand(const Invocation& invocation) {
    for (const Word* word : invocation.arguments) {
        if (!word->text.starts_with("-")) return word;
    }
    return nullptr;
}

bool has_argument(const Invocation& invocation, std::string_view argument) {
    return std::any_of(invocation.arguments.begin(), invocation.arguments.end(),
                       [&](const Word* word) { return word->text == argument; });
}

bool has_option(const Invocation& invocation, std::string_view option) {
    return std::any_of(invocation.arguments.begin(), invocation.arguments.end(), [&](const Word* word) {
        std::string_view text = word->text;
        return text == option || (text.starts_with(option) && text.size() > option.size() && text[option.size()] == '=');
    });
}

const Command* next_in_pipeline(const std::vector<Command>& commands, std::size_t index) {
    if (index >= commands.size() || !commands[index].piped_output) return nullptr;
    int depth = commands[index].depth;
    for (std::size_t i = index + 1; i < commands.size(); ++i) {
        if (commands[i].depth == depth) return commands[i].piped_input ? &commands[i] : nullptr;
    }
    return nullptr;
}

}  // namespace pysec::shell
