#include "scan/scanner.hpp"

#include <algorithm>
#include <atomic>
#include <thread>
#include <cstdio>
#include <set>
#include <tuple>

#include "config/scan_config.hpp"
#include "core/fingerprint.hpp"
#include "core/secret_tokens.hpp"
#include "filter/filters.hpp"
#include "inventory/file_kind.hpp"
#include "model/requirements.hpp"
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

std::string human_size(std::uint64_t bytes) {
    bool mebibytes = bytes >= 1024 * 1024;
    double value = static_cast<double>(bytes) / (mebibytes ? 1024.0 * 1024.0 : 1024.0);
    char text[32];
    std::snprintf(text, sizeof text, mebibytes ? "%.1f MiB" : "%.1f KiB", value);
    return text;
}

// A collected file between reading and parsing.
struct PendingFile {
    std::string path;
    FileKind kind;
    std::optional<std::string> text;      // set when the file was read
    std::optional<ParseFailure> failure;  // set when it could not be
    std::optional<std::int64_t> last_change_time;  // lock files: from git history
};

ParseFailure too_large_failure(std::uint64_t size, std::uint64_t limit) {
    return ParseFailure{"file is " + human_size(size) + ", over the " + human_size(limit) +
                            " size limit; not scanned (raise it with --max-file-size)",
                        Position{1, 1}};
}

// Lock files of other tools, noted by name only (missing-lockfile).
bool is_other_lockfile(std::string_view path) {
    std::string_view name = path.substr(path.rfind('/') == std::string_view::npos ? 0 : path.rfind('/') + 1);
    return name == "poetry.lock" || name == "pdm.lock";
}

// pip follows `-r`/`-c` to files of any name; so does the scan (RULES.md:
// "and any file reached through -r/-c").  Paths are relative to the
// including file; each file is read once, so cycles end by themselves.
void collect_included_requirement_files(Source& source, const ScanOptions& options, const ScanConfig& config,
                                        Notices& notices, std::vector<PendingFile>& pending) {
    constexpr std::size_t most_included_files = 1000;
    std::set<std::string> known;
    for (const PendingFile& file : pending) known.insert(file.path);
    std::size_t added = 0;
    for (std::size_t next = 0; next < pending.size(); ++next) {
        if (pending[next].kind != FileKind::Requirements || !pending[next].text) continue;
        for (std::string& path : requirement_include_paths(pending[next].path, *pending[next].text)) {
            if (known.contains(path) || config.excludes(path)) continue;
            known.insert(path);
            if (added >= most_included_files) {
                notices.add("not following `-r`/`-c` to " + path + ": more than " +
                            std::to_string(most_included_files) + " included requirement files");
                continue;
            }
            PendingFile file{path, FileKind::Requirements, std::nullopt, std::nullopt, std::nullopt};
            try {
                file.text = source.read_path(path, options.max_file_size);
                // Not in the repository: pip would fail there, and there is nothing to audit.
                if (!file.text) continue;
            } catch (const SourceError& error) {
                if (error.reason() == SourceError::Reason::TooLarge) {
                    notices.add("skipped " + path + ": " + human_size(error.size()) + ", over the " +
                                human_size(options.max_file_size) + " limit (--max-file-size)");
                    file.failure = too_large_failure(error.size(), options.max_file_size);
                } else if (error.reason() == SourceError::Reason::Unreadable) {
                    file.failure = ParseFailure{std::string("cannot read: ") + error.what(), Position{1, 1}};
                } else {
                    notices.add("skipped " + path + " (reached through `-r`/`-c`): " + error.what());
                    continue;
                }
            }
            ++added;
            pending.push_back(std::move(file));
        }
    }
}

// Reads one listed file into `file`; false when it is skipped altogether (with a notice).
bool read_pending(Source& source, const SourceEntry& entry, const ScanOptions& options, Notices& notices,
                  PendingFile& file) {
    try {
        file.text = source.read(entry, options.max_file_size);
    } catch (const SourceError& error) {
        switch (error.reason()) {
            case SourceError::Reason::Symlink:
                notices.add("skipped " + entry.path + ": a symlink in its path (symlinks are never followed)");
                return false;
            case SourceError::Reason::Missing:
                notices.add("skipped " + entry.path + ": tracked but missing from the work tree");
                return false;
            case SourceError::Reason::TooLarge:
                notices.add("skipped " + entry.path + ": " + human_size(error.size()) + ", over the " +
                            human_size(options.max_file_size) + " limit (--max-file-size)");
                file.failure = too_large_failure(error.size(), options.max_file_size);
                break;
            case SourceError::Reason::Unreadable:
                file.failure = ParseFailure{std::string("cannot read: ") + error.what(), Position{1, 1}};
                break;
        }
    }
    return true;
}

// Reads every collected file, in listing order (I/O stays sequential).
std::vector<PendingFile> read_files(Source& source, const ScanOptions& options, const ScanConfig& config,
                                    Notices& notices, bool& named_only, std::vector<std::string>& other_lockfiles) {
    std::vector<PendingFile> pending;
    std::vector<SourceEntry> entries = source.entries();
    named_only = !entries.empty() && std::all_of(entries.begin(), entries.end(),
                                                 [](const SourceEntry& entry) { return entry.named; });
    if (entries.empty()) {
        notices.add("nothing to scan in " + source.description() +
                    " (a directory that git ignores, or files that are not committed yet?)");
    }
    for (const SourceEntry& entry : entries) {
        if (!entry.named && config.excludes(entry.path)) continue;
        if (entry.type == EntryType::File && is_other_lockfile(entry.path)) other_lockfiles.push_back(entry.path);
        std::optional<FileKind> kind = entry.named ? classify_named_file(entry.path) : classify_path(entry.path);
        if (!kind) {
            if (entry.named) throw UsageError(entry.path + ": not a file pysec knows how to audit");
            continue;
        }
        if (entry.type == EntryType::Submodule) continue;
        if (entry.type == EntryType::Symlink) {
            notices.add("skipped " + entry.path + ": a symlink (symlinks are never followed)");
            continue;
        }
        PendingFile file{entry.path, *kind, std::nullopt, std::nullopt, std::nullopt};
        if (!read_pending(source, entry, options, notices, file)) continue;
        if (*kind == FileKind::UvLock || *kind == FileKind::Pylock) {
            file.last_change_time = source.last_change_time(entry.path);
        }
        pending.push_back(std::move(file));
    }
    collect_included_requirement_files(source, options, config, notices, pending);
    return pending;
}

// Parses the files on every core: parsing is most of a scan's time, and each
// document is independent.  The project keeps the listing order.
void parse_files(std::vector<PendingFile> pending, Project& project) {
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
    std::set<std::tuple<std::string, std::string, Position, Position, std::string>> seen;
    std::vector<Finding> unique;
    unique.reserve(findings.size());
    for (Finding& finding : findings) {
        const Location& location = finding.location;
        if (seen.emplace(finding.rule_id, location.path, location.span.begin, location.span.end, finding.message)
                .second) {
            unique.push_back(std::move(finding));
        }
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
        bool named_only = false;
        std::vector<std::string> other_lockfiles;
        parse_files(read_files(source, options, config, result.notices, named_only, other_lockfiles),
                    *result.project);
        result.project->set_whole_repository(!named_only);
        result.project->set_other_lockfiles(std::move(other_lockfiles));
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
