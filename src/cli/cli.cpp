#include "cli/cli.hpp"

#include <cstdlib>
#include <iostream>
#include <unistd.h>

#include <CLI/CLI.hpp>

#include "action/action.hpp"
#include "cli/report_format.hpp"
#include "core/file_io.hpp"
#include "report/rule_docs.hpp"
#include "rules/registry.hpp"
#include "scan/exit_status.hpp"
#include "scan/scanner.hpp"

namespace pysec {
namespace {

struct ScanArguments {
    std::vector<std::string> paths;
    std::string revision;
    std::string format = "text";
    std::string output;
    std::string config;
    bool no_config = false;
    std::string min_severity = "informational";
    std::string min_confidence = "low";
    std::string persona = "regular";
    std::string fail_on = "medium";
    bool offline = false;
    std::uint64_t max_file_size = 5ULL * 1024 * 1024;
};

bool environment_is(const char* name, std::string_view value) {
    const char* actual = std::getenv(name);
    return actual && value == actual;
}

// Colour only for a person at a terminal; NO_COLOR (any non-empty value) wins.
bool use_color(bool to_file) {
    const char* no_color = std::getenv("NO_COLOR");
    if (no_color && *no_color) return false;
    if (environment_is("TERM", "dumb")) return false;
    return !to_file && ::isatty(STDOUT_FILENO);
}

void print_notices(const Notices& notices) {
    for (const std::string& notice : notices.messages()) std::cerr << "pysec: notice: " << notice << "\n";
}

int run_scan_command(const ScanArguments& arguments) {
    ScanOptions options;
    options.source.paths = arguments.paths;
    if (!arguments.revision.empty()) options.source.revision = arguments.revision;
    options.source.github_actions = environment_is("GITHUB_ACTIONS", "true");
    if (!arguments.config.empty()) options.config_file = arguments.config;
    options.use_config = !arguments.no_config;
    options.min_severity = *parse_severity(arguments.min_severity);
    options.min_confidence = *parse_confidence(arguments.min_confidence);
    options.persona = *parse_persona(arguments.persona);
    options.max_file_size = arguments.max_file_size;
    options.offline = arguments.offline;
    FailOn fail_on = *parse_fail_on(arguments.fail_on);
    ReportFormat format = *parse_report_format(arguments.format);

    ScanResult result = run_scan(options);
    print_notices(result.notices);
    std::string report = render_report(result, format, format == ReportFormat::Text && use_color(!arguments.output.empty()));
    if (arguments.output.empty()) {
        std::cout << report << std::flush;
    } else {
        write_text_file(arguments.output, report);
        if (format != ReportFormat::Text) std::cerr << "pysec: " << arguments.output << ": written\n";
    }
    if (result.internal_error) return exit_internal_error;
    return exit_status_for(result.summary.highest, fail_on);
}

int run_rules_command(const std::string& id, bool markdown) {
    if (markdown) {
        std::cout << render_rules_markdown();
        return exit_clean;
    }
    if (id.empty()) {
        std::cout << render_rule_list();
        return exit_clean;
    }
    const Rule* rule = find_rule(id);
    if (!rule) {
        std::cerr << "pysec: unknown rule '" << id << "'; `pysec rules` lists them\n";
        return exit_usage_error;
    }
    std::cout << render_rule_doc(rule->info());
    return exit_clean;
}

CLI::Validator one_of(std::vector<std::string> names) { return CLI::IsMember(std::move(names)); }

}  // namespace

int run_cli(int argc, char** argv) {
    CLI::App app{"pysec: audit a Python repository's GitHub Actions workflows and dependency configuration"};
    app.set_version_flag("--version", std::string("pysec ") + PYSEC_VERSION);
    app.require_subcommand(1);

    ScanArguments scan;
    CLI::App* scan_command = app.add_subcommand("scan", "Scan a repository (default: the current directory) or files");
    scan_command->add_option("path", scan.paths, "A directory (the repository, or part of it) or one or more files");
    scan_command->add_option("--rev", scan.revision, "Scan the tree of this commit (branch, tag, SHA, HEAD~1) without a checkout");
    scan_command->add_option("--format", scan.format, "Report format")->check(one_of({"text", "json", "sarif", "github"}));
    scan_command->add_option("-o,--output", scan.output, "Write the report to FILE instead of standard output");
    scan_command->add_option("--config", scan.config, "Read settings from FILE instead of .github/pysec.yml");
    scan_command->add_flag("--no-config", scan.no_config, "Ignore .github/pysec.yml and zizmor.yml");
    scan_command->add_option("--min-severity", scan.min_severity, "Hide findings below this severity")
        ->check(one_of({"informational", "low", "medium", "high"}));
    scan_command->add_option("--min-confidence", scan.min_confidence, "Hide findings below this confidence")
        ->check(one_of({"low", "medium", "high"}));
    scan_command->add_option("--persona", scan.persona, "regular, pedantic (more opinions) or auditor (everything)")
        ->check(one_of({"regular", "pedantic", "auditor"}));
    scan_command->add_option("--fail-on", scan.fail_on, "Exit non-zero when a shown finding is at least this severe")
        ->check(one_of({"informational", "low", "medium", "high", "never"}));
    scan_command->add_flag("--offline", scan.offline, "Never use the network (online checks are skipped)");
    scan_command->add_option("--max-file-size", scan.max_file_size, "Skip files larger than this (e.g. 5MiB)")
        ->transform(CLI::AsSizeValue(false));
    scan_command->get_option("--no-config")->excludes(scan_command->get_option("--config"));

    std::string rule_id;
    bool markdown = false;
    CLI::App* rules_command = app.add_subcommand("rules", "List the rules, or print one rule's documentation");
    rules_command->add_option("id", rule_id, "A rule id");
    rules_command->add_flag("--markdown", markdown, "Print every rule's documentation as Markdown (docs/rules.md)");

    app.add_subcommand("action", "Run as the GitHub Action (reads INPUT_* and GITHUB_* from the environment)");

    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& error) {
        return app.exit(error);
    } catch (const CLI::CallForAllHelp& error) {
        return app.exit(error);
    } catch (const CLI::CallForVersion& error) {
        return app.exit(error);
    } catch (const CLI::ParseError& error) {
        app.exit(error);
        return exit_usage_error;
    }

    try {
        if (scan_command->parsed()) return run_scan_command(scan);
        if (rules_command->parsed()) return run_rules_command(rule_id, markdown);
        return run_action();
    } catch (const UsageError& error) {
        std::cerr << "pysec: error: " << error.what() << "\n";
        return exit_usage_error;
    } catch (const std::exception& error) {
        std::cerr << "pysec: internal error: " << error.what() << "\n";
        return exit_internal_error;
    }
}

}  // namespace pysec
