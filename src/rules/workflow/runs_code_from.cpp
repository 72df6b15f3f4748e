#include "rules/workflow/runs_code_from.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "rules/workflow/untrusted_checkout.hpp"
#include "shell/invocation.hpp"

namespace pysec {
namespace {

// Programs that run the file named by their first operand.
constexpr std::array interpreters = {"python", "py",   "bash", "sh",   "zsh",  "dash",       "ksh",    "node",
                                     "deno",   "bun",  "ruby", "perl", "pwsh", "powershell", "source", "."};

// Programs that install, build or test the project in a directory they are
// given anywhere on their command line, running its build scripts, hooks or
// configuration (setup.py, conf.py, package.json scripts, Makefiles, ...).
constexpr std::array project_tools = {
    "pip",    "uv",      "pipx",       "poetry", "pdm",     "hatch",  "tox",           "nox",    "pipenv",
    "rye",    "flit",    "build",      "maturin", "cibuildwheel", "pytest", "pre-commit", "sphinx-build",
    "mkdocs", "npm",     "npx",        "yarn",   "pnpm",    "make",   "cmake",         "meson",  "ninja",
    "cargo",  "go",      "mvn",        "gradle", "bundle",  "composer", "just",        "docker", "conda",
    "mamba"};

// Tools whose `run` subcommand runs another command (`poetry run python x.py`).
constexpr std::array command_runners = {"poetry", "uv", "pdm", "hatch", "pipenv", "rye", "conda", "mamba"};

template <std::size_t N>
bool one_of(const std::array<const char*, N>& names, std::string_view name) {
    return std::any_of(names.begin(), names.end(), [&](const char* candidate) { return name == candidate; });
}

// `--project=dir` -> `dir`.
bool argument_inside(std::string_view argument, std::string_view directory) {
    if (is_inside_directory(argument, directory)) return true;
    auto equals = argument.find('=');
    return argument.starts_with("-") && equals != std::string_view::npos &&
           is_inside_directory(argument.substr(equals + 1), directory);
}

bool words_run_code_from(const std::vector<const shell::Word*>& words, std::string_view directory);

bool invocation_runs_code_from(std::string_view program, const shell::Word* program_word,
                               const std::vector<const shell::Word*>& arguments, std::string_view directory) {
    if (program_word && program_word->text.find('/') != std::string::npos &&
        is_inside_directory(program_word->text, directory)) {
        return true;  // ./dir/build.sh
    }
    const shell::Word* operand = nullptr;
    for (const shell::Word* word : arguments) {
        if (!word->text.starts_with("-")) {
            operand = word;
            break;
        }
    }
    if (program == "cd" || program == "pushd" || one_of(interpreters, program)) {
        return operand && is_inside_directory(operand->text, directory);
    }
    if (one_of(command_runners, program) && operand && operand->text == "run") {
        // Options of the tool, then the command it runs.
        std::size_t at = 0;
        while (arguments[at] != operand) {
            if (argument_inside(arguments[at]->text, directory)) return true;
            ++at;
        }
        ++at;
        while (at < arguments.size() && arguments[at]->text.starts_with("-")) {
            if (argument_inside(arguments[at]->text, directory)) return true;
            ++at;
        }
        // The next word is the command, or the value of the last option
        // (`uv run --directory pr pytest`): either way the directory counts.
        if (at < arguments.size() && is_inside_directory(arguments[at]->text, directory)) return true;
        return words_run_code_from({arguments.begin() + static_cast<std::ptrdiff_t>(at), arguments.end()}, directory);
    }
    if (one_of(project_tools, program)) {
        return std::any_of(arguments.begin(), arguments.end(),
                           [&](const shell::Word* word) { return argument_inside(word->text, directory); });
    }
    return false;
}

// A nested command (after `poetry run`): re-read its program through the usual wrappers.
bool words_run_code_from(const std::vector<const shell::Word*>& words, std::string_view directory) {
    if (words.empty()) return false;
    shell::Command nested;
    for (const shell::Word* word : words) nested.words.push_back(*word);
    return runs_code_from(nested, directory);
}

}  // namespace

bool is_inside_directory(std::string_view path, std::string_view directory) {
    if (path.starts_with("/") || path.starts_with("~")) return false;  // outside the workspace
    std::string normalized = normalize_workspace_path(path);
    if (directory.empty()) return true;
    return normalized == directory ||
           (normalized.size() > directory.size() && normalized.starts_with(directory) && normalized[directory.size()] == '/');
}

bool runs_code_from(const shell::Command& command, std::string_view directory) {
    shell::Invocation invocation = shell::invocation_of(command);
    if (!invocation.program_word) return false;
    return invocation_runs_code_from(invocation.program, invocation.program_word, invocation.arguments, directory);
}

}  // namespace pysec
