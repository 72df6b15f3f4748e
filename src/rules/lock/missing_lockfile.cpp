// missing-lockfile: an application managed by uv, PDM or Poetry that commits
// no lock file, so every install resolves afresh.

#include <map>

#include "core/repository_path.hpp"
#include "rules/all_rules.hpp"
#include "rules/lock/test_data_paths.hpp"
#include "rules/python/step_environment.hpp"
#include "rules/python/tool_runners.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo missing_lockfile_info{
    .id = "missing-lockfile",
    .title = "application managed by uv, PDM or Poetry without a committed lock file",
    .severity = Severity::Low,
    .confidence = Confidence::Medium,
    .persona = Persona::Regular,
    .family = "lockfiles",
    .what = "A `pyproject.toml` of an application managed by uv, PDM or Poetry, with no lock file committed "
            "in its directory or any directory above it (`uv.lock`, `pylock.toml`/`pylock.*.toml`, `pdm.lock`, "
            "`poetry.lock`; a uv workspace keeps one lock at its root).\n"
            "Managed: it has `[tool.uv]`, `[tool.pdm]` or `[tool.poetry]`, or a workflow runs `uv sync` in its "
            "directory (the step's `working-directory`, a `cd`, or `--directory`/`--project`).\n"
            "An application, not a library: libraries are published and installed into other projects' "
            "environments, so they legitimately leave pinning to those projects and many do not commit a lock. "
            "A project counts as an application when it says it is not a package: `[tool.uv] package = false`, "
            "`[tool.poetry] package-mode = false`, `[tool.pdm] distribution = false`; or when it has a "
            "`[project]` table and no `[build-system]` (uv and PDM then do not build or install it as a "
            "package); or when it is a uv workspace root without a `[project]` (a virtual workspace). A project "
            "with a `[build-system]` is taken to be a library unless it opts out as above.\n"
            "Not reported: `pyproject.toml` files under directories named `test`, `tests`, `testing`, "
            "`test-data`, `testdata`, `test_data`, `fixtures`, `examples`, `example`, `samples` or `templates`, "
            "or in a path with a template placeholder (`{{`): test data, examples and project templates, not "
            "projects of the repository; and scans of named files, where the rest of the repository is not seen.",
    .why = "Without a committed lock, `uv sync`, `pdm install` and `poetry install` resolve the newest versions "
           "that match at that moment, in CI and in every deployment: a compromised release published an hour "
           "ago is installed without review, with no hash to stop a swapped file, and no record of what ran. "
           "A lock turns every dependency change into a reviewed diff, and is what hashes, cooldown checks and "
           "vulnerability scans (pip-audit, `uv audit`) work from.",
    .fix = "Create the lock (`uv lock`, `pdm lock`, `poetry lock`), commit it, and install from it in CI "
           "(`uv sync --locked`, `pdm install --frozen-lockfile`, `poetry install --sync` after `poetry check "
           "--lock`). Let the update bot keep it current.",
    .example = "Before: pyproject.toml with\n"
               "  [tool.uv]\n"
               "  package = false\n"
               "and uv.lock listed in .gitignore.\n"
               "After: `uv lock`, then\n"
               "  git add uv.lock\n",
};

std::string directory_of(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string{} : std::string(path.substr(0, slash));
}

const Node* table(const Node* parent, std::string_view key) {
    const Node* value = parent && parent->is_mapping() ? parent->get(key) : nullptr;
    return value && value->is_mapping() ? value : nullptr;
}

// The key node of `parent.key` (for `[tool.uv]`, the `uv` key), or null.
const Node* key_of(const Node* parent, std::string_view key) {
    const Node::Entry* entry = parent && parent->is_mapping() ? parent->find(key) : nullptr;
    return entry ? entry->key : nullptr;
}

// A `key = false` setting, or null.
const Node* false_setting(const Node* parent, std::string_view key) {
    const Node* value = parent ? parent->get(key) : nullptr;
    return value && value->as_bool() == false ? value : nullptr;
}

// Directories in which a workflow runs `uv sync`, with the first such command.
std::map<std::string, Location> uv_sync_directories(const Project& project) {
    std::map<std::string, Location> directories;
    for_each_step(project, [&](const StepSite& site) {
        for (const shell::Command& command : site.step.commands) {
            shell::Invocation invocation = shell::invocation_of(command);
            if (!uv_command(invocation).is("sync")) continue;
            std::optional<std::string> directory = command_directory(site, command);
            if (!directory) continue;
            if (auto option = option_value(invocation.arguments, {"--directory", "--project"})) {
                auto resolved = resolve_relative_path(*directory, option->text);
                if (!resolved) continue;
                directory = *resolved;
            }
            directories.try_emplace(*directory, run_location(site.document, site.step, command.begin, command.end,
                                                             "a workflow runs `uv sync` here"));
        }
    });
    return directories;
}

class MissingLockfileRule final : public Rule {
public:
    const RuleInfo& info() const override { return missing_lockfile_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        const Project& project = context.project;
        if (!project.is_whole_repository()) return;
        std::vector<std::string> lock_directories;
        for (const ProjectFile& file : project.files()) {
            if (file.kind == FileKind::UvLock || file.kind == FileKind::Pylock) {
                lock_directories.push_back(directory_of(file.path));
            }
        }
        for (const std::string& path : project.other_lockfiles()) lock_directories.push_back(directory_of(path));
        std::optional<std::map<std::string, Location>> synced;  // computed on first need
        for (const ProjectFile& file : project.files()) {
            if (file.kind != FileKind::Pyproject || !file.document || in_test_or_example_directory(file.path)) continue;
            const Node* root = file.document->root();
            if (!root || !root->is_mapping()) continue;
            std::string directory = directory_of(file.path);
            if (has_lock(lock_directories, directory)) continue;
            if (!synced) synced = uv_sync_directories(project);
            auto sync = synced->find(directory);
            check_project(*file.document, *root, sync == synced->end() ? nullptr : &sync->second, sink);
        }
    }

private:
    static bool has_lock(const std::vector<std::string>& lock_directories, const std::string& directory) {
        for (const std::string& lock : lock_directories) {
            if (lock.empty() || directory == lock || directory.starts_with(lock + "/")) return true;
        }
        return false;
    }

    void check_project(const Document& document, const Node& root, const Location* uv_sync,
                       FindingSink& sink) const {
        const Node* tool = table(&root, "tool");
        const Node* uv = table(tool, "uv");
        const Node* pdm = table(tool, "pdm");
        const Node* poetry = table(tool, "poetry");
        const Node* project_table = table(&root, "project");
        bool builds = root.get("build-system") != nullptr;

        const Node* evidence = nullptr;  // where the finding points
        std::string manager;
        std::string why;
        if (uv) {
            manager = "uv";
            const Node* package = uv->get("package");
            if (const Node* off = false_setting(uv, "package")) {
                evidence = off;
                why = "`package = false`";
            } else if (!project_table && table(uv, "workspace")) {
                evidence = key_of(uv, "workspace");
                why = "a virtual workspace root";
            } else if (project_table && !builds && !(package && package->as_bool() == true)) {
                evidence = key_of(tool, "uv");
                why = "no `[build-system]`: uv does not build it as a package";
            }
        }
        if (!evidence && pdm) {
            manager = "PDM";
            if (const Node* off = false_setting(pdm, "distribution")) {
                evidence = off;
                why = "`distribution = false`";
            } else if (project_table && !builds) {
                evidence = key_of(tool, "pdm");
                why = "no `[build-system]`: PDM does not build it as a package";
            }
        }
        if (!evidence && poetry) {
            manager = "Poetry";
            if (const Node* off = false_setting(poetry, "package-mode")) {
                evidence = off;
                why = "`package-mode = false`";
            }
        }
        if (!evidence && !uv && !pdm && !poetry && uv_sync && project_table && !builds) {
            manager = "uv";
            evidence = key_of(&root, "project");
            why = "a workflow runs `uv sync` for it, and it has no `[build-system]`";
        }
        if (!evidence) return;
        Finding finding = finding_at(document, *evidence,
                                     "no lock file is committed for this " + manager + " application (" + why +
                                         "): every install resolves the newest matching versions");
        if (uv_sync) finding.related.push_back(*uv_sync);
        finding.help = manager == "uv" ? "uv lock && git add uv.lock"
                       : manager == "PDM" ? "pdm lock && git add pdm.lock"
                                          : "poetry lock && git add poetry.lock";
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_missing_lockfile_rule() { return std::make_unique<MissingLockfileRule>(); }

}  // namespace pysec
