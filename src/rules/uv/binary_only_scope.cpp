// binary-only-scope: a build policy under `[tool.uv.pip]` / uv.toml `[pip]`
// in a project that `uv lock`/`uv sync` manage, which never read that table.

#include "rules/all_rules.hpp"
#include "rules/uv/uv_projects.hpp"
#include "rules/uv/uv_resolution.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo binary_only_scope_info{
    .id = "binary-only-scope",
    .title = "only-binary under [tool.uv.pip] in a project managed by uv lock/sync",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "uv",
    .what = "`only-binary` (or `no-build = true`) set under `[tool.uv.pip]` in pyproject.toml or `[pip]` in uv.toml, "
            "while the top level of the same settings has no `no-build = true`, where uv manages the project: uv locks "
            "a project these settings apply to (a committed uv.lock, outside test-data directories, whose "
            "directory uv reads these settings for), or a workflow or action runs `uv lock`, `uv sync`, `uv run`, "
            "`uv export`, `uv add` or `uv remove`. uv documents the `pip` table as "
            "\"ignored when running commands outside the `uv pip` namespace\", so those commands still build source "
            "distributions. Settings that uv ignores (a `[tool.uv]` next to a uv.toml) are not reported. Not run when only named files are scanned.",
    .why = "The setting says \"never run a package's build code\", and it holds only for `uv pip install`: "
           "`uv sync` happily builds an sdist (running its `setup.py` or build backend) when a release has no "
           "wheel, which is exactly how a malicious source-only release gets to execute in CI.",
    .fix = "Set `no-build = true` at the top level of `[tool.uv]` (or uv.toml); keep the `pip` table only for "
           "settings that are meant for `uv pip`.",
    .example = "Before:\n"
               "  [tool.uv.pip]\n"
               "  only-binary = [\":all:\"]\n"
               "After:\n"
               "  [tool.uv]\n"
               "  no-build = true\n",
};

// uv locks a project these settings apply to, or CI runs `uv lock`/`uv sync`
// (whose directory we do not follow: any such command counts).
bool managed_by_uv_projects(const Project& project, const std::vector<UvSettings>& all, const UvSettings& settings) {
    for (const UvProject& uv_project : find_uv_projects(project, all)) {
        if (uv_project.lock && uv_project.settings == &settings) return true;
    }
    bool runs = false;
    for_each_step(project, [&](const StepSite& site) {
        for (const shell::Command& command : site.step.commands) {
            if (uv_manages_project(uv_command(shell::invocation_of(command)))) runs = true;
        }
    });
    return runs;
}

bool is_set(const Node* value) {
    if (!value) return false;
    if (value->is_sequence()) {
        // `[":none:"]` turns the policy off.
        for (const Node* item : value->items) {
            if (!item->is_scalar() || item->value != ":none:") return true;
        }
        return false;
    }
    if (value->is_scalar()) return value->type != ScalarType::Boolean || value->value == "true";
    return true;
}

class BinaryOnlyScopeRule final : public Rule {
public:
    const RuleInfo& info() const override { return binary_only_scope_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        if (!context.project.is_whole_repository()) return;  // whether uv manages the project is not visible
        std::vector<UvSettings> all = read_uv_settings(context.project);
        for (const UvSettings& settings : all) {
            if (settings.shadowed || !settings.pip.table || settings.top.no_build_enabled()) continue;
            std::string table = settings.is_uv_toml() ? "[pip]" : "[tool.uv.pip]";
            for (const char* key : {"only-binary", "no-build"}) {
                const Node::Entry* entry = settings.pip.table->find(key);
                if (!entry || !is_set(entry->value)) continue;
                if (!managed_by_uv_projects(context.project, all, settings)) continue;
                Finding finding = finding_at(*settings.document, *entry->key,
                                             "`" + std::string(key) + "` under `" + table +
                                                 "` applies only to `uv pip` commands: `uv lock` and `uv sync` still "
                                                 "build source distributions");
                finding.help = settings.is_uv_toml() ? "no-build = true" : "[tool.uv]\nno-build = true";
                sink.add(std::move(finding));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_binary_only_scope_rule() { return std::make_unique<BinaryOnlyScopeRule>(); }

}  // namespace pysec
