#include "action/action.hpp"

#include <charconv>
#include <filesystem>
#include <iostream>

#include "action/action_environment.hpp"
#include "action/check_run.hpp"
#include "core/file_io.hpp"
#include "report/github_output.hpp"
#include "report/sarif_report.hpp"
#include "report/step_summary.hpp"
#include "report/text_report.hpp"
#include "report/workflow_commands.hpp"
#include "scan/exit_status.hpp"
#include "scan/scanner.hpp"

namespace pysec {
namespace {

namespace fs = std::filesystem;

// Inputs are relative to the workspace, as in any other action.
std::string in_workspace(const ActionEnvironment& env, const std::string& path) {
    if (path.empty() || fs::path(path).is_absolute() || env.workspace.empty()) return path;
    return (fs::path(env.workspace) / path).lexically_normal().string();
}

std::size_t parse_max_annotations(const std::string& text) {
    std::size_t value = 0;
    auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc{} || result.ptr != text.data() + text.size()) {
        throw UsageError("input max-annotations: '" + text + "' is not a number");
    }
    return value;
}

ScanOptions scan_options(const ActionEnvironment& env) {
    const ActionInputs& inputs = env.inputs;
    auto severity = parse_severity(inputs.min_severity);
    auto confidence = parse_confidence(inputs.min_confidence);
    auto persona = parse_persona(inputs.persona);
    if (!severity) throw UsageError("input min-severity: '" + inputs.min_severity + "' is not a severity");
    if (!confidence) throw UsageError("input min-confidence: '" + inputs.min_confidence + "' is not a confidence");
    if (!persona) throw UsageError("input persona: '" + inputs.persona + "' is not regular, pedantic or auditor");
    if (inputs.annotations != "check-run" && inputs.annotations != "commands" && inputs.annotations != "none") {
        throw UsageError("input annotations: '" + inputs.annotations + "' is not check-run, commands or none");
    }
    ScanOptions options;
    options.source.paths = {in_workspace(env, inputs.path)};
    options.source.github_actions = env.github_actions;
    if (!inputs.config.empty()) options.config_file = in_workspace(env, inputs.config);
    options.min_severity = *severity;
    options.min_confidence = *confidence;
    options.persona = *persona;
    return options;
}

// The same scan as a command a maintainer can paste into a terminal.
std::string reproduce_command(const ActionInputs& inputs) {
    std::string command = "pysec scan " + inputs.path;
    if (!inputs.config.empty()) command += " --config " + inputs.config;
    if (inputs.min_severity != "informational") command += " --min-severity " + inputs.min_severity;
    if (inputs.min_confidence != "low") command += " --min-confidence " + inputs.min_confidence;
    if (inputs.persona != "regular") command += " --persona " + inputs.persona;
    if (inputs.fail_on != "medium") command += " --fail-on " + inputs.fail_on;
    return command;
}

// Everything between stop-commands and its token is printed as plain text, so
// that a `::` at the start of a quoted source line cannot act as a command.
void print_text_report(const ScanResult& result) {
    std::string token = "pysec-" + random_hex(16);
    std::cout << "::stop-commands::" << token << "\n" << render_text(result, TextStyle{false});
    for (const std::string& notice : result.notices.messages()) std::cout << "pysec: notice: " << notice << "\n";
    std::cout << "::" << token << "::\n";
}

// Annotates through a check run when it can; otherwise says why, once, and
// falls back to workflow commands.  Returns the note for the job summary.
std::string annotate(const ActionEnvironment& env, const ScanResult& result, FailOn fail_on) {
    const std::string& mode = env.inputs.annotations;
    if (mode == "none") return {};
    std::string fallback_reason;
    if (mode == "check-run") {
        if (env.inputs.token.empty()) {
            fallback_reason = "no token was given";
        } else if (env.fork_pull_request) {
            fallback_reason = "this pull request comes from a fork, whose token cannot create check runs";
        } else if (env.repository.empty() || env.head_sha.empty()) {
            fallback_reason = "GITHUB_REPOSITORY or the commit SHA is not set";
        } else {
            net::GitHubApi api(env.api_url, env.inputs.token);
            CheckRunRequest request{env.repository, env.head_sha, fail_on,
                                    parse_max_annotations(env.inputs.max_annotations), env.run_url};
            CheckRunOutcome outcome = publish_check_run(api, request, result);
            if (outcome.status == CheckRunOutcome::Status::Posted) {
                std::cout << "pysec: check run " << outcome.check_run_id << " created with " << outcome.annotations
                          << " annotations\n";
                return "Annotations: a `pysec` check run with " + std::to_string(outcome.annotations) + " annotations.";
            }
            fallback_reason = outcome.reason;
            if (outcome.status == CheckRunOutcome::Status::NoPermission) {
                fallback_reason += "; grant `checks: write` to create check runs";
            }
        }
    }
    std::string note;
    if (!fallback_reason.empty()) {
        note = "No check run: " + fallback_reason + ". Findings are annotated with workflow commands instead "
               "(at most " + std::to_string(annotations_per_level) + " per severity level).";
        std::cout << "pysec: " << note << "\n";
    }
    std::cout << render_workflow_commands(result);
    return note;
}

}  // namespace

int run_action() {
    ActionEnvironment env = read_action_environment();
    auto fail_on = parse_fail_on(env.inputs.fail_on);
    if (!fail_on) throw UsageError("input fail-on: '" + env.inputs.fail_on + "' is not a severity or never");
    ScanOptions options = scan_options(env);
    ScanResult result;
    try {
        result = run_scan(options);
    } catch (const UsageError& error) {
        std::cout << "::error title=pysec::" << escape_command_data(error.what()) << "\n";
        throw;
    }

    print_text_report(result);
    std::string annotation_note = annotate(env, result, *fail_on);
    std::cout << std::flush;

    if (!env.inputs.sarif_file.empty()) {
        write_text_file(in_workspace(env, env.inputs.sarif_file), render_sarif(result));
    }
    if (env.inputs.summary && !env.step_summary.empty()) {
        StepSummaryContext context;
        if (!env.repository.empty() && !env.head_sha.empty()) {
            context.blob_url = env.server_url + "/" + env.repository + "/blob/" + env.head_sha;
        }
        context.fail_on = *fail_on;
        context.reproduce_command = reproduce_command(env.inputs);
        context.annotations_note = annotation_note;
        append_text_file(env.step_summary, render_step_summary(result, context));
    }
    if (!env.output.empty()) {
        std::string highest = result.summary.highest ? std::string(to_string(*result.summary.highest)) : "none";
        append_text_file(env.output, render_github_outputs({{"findings", std::to_string(result.summary.shown())},
                                                            {"highest-severity", highest},
                                                            {"sarif-file", env.inputs.sarif_file}}));
    }
    if (result.internal_error) return exit_internal_error;
    return exit_status_for(result.summary.highest, *fail_on);
}

}  // namespace pysec
