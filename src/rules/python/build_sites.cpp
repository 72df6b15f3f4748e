#include "rules/python/build_sites.hpp"

#include <algorithm>
#include <array>

#include "rules/python/tool_runners.hpp"

namespace pysec {
namespace {

constexpr std::array building_actions = {"pypa/cibuildwheel", "joerick/cibuildwheel",
                                         "hynek/build-and-inspect-python-package"};

bool has_word(const shell::Invocation& invocation, std::string_view text) {
    return std::any_of(invocation.arguments.begin(), invocation.arguments.end(),
                       [&](const shell::Word* word) { return word->text == text; });
}

std::string_view verb_of(const shell::Invocation& invocation) {
    const shell::Word* verb = shell::first_operand(invocation);
    return verb ? std::string_view(verb->text) : std::string_view{};
}

// `PyO3/maturin-action` builds unless its `command` is `upload` (or another non-build command).
bool maturin_action_builds(const WorkflowStep& step) {
    auto command = step.input("command");
    if (!command) return true;  // the default command is `build`
    return *command == "build" || *command == "publish" || *command == "sdist";
}

}  // namespace

std::string build_tool_of(const shell::Invocation& invocation) {
    if (uv_command(invocation).is("build")) return "uv build";
    std::optional<RunnerTool> runner = runner_tool(invocation);
    const shell::Invocation& tool = runner ? runner->tool : invocation;
    const std::string& program = tool.program;
    std::string_view verb = verb_of(tool);
    // `build` is only PyPA build when run as a module or by a runner: a bare
    // `build` may be anything.
    if (program == "pyproject-build" || (program == "build" && (tool.python_module || runner))) {
        return "python -m build";
    }
    if ((program == "hatch" || program == "poetry" || program == "pdm" || program == "flit" ||
         program == "maturin") && verb == "build") {
        return program + " build";
    }
    if (program == "maturin" && (verb == "sdist" || verb == "publish")) return "maturin " + std::string(verb);
    if (program == "flit" && verb == "publish") return "flit publish";
    if (program == "pdm" && verb == "publish" && !has_word(tool, "--no-build")) return "pdm publish";
    if (program == "poetry" && verb == "publish" && has_word(tool, "--build")) return "poetry publish --build";
    if (program == "cibuildwheel") return "cibuildwheel";
    if (program == "pip" && verb == "wheel") return "pip wheel";
    if (program == "python" && !tool.python_module && verb == "setup.py") {
        for (const shell::Word* word : tool.arguments) {
            if (word->text == "sdist" || word->text.starts_with("bdist")) return "python setup.py " + word->text;
        }
    }
    return {};
}

std::vector<BuildSite> build_sites(const std::vector<WorkflowStep>& steps) {
    std::vector<BuildSite> sites;
    for (const WorkflowStep& step : steps) {
        std::string slug = step.action_slug();
        if (std::find(building_actions.begin(), building_actions.end(), slug) != building_actions.end()) {
            sites.push_back(BuildSite{&step, nullptr, step.uses_reference->slug()});
        } else if ((slug == "pyo3/maturin-action" || slug == "messense/maturin-action") && maturin_action_builds(step)) {
            sites.push_back(BuildSite{&step, nullptr, step.uses_reference->slug()});
        }
        for (const shell::Command& command : step.commands) {
            std::string tool = build_tool_of(shell::invocation_of(command));
            if (!tool.empty()) sites.push_back(BuildSite{&step, &command, std::move(tool)});
        }
    }
    return sites;
}

}  // namespace pysec
