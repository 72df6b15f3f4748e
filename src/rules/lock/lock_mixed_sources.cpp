// lock-mixed-sources: a lock whose packages come from more than one registry
// in ways that let one registry stand in for another.

#include <map>
#include <set>

#include "rules/all_rules.hpp"
#include "rules/lock/test_data_paths.hpp"
#include "rules/lock/explicit_index_pins.hpp"
#include "rules/lock/lock_locations.hpp"

namespace pysec {
namespace {

constexpr RuleInfo lock_mixed_sources_info{
    .id = "lock-mixed-sources",
    .title = "lock mixing packages from several registries",
    .severity = Severity::Medium,
    .confidence = Confidence::Medium,
    .persona = Persona::Regular,
    .family = "lockfiles",
    .what = "In `uv.lock` (`source = { registry = ... }`) or `pylock.toml` (`index = ...`):\n"
            "- a package name locked from more than one registry (one finding on the first `[[package]]` of "
            "that name, the others as related locations);\n"
            "- a package locked from a registry other than PyPI in a lock that also has packages from PyPI (one "
            "finding per such package).\n"
            "Registry URLs are compared without credentials, trailing slashes or case in the host; "
            "`https://pypi.org/simple` and `https://pypi.python.org/simple` are PyPI.\n"
            "Not reported (uv.lock): packages that the project's `[tool.uv.sources]` pins to indexes declared "
            "`explicit = true` in `[[tool.uv.index]]` or uv.toml's `[[index]]` (read from every pyproject.toml "
            "and uv.toml in the lock's directory and below), whose URL is the one the lock names. That is uv's documented way to take, say, "
            "`torch` from the PyTorch index: only the pinned packages can come from it, and they can come from "
            "nowhere else. A lock whose packages all come from one registry other than PyPI (a proxy or mirror) "
            "is not reported either."
            "\n"
            "Locks in test-data directories (a directory named `test`, `tests`, `testing`, `test-data`, "
            "`testdata`, `test_data` or `fixtures`) are not judged: they are inputs of the repository's own "
            "tests, not locks anyone installs.",
    .why = "When several registries can serve a name, whichever answers (or offers the higher version) wins: "
           "an attacker who registers an internal package's name on PyPI, or a private index that mirrors a "
           "public name, can substitute their code. This is dependency confusion, the attack Alex Birsan used "
           "in 2021 against Apple, Microsoft and others, and the way the `torchtriton` package reached PyTorch "
           "nightly users from PyPI in December 2022. The lock shows where each package really came from.",
    .fix = "Pin each package that must come from a private or special index to it with `[tool.uv.sources]` "
           "and declare that index `explicit = true`, so that uv never asks it for anything else and never "
           "asks another index for that package; or serve every package through one registry (a proxy of "
           "PyPI). Then re-lock.",
    .example = "Before (pyproject.toml):\n"
               "  [[tool.uv.index]]\n"
               "  name = \"internal\"\n"
               "  url = \"https://pkgs.example.com/simple\"\n"
               "After:\n"
               "  [[tool.uv.index]]\n"
               "  name = \"internal\"\n"
               "  url = \"https://pkgs.example.com/simple\"\n"
               "  explicit = true\n"
               "  [tool.uv.sources]\n"
               "  internal-lib = { index = \"internal\" }\n",
};

// A package as this rule sees it, from either lock format.
struct RegistryPackage {
    const Node* node;
    std::string name;
    std::string canonical_name;
    std::string version;
    std::string registry;  // normalized
};

std::string directory_of(std::string_view path) {
    auto slash = path.rfind('/');
    return slash == std::string_view::npos ? std::string{} : std::string(path.substr(0, slash));
}

class LockMixedSourcesRule final : public Rule {
public:
    const RuleInfo& info() const override { return lock_mixed_sources_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const UvLock& lock : context.project.uv_locks()) {
            if (in_test_data_directory(lock.document->path())) continue;
            ExplicitIndexPins pins(context.project, directory_of(lock.document->path()));
            std::vector<RegistryPackage> packages;
            for (const UvLockPackage& package : lock.packages) {
                if (!package.from_registry() || package.source.empty()) continue;
                if (pins.pins(package.canonical_name, package.source)) continue;
                packages.push_back(RegistryPackage{package.node, package.name, package.canonical_name,
                                                   package.version, normalize_index_url(package.source)});
            }
            check_lock(*lock.document, packages, sink);
        }
        for (const Pylock& lock : context.project.pylocks()) {
            if (in_test_data_directory(lock.document->path())) continue;
            std::vector<RegistryPackage> packages;
            for (const PylockPackage& package : lock.packages) {
                if (package.index.empty()) continue;
                packages.push_back(RegistryPackage{package.node, package.name, package.canonical_name,
                                                   package.version, normalize_index_url(package.index)});
            }
            check_lock(*lock.document, packages, sink);
        }
    }

private:
    void check_lock(const Document& document, const std::vector<RegistryPackage>& packages,
                    FindingSink& sink) const {
        std::map<std::string, std::vector<const RegistryPackage*>> by_name;
        bool has_pypi = false;
        for (const RegistryPackage& package : packages) {
            by_name[package.canonical_name].push_back(&package);
            has_pypi = has_pypi || is_pypi_index(package.registry);
        }
        std::set<std::string> reported;
        for (const RegistryPackage& package : packages) {
            const auto& same_name = by_name[package.canonical_name];
            std::set<std::string> registries;
            for (const RegistryPackage* other : same_name) registries.insert(other->registry);
            if (registries.size() > 1) {
                if (!reported.insert(package.canonical_name).second) continue;
                std::string list;
                for (const std::string& registry : registries) list += (list.empty() ? "" : ", ") + registry;
                Finding finding = finding_at(first_line_location(document, *package.node),
                                             "`" + package.name + "` is locked from " +
                                                 std::to_string(registries.size()) + " registries (" + list +
                                                 "): whichever serves the name can substitute the package");
                finding.node = package.node;
                for (const RegistryPackage* other : same_name) {
                    if (other != &package && other->registry != package.registry) {
                        finding.related.push_back(first_line_location(
                            document, *other->node, "`" + other->name + "` from " + other->registry));
                    }
                }
                sink.add(std::move(finding));
                continue;
            }
            if (!has_pypi || is_pypi_index(package.registry)) continue;
            Finding finding = finding_at(first_line_location(document, *package.node),
                                         package_label(package.name, package.version) + " comes from " +
                                             package.registry +
                                             " while other packages of this lock come from PyPI: a name served "
                                             "by both can be taken from the wrong one (dependency confusion)");
            finding.node = package.node;
            sink.add(std::move(finding));
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_lock_mixed_sources_rule() { return std::make_unique<LockMixedSourcesRule>(); }

}  // namespace pysec
