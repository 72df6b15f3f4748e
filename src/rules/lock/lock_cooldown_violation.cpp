// lock-cooldown-violation: a lock that took in a file younger than the
// cooldown when it was committed, judged from git history.

#include "model/lock_timestamps.hpp"
#include "rules/all_rules.hpp"
#include "rules/lock/test_data_paths.hpp"
#include "rules/lock/lock_locations.hpp"

namespace pysec {
namespace {

constexpr RuleInfo lock_cooldown_violation_info{
    .id = "lock-cooldown-violation",
    .title = "locked file younger than the cooldown when the lock changed",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "lockfiles",
    .what = "A package in `uv.lock` or `pylock.toml` with a file whose `upload-time` is less than the cooldown "
            "(7 days unless configured) before the lock last changed, that is after `change time - cooldown`. "
            "One finding per package, on its `[[package]]` table, naming its youngest file (a related location).\n"
            "When the lock changed comes from git: the most recent commit, following first parents from the "
            "scanned commit (HEAD for a work tree, the `--rev` commit otherwise), whose tree holds a different "
            "version of the lock than its first parent (for a lock changed on a merged branch, the merge "
            "commit: when it reached the main line). The commit time (committer date) is used. A lock that is "
            "modified or staged in the work tree but not committed counts as changed now. The walk stops after "
            "5,000 commits without finding the change: the lock is then not judged. In a shallow clone (the "
            "default of actions/checkout) the history ends at the checked-out commit, which then counts as the "
            "change: later than the real one, so the rule can miss a violation there but never invents one; "
            "use `fetch-depth: 0` for exact results. Without git history (a plain directory, files named on "
            "the command line without `--rev`) the rule reports nothing.\n"
            "Not reported: files without an `upload-time` (see lock-no-upload-times), and packages the lock "
            "exempts with `exclude-newer-package` in its `[options]` (cooldown-exemptions lists those).\n"
            "Configure the cooldown with `rules.lock-cooldown-violation.config.days` (an integer, default 7). It "
            "is this audit's policy: the lock's own `exclude-newer`/`exclude-newer-span` say what uv was asked "
            "for, and uv-cooldown judges those settings.\n"
            "Locks in test-data directories (a directory named `test`, `tests`, `testing`, `test-data`, "
            "`testdata`, `test_data` or `fixtures`) are not judged: they are inputs of the repository's own "
            "tests, not locks anyone installs.",
    .why = "A cooldown keeps releases that are compromised and pulled within days out of the project: "
           "`ultralytics` 8.3.41 and 8.3.42 (December 2024) and the `num2words` and `ctx` takeovers were all "
           "removed from PyPI within hours to days. A lock that was updated while such a release was fresh "
           "carries it whatever the settings say now: an `exclude-newer` added later, or a bot's cooldown that "
           "`uv lock --upgrade` run by hand bypassed. The lock's own upload times show it.",
    .fix = "Set a cooldown where the lock is written (`exclude-newer = \"7 days\"` in `[tool.uv]`, a cooldown "
           "on the update bot) and re-lock; for a package that must be newer (a security fix), exempt it "
           "explicitly with `exclude-newer-package` so that the exception is visible and reviewed.",
    .example = "Before: uv.lock committed on 2025-03-10 with\n"
               "  wheels = [{ url = \"...\", hash = \"sha256:...\", upload-time = \"2025-03-09T08:00:00Z\" }]\n"
               "After (pyproject.toml), then `uv lock`:\n"
               "  [tool.uv]\n"
               "  exclude-newer = \"7 days\"\n",
};

constexpr std::int64_t seconds_per_day = 86400;

long long cooldown_days(const Node* config) {
    if (!config) return 7;
    if (!config->is_mapping()) throw RuleConfigError("lock-cooldown-violation: `config` must be a mapping");
    for (const auto& entry : config->entries) {
        if (entry.key->value != "days") {
            throw RuleConfigError("lock-cooldown-violation: unknown config key '" + entry.key->value +
                                  "' (expected `days`)");
        }
    }
    const Node* days = config->get("days");
    if (!days) return 7;
    auto value = days->as_int();
    if (!value || *value < 0 || *value > 365) {
        throw RuleConfigError("lock-cooldown-violation: `days` must be an integer between 0 and 365");
    }
    return *value;
}

// "2 days", "5 hours", "40 minutes": how long after the upload the lock changed.
std::string age_text(std::int64_t seconds) {
    if (seconds < 0) return "before";
    auto plural = [](std::int64_t count, const char* unit) {
        return std::to_string(count) + " " + unit + (count == 1 ? "" : "s");
    };
    if (seconds >= 2 * seconds_per_day) return plural(seconds / seconds_per_day, "day");
    if (seconds >= 3600) return plural(seconds / 3600, "hour");
    return plural(seconds / 60, "minute");
}

class LockCooldownViolationRule final : public Rule {
public:
    const RuleInfo& info() const override { return lock_cooldown_violation_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        long long days = cooldown_days(context.config);
        const Project& project = context.project;
        for (const UvLock& lock : project.uv_locks()) {
            if (in_test_data_directory(lock.document->path())) continue;
            auto changed = change_time(project, *lock.document);
            if (!changed) continue;
            for (const UvLockPackage& package : lock.packages) {
                if (lock.exempts(package.canonical_name)) continue;
                check_package(*lock.document, *package.node, package.name, package.version, package.artifacts(),
                              *changed, days, sink);
            }
        }
        for (const Pylock& lock : project.pylocks()) {
            if (in_test_data_directory(lock.document->path())) continue;
            auto changed = change_time(project, *lock.document);
            if (!changed) continue;
            for (const PylockPackage& package : lock.packages) {
                check_package(*lock.document, *package.node, package.name, package.version, package.artifacts(),
                              *changed, days, sink);
            }
        }
    }

private:
    static std::optional<std::int64_t> change_time(const Project& project, const Document& document) {
        const ProjectFile* file = project.file(document.path());
        return file ? file->last_change_time : std::nullopt;
    }

    void check_package(const Document& document, const Node& package_node, const std::string& name,
                       const std::string& version, const std::vector<const LockArtifact*>& artifacts,
                       std::int64_t changed, long long days, FindingSink& sink) const {
        const LockArtifact* youngest = nullptr;
        for (const LockArtifact* artifact : artifacts) {
            if (!artifact->upload_time) continue;
            if (!youngest || *artifact->upload_time > *youngest->upload_time) youngest = artifact;
        }
        if (!youngest || *youngest->upload_time <= changed - days * seconds_per_day) return;
        std::int64_t age = changed - *youngest->upload_time;
        std::string when = age < 0 ? "before `" + youngest->display_name() + "` was even uploaded (" +
                                         format_utc_minutes(*youngest->upload_time) + ")"
                                   : age_text(age) + " after `" + youngest->display_name() + "` was uploaded (" +
                                         format_utc_minutes(*youngest->upload_time) + ")";
        Finding finding = finding_at(first_line_location(document, package_node),
                                     package_label(name, version) + " was locked in the change of " +
                                         format_utc_minutes(changed) + ", " + when + ": within the " +
                                         std::to_string(days) + "-day cooldown");
        finding.node = &package_node;
        const Node* anchor = youngest->upload_time_node ? youngest->upload_time_node : youngest->node;
        finding.related.push_back(document.location(*anchor, "uploaded " + format_utc_minutes(*youngest->upload_time)));
        if (document.path().ends_with("uv.lock")) {
            finding.help = "[tool.uv]\nexclude-newer = \"" + std::to_string(days) + " days\"";
        }
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_lock_cooldown_violation_rule() { return std::make_unique<LockCooldownViolationRule>(); }

}  // namespace pysec
