// precommit-unpinned-rev: a pre-commit hook repository pinned to a tag or
// branch rather than a commit.

#include "rules/all_rules.hpp"
#include "rules/precommit/precommit_repos.hpp"

namespace pysec {
namespace {

constexpr RuleInfo precommit_unpinned_rev_info{
    .id = "precommit-unpinned-rev",
    .title = "pre-commit hook repository not pinned to a commit",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "precommit",
    .what = "A `repos[]` entry of `.pre-commit-config.yaml` whose `rev:` is not a full 40-hex commit SHA (a "
            "tag such as `v4.6.0`, a branch, a short SHA). `repo: local` and `repo: meta` have no `rev` and are "
            "skipped. A commit with a `# frozen: v4.6.0` comment, as `pre-commit autoupdate --freeze` writes it, "
            "is pinned.",
    .why = "pre-commit clones the hook repository at `rev` and runs its code on every commit, on developers' "
           "machines and in CI, often with credentials at hand. A tag can be moved to another commit by anyone "
           "who controls that repository (or steals its maintainer's token), as happened to tj-actions and "
           "reviewdog actions in 2025; a commit cannot.",
    .fix = "Run `pre-commit autoupdate --freeze`, which replaces each tag with its commit and keeps the tag in "
           "a `# frozen:` comment.",
    .example = "Before:\n"
               "  - repo: https://github.com/astral-sh/ruff-pre-commit\n"
               "    rev: v0.6.9\n"
               "After:\n"
               "  - repo: https://github.com/astral-sh/ruff-pre-commit\n"
               "    rev: 8983acb92ee4b01924893632cf90af926fa608f0  # frozen: v0.6.9\n",
};

bool is_full_commit(std::string_view rev) {
    if (rev.size() != 40) return false;
    for (char c : rev) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    return true;
}

class PrecommitUnpinnedRevRule final : public Rule {
public:
    const RuleInfo& info() const override { return precommit_unpinned_rev_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_remote_precommit_repo(context.project, [&](const PrecommitRepo& repo) {
            const Node* rev = repo.entry.get("rev");
            if (!rev || !rev->is_scalar() || is_full_commit(rev->value)) return;
            Finding finding = finding_at(repo.document, *rev,
                                         "`rev: " + rev->value + "` of `" + repo.repo.value +
                                             "` is not a commit: whoever controls that repository can point it at "
                                             "other code, which then runs on every commit");
            finding.help = "pre-commit autoupdate --freeze";
            sink.add(std::move(finding));
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_precommit_unpinned_rev_rule() { return std::make_unique<PrecommitUnpinnedRevRule>(); }

}  // namespace pysec
