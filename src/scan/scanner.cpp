#include "scan/scanner.hpp"
#include "scan/collect_files.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_set>

#include "config/scan_config.hpp"
#include "core/fingerprint.hpp"
#include "core/secret_tokens.hpp"
#include "filter/filters.hpp"
#include "inventory/file_kind.hpp"
#include "parse/parse.hpp"
#include "repo/safe_file.hpp"
#include "rules/registry.hpp"

namespace pysec {
namespace {

constexpr const char* pysec_config_paths[] = {".github/pysec.yml", ".github/pysec.yaml"};
constexpr const char* zizmor_config_paths[] = {".github/zizmor.yml", ".github/zizmor.yaml", "zizmor.yml",
                                               "zizmor.yaml"};

ScanConfig load_config(Source& source, const ScanOptions& options, Notices& notices) {
    try {
        if (options.config_file) {
            return ScanConfig(*options.config_file, read_named_file(*options.config_file, options.max_file_size),
                              ScanConfig::Origin::Pysec, notices);
        }
        if (!options.use_config) return {};
        for (const char* path : pysec_config_paths) {
            if (auto text = source.read_path(path, options.max_file_size)) {
                return ScanConfig(path, std::move(*text), ScanConfig::Origin::Pysec, notices);
            }
        }
        for (const char* path : zizmor_config_paths) {
            if (auto text = source.read_path(path, options.max_file_size)) {
                return ScanConfig(path, std::move(*text), ScanConfig::Origin::Zizmor, notices);
            }
        }
    } catch (const ConfigError& error) {
        throw UsageError(std::string("invalid config: ") + error.what());
    } catch (const SourceError& error) {
        throw UsageError(std::string("cannot read config: ") + error.what());
    }
    return {};
}

// Parses the files on every core: parsing is most of a scan's time, and each
// document is independent.  The project keeps the listing order.
void parse_files(std::vector<PendingFile>& pending, Project& project) {
    std::vector<ProjectFile> parsed(pending.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < pending.size(); i = next++) {
            PendingFile& file = pending[i];
            ProjectFile& result = parsed[i];
            result.path = file.path;
            result.kind = file.kind;
            result.failure = std::move(file.failure);
            result.last_change_time = file.last_change_time;
            if (!file.text) continue;
            ParsedFile document = parse_document(file.path, std::move(*file.text), format_of(file.kind, file.path));
            result.document = std::move(document.document);
            result.failure = std::move(document.failure);
        }
    };
    std::size_t threads = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
    threads = std::min(threads, std::max<std::size_t>(1, pending.size() / 16));
    std::vector<std::jthread> workers;
    for (std::size_t i = 1; i < threads; ++i) workers.emplace_back(work);
    work();
    workers.clear();  // joins
    for (ProjectFile& file : parsed) project.add_file(std::move(file));
    project.build_models();
}

class CollectingSink : public FindingSink {
public:
    void add(Finding finding) override { findings.push_back(std::move(finding)); }
    std::vector<Finding> findings;
};

std::vector<Finding> run_rules(const Project& project, const ScanConfig& config, Notices& notices,
                               bool& internal_error) {
    CollectingSink sink;
    for (const auto& rule : all_rules()) {
        const RuleSettings* settings = config.rule(rule->info().id);
        if (settings && settings->disabled) continue;
        const Node* rule_config = settings ? settings->config : nullptr;
        std::string id(rule->info().id);
        CollectingSink rule_sink;
        try {
            rule->check(RuleContext{project, rule_config}, rule_sink);
        } catch (const RuleConfigError& error) {
            if (config.origin() != ScanConfig::Origin::Zizmor) {
                throw UsageError("invalid config in " + config.path() + ": " + error.what());
            }
            // zizmor's options for this audit differ from ours: use our defaults.
            notices.add("ignoring the zizmor config of " + id + " (" + error.what() + ")");
            rule_sink.findings.clear();
            rule->check(RuleContext{project, nullptr}, rule_sink);
        } catch (const std::exception& error) {
            notices.add("internal error in rule " + id + ": " + error.what() + " (please report this)");
            internal_error = true;
            continue;
        }
        for (Finding& finding : rule_sink.findings) sink.add(std::move(finding));
    }
    return std::move(sink.findings);
}

// Rules never quote a secret on purpose; this catches the ones that quote a
// value which happens to hold one (a token inside a `run:` command line).
void redact_secrets(std::vector<Finding>& findings) {
    for (Finding& finding : findings) {
        finding.message = redact_secret_tokens(finding.message);
        finding.help = redact_secret_tokens(finding.help);
        for (Location& related : finding.related) related.message = redact_secret_tokens(related.message);
    }
}

// A node reached twice (a YAML alias used in two jobs) is one finding, not two.
void drop_duplicates(std::vector<Finding>& findings) {
    std::unordered_set<std::uint64_t> seen;
    std::vector<Finding> unique;
    unique.reserve(findings.size());
    for (Finding& finding : findings) {
        const Span& span = finding.location.span;
        std::string key = finding.rule_id + '\0' + finding.location.path + '\0' + std::to_string(span.begin.line) +
                          ':' + std::to_string(span.begin.column) + '-' + std::to_string(span.end.line) + ':' +
                          std::to_string(span.end.column) + '\0' + finding.message;
        if (seen.insert(fnv1a64(key)).second) unique.push_back(std::move(finding));
    }
    findings = std::move(unique);
}

}  // namespace

ScanResult scan_source(Source& source, const ScanOptions& options, Notices notices) {
    ScanResult result;
    result.notices = std::move(notices);
    result.source_description = source.description();
    ScanConfig config = load_config(source, options, result.notices);
    result.config_path = config.path();

    result.project = std::make_unique<Project>();
    try {
        CollectedFiles collected = collect_files(source, options, config, result.notices);
        parse_files(collected.files, *result.project);
        result.project->set_whole_repository(!collected.named_only);
        result.project->set_other_lockfiles(std::move(collected.other_lockfiles));
    } catch (const SourceRequestError& error) {
        throw UsageError(error.what());
    }
    result.summary.files_scanned = result.project->files().size();

    std::vector<Finding> findings = run_rules(*result.project, config, result.notices, result.internal_error);
    drop_duplicates(findings);
    redact_secrets(findings);
    assign_fingerprints(findings, result.project->documents());
    FilterOptions filter{options.min_severity, options.min_confidence, options.persona};
    result.findings = apply_filters(std::move(findings), config, *result.project, filter, result.summary);

    std::sort(result.findings.begin(), result.findings.end(), [](const Finding& a, const Finding& b) {
        return std::tie(a.location.path, a.location.span.begin, a.rule_id) <
               std::tie(b.location.path, b.location.span.begin, b.rule_id);
    });
    for (const Finding& finding : result.findings) {
        ++result.summary.by_severity[static_cast<std::size_t>(finding.severity)];
        if (!result.summary.highest || finding.severity > *result.summary.highest) {
            result.summary.highest = finding.severity;
        }
    }
    return result;
}

ScanResult run_scan(const ScanOptions& options) {
    Notices notices;
    std::unique_ptr<Source> source;
    try {
        source = open_source(options.source, notices);
    } catch (const SourceRequestError& error) {
        throw UsageError(error.what());
    }
    return scan_source(*source, options, std::move(notices));
}

}  // namespace pysec
