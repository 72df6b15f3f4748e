#include "rules/python/tool_runners.hpp"

#include <algorithm>
#include <cctype>

namespace pysec {
namespace {

using Words = std::vector<const shell::Word*>;

bool contains(const std::vector<std::string_view>& list, std::string_view value) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

bool is_option(std::string_view text) { return text.size() > 1 && text.front() == '-'; }

// uv's global options that take a value; they may come before the subcommand.
const std::vector<std::string_view> uv_global_options = {
    "--directory", "--project", "--cache-dir", "--config-file", "--color", "--allow-insecure-host",
    "--python-preference", "--python", "-p"};

// Options of `uvx`/`uv tool run`/`uv tool install` that take a value.
const std::vector<std::string_view> uv_tool_options = {
    "--from", "--with", "--with-editable", "--with-requirements", "-c", "--constraints", "--constraint",
    "--overrides", "--override", "-b", "--build-constraints", "--build-constraint", "-p", "--python", "--index",
    "--default-index", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "--index-strategy",
    "--keyring-provider", "--resolution", "--prerelease", "--exclude-newer", "--exclude-newer-package", "-C",
    "--config-setting", "--config-settings", "--link-mode", "--cache-dir", "--directory", "--project",
    "--config-file", "--color", "--env-file", "--allow-insecure-host", "--python-preference", "-P",
    "--upgrade-package", "--reinstall-package", "--no-build-package", "--no-binary-package", "--refresh-package",
    "--python-platform", "--torch-backend", "--fork-strategy", "--generate-shell-completion"};

// Options of `uv run` that take a value (tool options plus project selection).
const std::vector<std::string_view> uv_run_options = [] {
    std::vector<std::string_view> options = uv_tool_options;
    for (std::string_view option : {"--package", "--extra", "--no-extra", "--group", "--only-group", "--no-group",
                                    "--script"}) {
        options.push_back(option);
    }
    return options;
}();

const std::vector<std::string_view> pipx_run_options = {"--spec", "--python", "--pip-args", "--index-url", "-i",
                                                         "--backend"};
const std::vector<std::string_view> project_runner_options = {"-e", "--env", "-p", "--project", "--directory", "-C"};

bool is_python(std::string_view program) { return program == "python" || program == "py"; }

// Builds the invocation of the tool at `arguments[index]`, seeing through `python -m`.
shell::Invocation tool_at(const Words& arguments, std::size_t index) {
    shell::Invocation tool;
    tool.program_word = arguments[index];
    tool.program = shell::normalize_program(package_name(arguments[index]->text));
    std::size_t i = index + 1;
    if (is_python(tool.program)) {
        std::size_t j = i;
        while (j < arguments.size() && is_option(arguments[j]->text) && arguments[j]->text != "-m") ++j;
        if (j + 1 < arguments.size() && arguments[j]->text == "-m") {
            tool.program_word = arguments[j + 1];
            tool.program = shell::normalize_program(arguments[j + 1]->text);
            tool.python_module = true;
            i = j + 2;
        }
    }
    tool.arguments.assign(arguments.begin() + static_cast<std::ptrdiff_t>(std::min(i, arguments.size())),
                          arguments.end());
    return tool;
}

std::optional<RunnerTool> tool_after(std::string runner, const Words& arguments,
                                     const std::vector<std::string_view>& options, bool installs,
                                     const std::vector<std::string_view>& package_options) {
    auto index = next_operand(arguments, 0, options);
    if (!index) return std::nullopt;
    RunnerTool result;
    result.runner = std::move(runner);
    result.tool = tool_at(arguments, *index);
    result.installs = installs;
    result.package = arguments[*index]->text;
    result.package_word = arguments[*index];
    // The package the runner installs, when named apart from the command.
    if (!package_options.empty()) {
        Words before(arguments.begin(), arguments.begin() + static_cast<std::ptrdiff_t>(*index));
        if (auto value = option_value(before, package_options)) {
            result.package = value->text;
            result.package_word = value->word;
        }
    }
    return result;
}

}  // namespace

std::optional<std::size_t> next_operand(const Words& arguments, std::size_t start,
                                        const std::vector<std::string_view>& options_with_values) {
    for (std::size_t i = start; i < arguments.size(); ++i) {
        std::string_view text = arguments[i]->text;
        if (text == "--") return i + 1 < arguments.size() ? std::optional<std::size_t>(i + 1) : std::nullopt;
        if (!is_option(text)) return i;
        if (text.find('=') == std::string_view::npos && contains(options_with_values, text)) ++i;
    }
    return std::nullopt;
}

std::optional<OptionValue> option_value(const Words& arguments, const std::vector<std::string_view>& names) {
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string_view text = arguments[i]->text;
        if (!is_option(text)) continue;
        for (std::string_view name : names) {
            if (text == name) {
                if (i + 1 < arguments.size()) return OptionValue{arguments[i + 1], arguments[i + 1]->text};
                return std::nullopt;
            }
            if (text.size() > name.size() && text.starts_with(name)) {
                bool long_option = name.starts_with("--");
                if (text[name.size()] == '=') return OptionValue{arguments[i], std::string(text.substr(name.size() + 1))};
                if (!long_option && name.size() == 2) return OptionValue{arguments[i], std::string(text.substr(2))};
            }
        }
    }
    return std::nullopt;
}

bool UvCommand::is(std::string_view first, std::string_view second) const {
    if (subcommand.empty() || subcommand[0] != first) return false;
    if (second.empty()) return true;
    return subcommand.size() > 1 && subcommand[1] == second;
}

UvCommand uv_command(const shell::Invocation& invocation) {
    UvCommand command;
    if (invocation.program != "uv") return command;
    const Words& arguments = invocation.arguments;
    auto first = next_operand(arguments, 0, uv_global_options);
    if (!first) return command;
    command.subcommand.push_back(arguments[*first]->text);
    std::size_t rest = *first + 1;
    static const std::vector<std::string_view> groups = {"pip", "tool", "python", "cache", "self", "auth",
                                                          "workspace"};
    if (contains(groups, arguments[*first]->text) && rest < arguments.size() && !is_option(arguments[rest]->text)) {
        command.subcommand.push_back(arguments[rest]->text);
        ++rest;
    }
    command.arguments.assign(arguments.begin() + static_cast<std::ptrdiff_t>(rest), arguments.end());
    return command;
}

std::optional<RunnerTool> runner_tool(const shell::Invocation& invocation) {
    const std::string& program = invocation.program;
    if (program == "uvx") return tool_after("uvx", invocation.arguments, uv_tool_options, true, {"--from"});
    if (program == "uv") {
        UvCommand uv = uv_command(invocation);
        if (uv.is("tool", "run")) return tool_after("uv tool run", uv.arguments, uv_tool_options, true, {"--from"});
        if (uv.is("run")) {
            // `uv run -m module` runs a module of the project's environment.
            static const std::vector<std::string_view> with_module = [] {
                std::vector<std::string_view> options = uv_run_options;
                options.push_back("-m");
                options.push_back("--module");
                return options;
            }();
            auto command = next_operand(uv.arguments, 0, with_module);
            Words options(uv.arguments.begin(),
                          uv.arguments.begin() + static_cast<std::ptrdiff_t>(command.value_or(uv.arguments.size())));
            if (auto module = option_value(options, {"-m", "--module"})) {
                RunnerTool result;
                result.runner = "uv run";
                result.tool.program_word = module->word;
                result.tool.program = shell::normalize_program(module->text);
                result.tool.python_module = true;
                auto at = std::find(uv.arguments.begin(), uv.arguments.end(), module->word);
                if (at != uv.arguments.end()) result.tool.arguments.assign(at + 1, uv.arguments.end());
                return result;
            }
            return tool_after("uv run", uv.arguments, uv_run_options, false, {});
        }
        return std::nullopt;
    }
    const shell::Word* verb = shell::first_operand(invocation);
    if (!verb || verb->text != "run") return std::nullopt;
    auto after = std::find(invocation.arguments.begin(), invocation.arguments.end(), verb);
    Words rest(after + 1, invocation.arguments.end());
    if (program == "pipx") return tool_after("pipx run", rest, pipx_run_options, true, {"--spec"});
    if (program == "poetry" || program == "pdm" || program == "hatch") {
        return tool_after(program + " run", rest, project_runner_options, false, {});
    }
    return std::nullopt;
}

bool runs_local_build(const shell::Invocation& invocation) {
    if (!invocation.program_word) return false;
    std::string path = invocation.program_word->text;
    std::replace(path.begin(), path.end(), '\\', '/');
    std::string lower;
    for (char c : path) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower.find("/target/") != std::string::npos || lower.starts_with("target/")) return true;
    if (lower.empty() || lower.front() == '/' || lower.front() == '$' || lower.front() == '~') return false;
    if (lower.find('/') == std::string::npos) return false;  // found on PATH
    // A virtual environment's or another installation's bin directory holds the real tool.
    for (std::string_view marker : {"bin/", "scripts/", "venv", ".tox/", ".nox/"}) {
        if (lower.find(marker) != std::string::npos) return false;
    }
    return true;
}

shell::Invocation effective_tool(const shell::Invocation& invocation) {
    if (auto runner = runner_tool(invocation)) return runner->tool;
    return invocation;
}

std::string package_name(std::string_view spec) {
    std::size_t end = 0;
    while (end < spec.size()) {
        char c = spec[end];
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.') {
            ++end;
        } else {
            break;
        }
    }
    return std::string(spec.substr(0, end));
}

bool is_pinned_spec(std::string_view spec) {
    if (spec.find("==") != std::string_view::npos) return true;
    auto at = spec.rfind('@');
    if (at == std::string_view::npos || at + 1 >= spec.size()) return false;
    std::string_view ref = spec.substr(at + 1);
    if (spec.find("://") != std::string_view::npos) {
        // `git+https://...@<commit>`: only a full commit cannot move.
        return ref.size() >= 40 && std::all_of(ref.begin(), ref.begin() + 40, [](char c) {
                   return std::isxdigit(static_cast<unsigned char>(c));
               });
    }
    if (ref.starts_with("v") || ref.starts_with("V")) ref.remove_prefix(1);
    return !ref.empty() && std::isdigit(static_cast<unsigned char>(ref.front()));
}

}  // namespace pysec
