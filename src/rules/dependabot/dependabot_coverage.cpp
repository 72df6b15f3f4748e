// dependabot-coverage: Dependabot is configured, but not for everything in
// the repository that pins dependencies.

#include <map>

#include "rules/all_rules.hpp"
#include "rules/dependabot/dependabot_directories.hpp"
#include "rules/dependabot/update_bots.hpp"
#include "rules/dependabot/update_targets.hpp"

namespace pysec {
namespace {

constexpr RuleInfo dependabot_coverage_info{
    .id = "dependabot-coverage",
    .title = "Dependabot does not cover every ecosystem and directory of the repository",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "dependabot",
    .what =
        "Compares the `updates[]` entries of `.github/dependabot.yml` with the files that exist, as Dependabot "
        "finds them (an entry reads its `directory` or each of its `directories`, `*`/`**` globs allowed):\n"
        "- workflows that use repository actions need a `github-actions` entry for `/` (or "
        "`/.github/workflows`); an `action.yml` elsewhere that uses repository actions needs one for its own "
        "directory (`/.github/actions/setup`), since Dependabot reads only the directory it is given;\n"
        "- a `uv.lock` needs a `uv` entry for its directory or the one above it (a `pip` entry does not update "
        "uv.lock, and the finding says so);\n"
        "- requirement files need a `pip` or `uv` entry for their directory or the one above it (both read "
        "`*.txt` files there and in its immediate subdirectories, such as `requirements/`);\n"
        "- a `.pre-commit-config.yaml` with remote hooks needs a `pre-commit` entry for `/`, unless it has a "
        "`ci:` section (pre-commit.ci then updates the hooks).\n"
        "Files under tests/, test/, testdata/, test_data/, test-data/, fixtures/, examples/ and template "
        "directories (`{{cookiecutter...}}`) are test data, not dependencies, and are skipped. Judged only when "
        "the whole repository is scanned, and skipped when Renovate is configured (its config, package.json's "
        "`renovate` key, or a workflow running renovatebot/github-action). A repository without any update bot "
        "is `no-update-bot`'s finding. One finding per uncovered directory, on the `updates:` key, with the "
        "uncovered file as related location.",
    .why = "A pinned dependency that nothing updates goes stale: its known vulnerabilities stay, and the "
           "pins of actions (which should be full commit SHAs) are never moved to fixed releases. Dependabot "
           "only updates what an entry tells it to look at, and a missing ecosystem fails silently.",
    .fix = "Add an `updates[]` entry for the ecosystem and directory the finding names, with a cooldown.",
    .example = "Before (a repository with workflows and uv.lock):\n"
               "  updates:\n"
               "    - package-ecosystem: pip\n"
               "      directory: /\n"
               "After:\n"
               "  updates:\n"
               "    - package-ecosystem: uv\n"
               "      directory: /\n"
               "      schedule: {interval: weekly}\n"
               "      cooldown: {default-days: 7}\n"
               "    - package-ecosystem: github-actions\n"
               "      directory: /\n"
               "      schedule: {interval: weekly}\n"
               "      cooldown: {default-days: 7}\n",
};

std::string_view parent_of(std::string_view directory) { return directory_of(directory); }

std::string shown(std::string_view directory) { return directory.empty() ? "/" : "/" + std::string(directory); }

std::string entry_help(std::string_view ecosystem, std::string_view directory) {
    return "- package-ecosystem: " + std::string(ecosystem) + "\n  directory: " + shown(directory) +
           "\n  schedule: {interval: weekly}\n  cooldown: {default-days: 7}";
}

class Coverage {
public:
    explicit Coverage(std::vector<DependabotScope> scopes) : scopes_(std::move(scopes)) {}

    bool names(std::string_view ecosystem, std::string_view directory) const {
        for (const DependabotScope& scope : scopes_) {
            if (scope.ecosystem == ecosystem && scope_names(scope, directory)) return true;
        }
        return false;
    }

    // The Python fetchers also read the immediate subdirectories of their directory.
    bool reads(std::string_view ecosystem, std::string_view directory) const {
        return names(ecosystem, directory) || (!directory.empty() && names(ecosystem, parent_of(directory)));
    }

private:
    std::vector<DependabotScope> scopes_;
};

bool has_precommit_ci_section(const ProjectFile& file) {
    const Node* root = file.document ? file.document->root() : nullptr;
    return root && root->is_mapping() && root->find("ci");
}

class DependabotCoverageRule final : public Rule {
public:
    const RuleInfo& info() const override { return dependabot_coverage_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        const Project& project = context.project;
        if (!project.is_whole_repository() || project.dependabot_configs().empty()) return;
        if (renovate_configured(project)) return;
        const DependabotConfig& config = project.dependabot_configs().front();
        Coverage coverage(dependabot_scopes(config));
        check_actions(project, config, coverage, sink);
        check_python(project, config, coverage, sink);
        if (const ProjectFile* precommit = precommit_with_remote_hooks(project)) {
            if (!coverage.names("pre-commit", "") && !has_precommit_ci_section(*precommit)) {
                report(config, *precommit,
                       "no `pre-commit` entry: Dependabot never updates the hooks pinned in `" + precommit->path + "`",
                       entry_help("pre-commit", ""), sink);
            }
        }
    }

private:
    void report(const DependabotConfig& config, const ProjectFile& uncovered, std::string message, std::string help,
                FindingSink& sink) const {
        const Document& document = *config.document;
        const Node::Entry* updates = config.root->find("updates");
        Finding finding = updates ? finding_at(document, *updates->key, std::move(message))
                                  : finding_at(Location{document.path(), document.span(config.root->begin,
                                                                                      config.root->begin), {}},
                                               std::move(message));
        if (uncovered.document) {
            std::size_t first_line = uncovered.document->lines().line(1).size();
            finding.related.push_back(Location{uncovered.path, uncovered.document->span(0, first_line), "not covered"});
        }
        finding.help = std::move(help);
        sink.add(std::move(finding));
    }

    void check_actions(const Project& project, const DependabotConfig& config, const Coverage& coverage,
                       FindingSink& sink) const {
        bool workflows_reported = false;
        std::map<std::string, const ProjectFile*> action_directories;
        for (const ProjectFile* file : files_using_remote_actions(project)) {
            if (file->kind == FileKind::Workflow) {
                if (workflows_reported || coverage.names("github-actions", "") ||
                    coverage.names("github-actions", ".github/workflows")) {
                    continue;
                }
                workflows_reported = true;
                report(config, *file,
                       "no `github-actions` entry for `/`: Dependabot never updates the actions that the workflows "
                       "in `.github/workflows/` use",
                       entry_help("github-actions", ""), sink);
            } else if (file->kind == FileKind::Action) {
                action_directories.emplace(std::string(directory_of(file->path)), file);
            }
        }
        for (const auto& [directory, file] : action_directories) {
            if (coverage.names("github-actions", directory)) continue;
            report(config, *file,
                   "no `github-actions` entry for `" + shown(directory) + "`: Dependabot never updates the actions "
                   "that `" + file->path + "` uses (it reads only the directories it is given)",
                   entry_help("github-actions", directory), sink);
        }
    }

    void check_python(const Project& project, const DependabotConfig& config, const Coverage& coverage,
                      FindingSink& sink) const {
        std::map<std::string, const ProjectFile*> requirement_directories;
        for (const ProjectFile* file : python_dependency_files(project)) {
            std::string directory(directory_of(file->path));
            if (file->kind == FileKind::UvLock) {
                if (coverage.reads("uv", directory)) continue;
                if (coverage.reads("pip", directory)) {
                    report(config, *file,
                           "`" + file->path + "` is covered only by a `pip` entry, which does not update uv.lock: "
                           "use `package-ecosystem: uv`",
                           entry_help("uv", directory), sink);
                } else {
                    report(config, *file, "no `uv` entry for `" + shown(directory) + "`: Dependabot never updates `" +
                                              file->path + "`",
                           entry_help("uv", directory), sink);
                }
            } else if (file->kind == FileKind::Requirements) {
                if (!coverage.reads("pip", directory) && !coverage.reads("uv", directory)) {
                    requirement_directories.emplace(directory, file);
                }
            }
        }
        for (const auto& [directory, file] : requirement_directories) {
            report(config, *file,
                   "no `pip` entry for `" + shown(directory) + "`: Dependabot never updates the requirement files "
                   "there (`" + file->path + "`)",
                   entry_help("pip", directory), sink);
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_dependabot_coverage_rule() { return std::make_unique<DependabotCoverageRule>(); }

}  // namespace pysec
