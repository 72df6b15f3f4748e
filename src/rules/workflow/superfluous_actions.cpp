// superfluous-actions: third-party actions that only wrap a tool the runner
// already has (`gh`, `git`, `jq`, `docker`).

#include <algorithm>
#include <array>
#include <string>

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo superfluous_actions_info{
    .id = "superfluous-actions",
    .title = "action wraps a tool the runner already has",
    .severity = Severity::Informational,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A `uses:` (workflow step, composite-action step) of an action that does no more than a "
            "command the GitHub-hosted runners already have (`gh`, `git`, `jq`, `docker`, `cat`), "
            "from this table:\n"
            "- releases, use `gh release create`/`upload`: `actions/create-release` and "
            "`actions/upload-release-asset` (both archived by GitHub), `softprops/action-gh-release`, "
            "`ncipollo/release-action`, `svenstaro/upload-release-action`, "
            "`marvinpinto/action-automatic-releases`, `elgohr/Github-Release-Action`;\n"
            "- issues and labels, use `gh issue create` or `gh issue`/`gh pr edit --add-label`/"
            "`--remove-label`: `dacbd/create-issue-action`, `actions-ecosystem/action-add-labels`, "
            "`actions-ecosystem/action-remove-labels`;\n"
            "- other tools: `sergeysova/jq-action` (`jq`), `addnab/docker-run-action` (`docker run`), "
            "`juliangruber/read-file-action` (`cat` into `$GITHUB_OUTPUT`).\n"
            "Actions whose `gh` equivalent takes real work are reported only to the pedantic persona, "
            "with low confidence: `peter-evans/create-pull-request` (branch, commit and pull request "
            "in one step), `peter-evans/create-or-update-comment` and "
            "`marocchino/sticky-pull-request-comment` (`gh` cannot edit a comment by id or marker; "
            "`gh pr comment --edit-last` comes close).\n"
            "Actions that add something the runner lacks (language toolchains, caches, sigstore, "
            "the PyPA publish action) are not superfluous and are not listed.",
    .why = "Every action is code from another party that runs with the job's token and secrets, "
           "and a dependency to pin, review and update. The tj-actions/changed-files compromise "
           "(March 2025), which leaked secrets from thousands of repositories, hit a convenience "
           "action whose job a few lines of `git diff` could do. An action that only wraps `gh` "
           "adds that risk for nothing: `gh` is maintained by GitHub and already on the runner.",
    .fix = "Replace the step with a `run:` step calling the tool, with the token in `env:` "
           "(`GH_TOKEN: ${{ github.token }}`) and any untrusted values passed as environment "
           "variables, not `${{ }}` in the script.",
    .example = "Before:\n"
               "  - uses: softprops/action-gh-release@72f2c25fcb47643c292f7107632f7a47c1df5cd8 # v2.3.2\n"
               "    with:\n"
               "      files: dist/*\n"
               "After:\n"
               "  - run: gh release create \"$TAG\" dist/* --verify-tag\n"
               "    env:\n"
               "      GH_TOKEN: ${{ github.token }}\n"
               "      TAG: ${{ github.ref_name }}\n",
};

struct SuperfluousAction {
    std::string_view slug;  // owner/repo, lower-case
    std::string_view instead;
    bool pedantic;          // the replacement takes real work: pedantic persona, low confidence
    std::string_view help;  // the start of the replacement step
};

constexpr std::array superfluous_actions = {
    SuperfluousAction{"actions/create-release", "`gh release create`", false,
                      "gh release create \"$TAG\" --verify-tag"},
    SuperfluousAction{"actions/upload-release-asset", "`gh release upload`", false,
                      "gh release upload \"$TAG\" dist/*"},
    SuperfluousAction{"softprops/action-gh-release", "`gh release create` (and `gh release upload`)", false,
                      "gh release create \"$TAG\" dist/* --verify-tag"},
    SuperfluousAction{"ncipollo/release-action", "`gh release create` (and `gh release upload`)", false,
                      "gh release create \"$TAG\" dist/* --verify-tag"},
    SuperfluousAction{"svenstaro/upload-release-action", "`gh release upload`", false,
                      "gh release upload \"$TAG\" dist/*"},
    SuperfluousAction{"marvinpinto/action-automatic-releases", "`gh release create`", false,
                      "gh release create \"$TAG\" --generate-notes"},
    SuperfluousAction{"elgohr/github-release-action", "`gh release create`", false,
                      "gh release create \"$TAG\" --generate-notes"},
    SuperfluousAction{"dacbd/create-issue-action", "`gh issue create`", false,
                      "gh issue create --title \"$TITLE\" --body \"$BODY\""},
    SuperfluousAction{"actions-ecosystem/action-add-labels",
                      "`gh issue edit --add-label` or `gh pr edit --add-label`", false,
                      "gh pr edit \"$NUMBER\" --add-label \"$LABEL\""},
    SuperfluousAction{"actions-ecosystem/action-remove-labels",
                      "`gh issue edit --remove-label` or `gh pr edit --remove-label`", false,
                      "gh pr edit \"$NUMBER\" --remove-label \"$LABEL\""},
    SuperfluousAction{"sergeysova/jq-action", "`jq`", false,
                      "jq ..."},
    SuperfluousAction{"addnab/docker-run-action", "`docker run` (or a job `container:`)", false,
                      "docker run ..."},
    SuperfluousAction{"juliangruber/read-file-action", "`cat` into `$GITHUB_OUTPUT`", false,
                      "echo \"content=$(cat FILE)\" >> \"$GITHUB_OUTPUT\""},
    SuperfluousAction{"peter-evans/create-pull-request", "`git` and `gh pr create`", true,
                      "git switch -c BRANCH && git commit -am ... && git push && gh pr create --fill"},
    SuperfluousAction{"peter-evans/create-or-update-comment", "`gh pr comment` or `gh issue comment`", true,
                      "gh pr comment \"$NUMBER\" --body \"$BODY\""},
    SuperfluousAction{"marocchino/sticky-pull-request-comment", "`gh pr comment --edit-last --create-if-none`", true,
                      "gh pr comment \"$NUMBER\" --edit-last --create-if-none --body \"$BODY\""},
};

class SuperfluousActionsRule final : public Rule {
public:
    const RuleInfo& info() const override { return superfluous_actions_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_uses(context.project, [&](const UsesSite& site) {
            if (site.reference.kind != UsesReference::Kind::Repository) return;
            std::string slug = to_lower(site.reference.slug());
            auto entry = std::find_if(superfluous_actions.begin(), superfluous_actions.end(),
                                      [&](const SuperfluousAction& action) { return action.slug == slug; });
            if (entry == superfluous_actions.end()) return;
            Finding finding = finding_at(site.document, site.node,
                                         "`" + site.reference.slug() + "` only wraps what the runner already has: " +
                                             std::string(entry->instead) + " in a `run:` step does the same "
                                             "without a third-party dependency");
            if (entry->pedantic) {
                finding.persona = Persona::Pedantic;
                finding.confidence = Confidence::Low;
            }
            finding.help = "run: " + std::string(entry->help);
            sink.add(std::move(finding));
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_superfluous_actions_rule() { return std::make_unique<SuperfluousActionsRule>(); }

}  // namespace pysec
