// sdist-build-allowed: a uv project that lets uv build source distributions
// (running their build code) when no wheel fits.

#include <algorithm>
#include <set>

#include "python/package_name.hpp"
#include "rules/all_rules.hpp"
#include "rules/uv/locked_sdists.hpp"
#include "rules/uv/uv_projects.hpp"

namespace pysec {
namespace {

constexpr RuleInfo sdist_build_allowed_info{
    .id = "sdist-build-allowed",
    .title = "uv project that may build source distributions",
    .severity = Severity::Low,
    .confidence = Confidence::Medium,
    .persona = Persona::Regular,
    .family = "uv",
    .what = "A uv project (as for uv-cooldown: a directory with a uv.lock, or the top-most uv settings file; "
            "test-data directories left out) whose effective settings do not say `no-build = true` at the top "
            "level. The finding names the packages of the project's uv.lock that have an `sdist` and no `wheels`, "
            "which uv can only install by building them. It is not reported when `no-build-package` is set and "
            "lists every such package: nothing in the current lock is then built (uv fails instead). "
            "`no-build` under `[tool.uv.pip]` does not count (binary-only-scope reports it), nor does one in a "
            "`[tool.uv]` that a uv.toml next to it overrides. Confidence is medium: some projects must build a "
            "dependency that has no wheels, and uv has no per-package allow-list for that. Not run when only named files are scanned.",
    .why = "Building a source distribution runs code from the package (`setup.py`, or the build backend it names) "
           "at install time, on developer machines and in CI, before any test or review: a malicious release needs "
           "only to ship without wheels. `no-build = true` makes uv install wheels only, so resolving and installing "
           "never execute package code.",
    .fix = "Add `no-build = true` under `[tool.uv]` (or in uv.toml). If a dependency really has no wheel, build "
           "it once in a controlled job and install the wheel from your own index, or accept that package knowingly.",
    .example = "Before:\n"
               "  [tool.uv]\n"
               "  exclude-newer = \"7 days\"\n"
               "After:\n"
               "  [tool.uv]\n"
               "  exclude-newer = \"7 days\"\n"
               "  no-build = true\n",
};

std::set<std::string> canonical_names(const Node* list) {
    std::set<std::string> names;
    if (!list || !list->is_sequence()) return names;
    for (const Node* item : list->items) {
        if (item->is_scalar()) names.insert(python::canonicalize_name(item->value));
    }
    return names;
}

class SdistBuildAllowedRule final : public Rule {
public:
    const RuleInfo& info() const override { return sdist_build_allowed_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        // The settings that apply and the lock are other files than the ones named on the command line.
        if (!context.project.is_whole_repository()) return;
        std::vector<UvSettings> settings = read_uv_settings(context.project);
        for (const UvProject& project : find_uv_projects(context.project, settings)) {
            const UvSettings* effective = project.settings;
            if (effective && effective->top.no_build_enabled()) continue;
            std::vector<SdistOnlyPackage> sdists = project.lock ? sdist_only_packages(*project.lock)
                                                                : std::vector<SdistOnlyPackage>{};
            if (effective && effective->top.no_build_package) {
                std::set<std::string> covered = canonical_names(effective->top.no_build_package);
                bool all = std::all_of(sdists.begin(), sdists.end(), [&](const SdistOnlyPackage& package) {
                    return covered.count(python::canonicalize_name(package.name)) > 0;
                });
                if (all) continue;
            }
            report(project, sdists, sink);
        }
    }

private:
    void report(const UvProject& project, const std::vector<SdistOnlyPackage>& sdists, FindingSink& sink) const {
        const UvSettings* effective = project.settings;
        std::string message;
        Location location = project.anchor();
        const Node* explicit_false = effective ? effective->top.no_build : nullptr;
        if (explicit_false) {
            location = effective->document->location(*explicit_false);
            message = "`no-build = " + explicit_false->value + "` lets uv build source distributions for " + project.name();
        } else {
            message = std::string(project.directory.empty() ? "The project" : "The project in `" + project.directory + "/`") +
                      " does not set `no-build = true`, so uv builds a source distribution whenever no wheel fits";
        }
        message += ", running the package's build code";
        if (!sdists.empty()) {
            message += "; uv.lock has " + std::to_string(sdists.size()) +
                       (sdists.size() == 1 ? " package" : " packages") + " with no wheel at all: ";
            for (std::size_t i = 0; i < sdists.size() && i < 8; ++i) {
                message += (i == 0 ? "`" : ", `") + sdists[i].name + "`";
            }
            if (sdists.size() > 8) message += " and " + std::to_string(sdists.size() - 8) + " more";
        }
        if (project.shadowed && project.shadowed->top.no_build_enabled()) {
            message += "; the `no-build = true` in pyproject.toml is ignored because of the uv.toml next to it";
        }
        Finding finding = finding_at(location, message);
        if (explicit_false) finding.node = explicit_false;
        for (std::size_t i = 0; i < sdists.size() && i < 8; ++i) {
            finding.related.push_back(project.lock->location(*sdists[i].name_node, "only an sdist is locked"));
        }
        bool uv_toml = effective && effective->is_uv_toml();
        finding.help = uv_toml ? "no-build = true" : "[tool.uv]\nno-build = true";
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_sdist_build_allowed_rule() { return std::make_unique<SdistBuildAllowedRule>(); }

}  // namespace pysec
