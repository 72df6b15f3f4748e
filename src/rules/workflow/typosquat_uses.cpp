// typosquat-uses: an action whose owner is one typo away from the owner of a
// popular action of the same name.

#include <string>

#include "core/edit_distance.hpp"
#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/popular_actions.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo typosquat_uses_info{
    .id = "typosquat-uses",
    .title = "action name one typo away from a popular action",
    .severity = Severity::High,
    .confidence = Confidence::Low,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A `uses:` (workflow step, composite-action step, reusable-workflow job) whose "
            "`owner/repo` is one edit (one character inserted, deleted, replaced, or two neighbours "
            "swapped: Damerau-Levenshtein distance 1) away from a popular action's, with the edit in "
            "the owner: `actoins/checkout`, `astral_sh/setup-uv`, `pypa1/gh-action-pypi-publish`. "
            "Names compare case-insensitively, as GitHub does.\n\n"
            "Not reported: the popular actions themselves; a one-edit difference in the repository "
            "name under the same owner (`actions/chekout`), which only that owner could register, so "
            "it is a broken reference rather than a squat; and the same repository name under an "
            "unrelated owner (forks and mirrors such as `my-org/checkout`), which is not a typo. "
            "The reference list holds about seventy popular actions: GitHub's own "
            "(`actions/*`, `github/codeql-action`), Python packaging and tooling "
            "(`pypa/gh-action-pypi-publish`, `pypa/cibuildwheel`, `astral-sh/setup-uv`, "
            "`pre-commit/action`, `PyO3/maturin-action`, ...), security, container, cloud and "
            "release actions. Confidence is low: pysec works offline and cannot see whether the "
            "look-alike exists.",
    .why = "Typosquatting works on workflows as it does on package indexes: whoever registers the "
           "look-alike owner receives every run of a workflow with the typo, with its token and "
           "secrets. Researchers (Orca Security, 2024) registered such look-alike organisations "
           "(such as `actons`) and found real repositories already calling them; "
           "a `uses:` with a typo also fails to update with Dependabot, so it can sit unnoticed.",
    .fix = "Correct the owner to the action you meant and pin it to a commit SHA; if the name is "
           "really the one you want (an internal fork), acknowledge the finding with "
           "`# pysec: ignore[typosquat-uses]`.",
    .example = "Before:\n"
               "  - uses: actoins/checkout@08eba0b27e820071cde6df949e0beb9ba4906955\n"
               "After:\n"
               "  - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0\n",
};

// The popular action that `owner/repo` imitates, or an empty view.
std::string_view imitated_action(std::string_view owner, std::string_view repo) {
    for (std::string_view popular : popular_actions()) {
        auto slash = popular.find('/');
        std::string_view popular_owner = popular.substr(0, slash);
        std::string_view popular_repo = popular.substr(slash + 1);
        if (repo != popular_repo || owner == popular_owner) continue;
        if (edit_distance(owner, popular_owner, 1) == 1) return popular;
    }
    return {};
}

class TyposquatUsesRule final : public Rule {
public:
    const RuleInfo& info() const override { return typosquat_uses_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_uses(context.project, [&](const UsesSite& site) {
            if (site.reference.kind != UsesReference::Kind::Repository) return;
            std::string owner = to_lower(site.reference.owner);
            std::string repo = to_lower(site.reference.repo);
            std::string_view popular = imitated_action(owner, repo);
            if (popular.empty()) return;
            Finding finding = finding_at(site.document, site.node,
                                         "`" + site.reference.slug() + "` is one typo away from the popular `" +
                                             std::string(popular) +
                                             "`: a look-alike owner would run its own code with this job's "
                                             "token and secrets");
            std::string rest = site.reference.subpath.empty() ? std::string{} : "/" + site.reference.subpath;
            finding.help = "uses: " + std::string(popular) + rest + "@<full commit SHA>";
            sink.add(std::move(finding));
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_typosquat_uses_rule() { return std::make_unique<TyposquatUsesRule>(); }

}  // namespace pysec
