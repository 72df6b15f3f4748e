// lock-missing-hashes: a locked file the installer cannot verify, because the
// lock records no hash for it.

#include "rules/all_rules.hpp"
#include "rules/lock/test_data_paths.hpp"
#include "rules/lock/lock_locations.hpp"

namespace pysec {
namespace {

constexpr RuleInfo lock_missing_hashes_info{
    .id = "lock-missing-hashes",
    .title = "locked files without hashes",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "lockfiles",
    .what = "In `uv.lock`, a package from a registry (`source = { registry = ... }`) or a URL "
            "(`source = { url = ... }`) whose `sdist` or one of whose `wheels` has no `hash`. In `pylock.toml` "
            "(PEP 751), a package whose `archive`, `sdist` or one of whose `wheels` has no `hashes`. One finding "
            "per package, on its `[[package]]` table, naming the files without a hash; the first of them is a "
            "related location.\n"
            "Not reported: git sources (the commit pins them), local paths, directories, editable and virtual "
            "packages (they are the repository's own files), and `vcs`/`directory` packages of pylock.toml."
            "\n"
            "Locks in test-data directories (a directory named `test`, `tests`, `testing`, `test-data`, "
            "`testdata`, `test_data` or `fixtures`) are not judged: they are inputs of the repository's own "
            "tests, not locks anyone installs.",
    .why = "A lock file is only as strong as what the installer checks. With a hash, uv and pip refuse a file "
           "whose content changed since it was locked: a compromised index or mirror, a man in the middle, or a "
           "re-uploaded artifact cannot swap the code. Without one, the lock pins a name and a version, and "
           "whatever bytes the index serves for it get installed. uv leaves the hash out when the index does "
           "not publish one (some private registries and proxies); PEP 751 requires hashes for every archive.",
    .fix = "Lock from an index that publishes hashes (PyPI does), or configure the private registry to serve "
           "them, and re-lock (`uv lock`, `pip lock`). For a URL dependency, point at a file whose hash the "
           "index provides, or add `#sha256=<hash>` to the URL.",
    .example = "Before:\n"
               "  [[package]]\n"
               "  name = \"internal-lib\"\n"
               "  version = \"2.1.0\"\n"
               "  source = { registry = \"https://pkgs.example.com/simple\" }\n"
               "  wheels = [{ url = \"https://pkgs.example.com/internal_lib-2.1.0-py3-none-any.whl\" }]\n"
               "After:\n"
               "  wheels = [{ url = \"https://pkgs.example.com/internal_lib-2.1.0-py3-none-any.whl\", "
               "hash = \"sha256:4c8b...\" }]\n",
};

class LockMissingHashesRule final : public Rule {
public:
    const RuleInfo& info() const override { return lock_missing_hashes_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const UvLock& lock : context.project.uv_locks()) {
            if (in_test_data_directory(lock.document->path())) continue;
            for (const UvLockPackage& package : lock.packages) {
                if (package.source_kind != UvSourceKind::Registry && package.source_kind != UvSourceKind::Url) {
                    continue;
                }
                report(*lock.document, *package.node, package.name, package.version, package.artifacts(),
                       package.source_kind == UvSourceKind::Url ? "from a URL" : "from a registry", sink);
            }
        }
        for (const Pylock& lock : context.project.pylocks()) {
            if (in_test_data_directory(lock.document->path())) continue;
            for (const PylockPackage& package : lock.packages) {
                report(*lock.document, *package.node, package.name, package.version, package.artifacts(), "", sink);
            }
        }
    }

private:
    void report(const Document& document, const Node& package_node, const std::string& name,
                const std::string& version, const std::vector<const LockArtifact*>& artifacts, std::string_view origin,
                FindingSink& sink) const {
        std::vector<const LockArtifact*> unhashed;
        for (const LockArtifact* artifact : artifacts) {
            if (artifact->hashes.empty()) unhashed.push_back(artifact);
        }
        if (unhashed.empty()) return;
        std::string files;
        for (std::size_t i = 0; i < unhashed.size() && i < 3; ++i) {
            files += (i ? ", `" : "`") + unhashed[i]->display_name() + "`";
        }
        if (unhashed.size() > 3) files += ", ...";
        std::string count = unhashed.size() == artifacts.size()
                                ? (artifacts.size() == 1 ? std::string("its file") : "all " + std::to_string(artifacts.size()) + " of its files")
                                : std::to_string(unhashed.size()) + " of its " + std::to_string(artifacts.size()) + " files";
        std::string message = package_label(name, version) + (origin.empty() ? "" : " " + std::string(origin)) +
                              " is locked without a hash for " + count + " (" + files +
                              "): the installer cannot tell whether the file it downloads is the one that was locked";
        Finding finding = finding_at(first_line_location(document, package_node), std::move(message));
        finding.node = &package_node;
        finding.related.push_back(artifact_location(document, *unhashed.front(), "no hash for this file"));
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_lock_missing_hashes_rule() { return std::make_unique<LockMissingHashesRule>(); }

}  // namespace pysec
