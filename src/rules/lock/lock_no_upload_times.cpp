// lock-no-upload-times: a uv.lock too old to record when its files were
// uploaded, so that no cooldown can be checked against it.

#include "rules/all_rules.hpp"
#include "rules/lock/test_data_paths.hpp"

namespace pysec {
namespace {

constexpr RuleInfo lock_no_upload_times_info{
    .id = "lock-no-upload-times",
    .title = "uv.lock without upload times (older than revision 2)",
    .severity = Severity::Informational,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "lockfiles",
    .what = "A `uv.lock` whose `revision` is below 2 (or absent, as in every lock written before uv added the "
            "field), that locks at least one package from a registry. uv started recording each file's "
            "`upload-time` with lock revision 2; before that, a lock does not say how old its files were. One "
            "finding per lock, on its `revision` (or `version`) key.\n"
            "Not reported: locks with only the project's own packages, and `pylock.toml` (PEP 751 makes "
            "`upload-time` optional and pip does not write it; lock-cooldown-violation simply skips files "
            "without one)."
            "\n"
            "Locks in test-data directories (a directory named `test`, `tests`, `testing`, `test-data`, "
            "`testdata`, `test_data` or `fixtures`) are not judged: they are inputs of the repository's own "
            "tests, not locks anyone installs.",
    .why = "A cooldown (`exclude-newer`, Dependabot's and Renovate's minimum release age) is the defence "
           "against releases that are compromised and pulled within days. Checking that a lock respects it "
           "(lock-cooldown-violation, reviewers reading a lock diff) needs the upload time of every locked file.",
    .fix = "Re-lock with a current uv release, which writes lock revision 2 or later and records `upload-time` "
           "for every file whose index publishes it, and commit the new lock.",
    .example = "Before:\n"
               "  version = 1\n"
               "  requires-python = \">=3.12\"\n"
               "After:\n"
               "  version = 1\n"
               "  revision = 3\n"
               "  requires-python = \">=3.12\"\n",
};

class LockNoUploadTimesRule final : public Rule {
public:
    const RuleInfo& info() const override { return lock_no_upload_times_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const UvLock& lock : context.project.uv_locks()) {
            if (in_test_data_directory(lock.document->path())) continue;
            if (lock.effective_revision() >= 2) continue;
            bool registry = false;
            for (const UvLockPackage& package : lock.packages) registry = registry || package.from_registry();
            if (!registry) continue;
            // The key (`revision`, else `version`) says what is old about the lock.
            const Node* anchor = lock.revision_node ? lock.revision_node : lock.version_node;
            if (anchor && anchor->key) anchor = anchor->key;
            if (!anchor) anchor = lock.packages.front().node;
            std::string revision = lock.revision ? "revision " + std::to_string(*lock.revision) : "no `revision`";
            Finding finding = finding_at(*lock.document, *anchor,
                                         "this uv.lock has " + revision +
                                             ": it was written before uv recorded upload times (revision 2), so "
                                             "no cooldown can be checked against its files");
            finding.help = "uv lock  # with a current uv release, then commit uv.lock";
            sink.add(std::move(finding));
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_lock_no_upload_times_rule() { return std::make_unique<LockNoUploadTimesRule>(); }

}  // namespace pysec
