// lock-sdist-only: a locked registry package that can only be installed by
// building its source distribution, which runs its build backend.

#include "rules/all_rules.hpp"
#include "rules/lock/test_data_paths.hpp"
#include "rules/lock/lock_locations.hpp"

namespace pysec {
namespace {

constexpr RuleInfo lock_sdist_only_info{
    .id = "lock-sdist-only",
    .title = "locked registry package with an sdist and no wheels",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "lockfiles",
    .what = "A package locked from a registry that has an `sdist` and no `wheels` (none listed, or an empty "
            "list): in `uv.lock`, a `source = { registry = ... }` package; in `pylock.toml`, a package with an "
            "`index`, or whose sdist is fetched by URL, and no `archive`. One finding per package, on its "
            "`[[package]]` table, with the sdist as a related location.\n"
            "Not reported: git, URL, path and directory sources and the project's own packages (building "
            "them is expected); and packages with at least one wheel, even when their wheels cover only some "
            "platforms (elsewhere uv builds the sdist: `no-build = true` and sdist-build-allowed cover that)."
            "\n"
            "Locks in test-data directories (a directory named `test`, `tests`, `testing`, `test-data`, "
            "`testdata`, `test_data` or `fixtures`) are not judged: they are inputs of the repository's own "
            "tests, not locks anyone installs.",
    .why = "Installing a source distribution runs code from it: its build backend and `setup.py` execute on "
           "the machine that installs, with its credentials, before any import. A wheel is unpacked, not run. "
           "A package that only ever ships sdists gives whoever controls its releases code execution in every "
           "CI job and developer machine that installs the lock, and a build can also produce different code "
           "than the sdist's reviewers saw.",
    .fix = "Prefer a version (or an alternative package) that publishes wheels. Where building is unavoidable, "
           "build the wheel once in a controlled job and install it from there, and set `no-build = true` "
           "with `no-build-package` listing only the packages you accept to build (uv), so that no other "
           "package starts building silently.",
    .example = "Before (uv.lock):\n"
               "  [[package]]\n"
               "  name = \"legacy-lib\"\n"
               "  version = \"0.9\"\n"
               "  source = { registry = \"https://pypi.org/simple\" }\n"
               "  sdist = { url = \"https://files.pythonhosted.org/.../legacy-lib-0.9.tar.gz\", hash = \"sha256:...\" }\n"
               "After: a version with wheels\n"
               "  version = \"1.2\"\n"
               "  wheels = [{ url = \".../legacy_lib-1.2-py3-none-any.whl\", hash = \"sha256:...\" }]\n",
};

class LockSdistOnlyRule final : public Rule {
public:
    const RuleInfo& info() const override { return lock_sdist_only_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const UvLock& lock : context.project.uv_locks()) {
            if (in_test_data_directory(lock.document->path())) continue;
            for (const UvLockPackage& package : lock.packages) {
                if (package.from_registry() && package.sdist && package.wheels.empty()) {
                    report(*lock.document, *package.node, package.name, package.version, *package.sdist, sink);
                }
            }
        }
        for (const Pylock& lock : context.project.pylocks()) {
            if (in_test_data_directory(lock.document->path())) continue;
            for (const PylockPackage& package : lock.packages) {
                if (package.from_registry() && package.sdist && package.wheels.empty() && !package.archive) {
                    report(*lock.document, *package.node, package.name, package.version, *package.sdist, sink);
                }
            }
        }
    }

private:
    void report(const Document& document, const Node& package_node, const std::string& name,
                const std::string& version, const LockArtifact& sdist, FindingSink& sink) const {
        Finding finding = finding_at(first_line_location(document, package_node),
                                     package_label(name, version) +
                                         " is locked with a source distribution and no wheels: installing it "
                                         "runs its build backend");
        finding.node = &package_node;
        finding.related.push_back(artifact_location(document, sdist, "the only file: a source distribution"));
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_lock_sdist_only_rule() { return std::make_unique<LockSdistOnlyRule>(); }

}  // namespace pysec
