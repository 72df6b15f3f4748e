#include "rules/lock/ci_requirement_installs.hpp"

#include <algorithm>

#include "core/repository_path.hpp"
#include "rules/python/pip_install_arguments.hpp"
#include "rules/python/step_environment.hpp"
#include "rules/python/tool_runners.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

// The requirement files a command installs, as written; empty when it installs none.
std::vector<std::string> installed_files(const shell::Command& command) {
    shell::Invocation invocation = shell::invocation_of(command);
    if (invocation.program.empty()) return {};
    UvCommand uv = uv_command(invocation);
    PipInstallArguments arguments;
    if (uv.is("pip", "install")) {
        arguments = read_pip_install_arguments(uv.arguments);
    } else if (uv.is("pip", "sync")) {
        arguments = read_pip_install_arguments(uv.arguments, true);
    } else {
        std::optional<RunnerTool> runner = runner_tool(invocation);
        if (runner && runner->installs) return {};
        const shell::Invocation& tool = runner ? runner->tool : invocation;
        if (tool.program == "pip") {
            const shell::Word* verb = shell::first_operand(tool);
            if (!verb || verb->text != "install") return {};
            auto after = std::find(tool.arguments.begin(), tool.arguments.end(), verb);
            arguments = read_pip_install_arguments(std::vector<const shell::Word*>(after + 1, tool.arguments.end()));
        } else if (tool.program == "pip-sync") {
            arguments = read_pip_install_arguments(tool.arguments, true);
        } else {
            return {};
        }
    }
    std::vector<std::string> files;
    for (const auto& file : arguments.requirement_files) files.push_back(file.path);
    return files;
}

}  // namespace

std::map<std::string, Location> requirement_files_installed_in_ci(const Project& project) {
    std::map<std::string, Location> installed;
    for_each_step(project, [&](const StepSite& site) {
        for (const shell::Command& command : site.step.commands) {
            std::vector<std::string> files = installed_files(command);
            if (files.empty()) continue;
            std::optional<std::string> directory = command_directory(site, command);
            if (!directory) continue;
            for (const std::string& file : files) {
                auto path = resolve_relative_path(*directory, file);
                if (!path) continue;
                installed.try_emplace(*path, run_location(site.document, site.step, command.begin, command.end,
                                                          "CI installs `" + file + "` here"));
            }
        }
    });
    // pip installs what an installed file includes with `-r` as well.
    auto find = [&](std::string_view path) { return project.requirement_document(path); };
    std::map<std::string, Location> included;
    for (const auto& [path, location] : installed) {
        const RequirementDocument* document = project.requirement_document(path);
        if (!document) continue;
        for (const RequirementDocument* reached : reachable_requirement_documents(*document, false, find)) {
            if (!installed.contains(reached->path())) included.try_emplace(reached->path(), location);
        }
    }
    installed.merge(included);
    return installed;
}

}  // namespace pysec
