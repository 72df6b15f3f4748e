// no-update-bot: the repository pins actions or dependencies and no bot keeps
// them current.

#include <algorithm>

#include "rules/all_rules.hpp"
#include "rules/dependabot/update_bots.hpp"
#include "rules/dependabot/update_targets.hpp"

namespace pysec {
namespace {

constexpr RuleInfo no_update_bot_info{
    .id = "no-update-bot",
    .title = "neither Dependabot nor Renovate is configured",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "dependabot",
    .what = "The repository has something an update bot would keep current (workflows or actions that use "
            "repository actions, pyproject.toml, uv.lock, pylock.toml or requirement files outside test data, or a "
            "pre-commit config with remote hooks) and neither `.github/dependabot.yml` nor a Renovate config "
            "(`renovate.json(5)`, `.github/` and `.gitlab/` variants, `.renovaterc*`, package.json's `renovate` "
            "key) exists, nor does a workflow run `renovatebot/github-action`. Judged only when the whole "
            "repository is scanned. One finding, at the first line of the first such file in path order. "
            "Dependabot security updates switched on in the repository settings alone are not visible in the "
            "files and do not count (they do not update pinned actions).",
    .why = "Pinning actions to commit SHAs and locking dependencies is only safe when something moves the pins "
           "to fixed releases: without a bot, known vulnerabilities stay in the lock file and in the workflows "
           "until someone remembers. A bot with a cooldown (see dependabot-cooldown, renovate-cooldown) also "
           "keeps malicious fresh releases out.",
    .fix = "Add `.github/dependabot.yml` with an entry per ecosystem (github-actions, uv or pip, pre-commit), "
           "each with a cooldown, or configure Renovate with `minimumReleaseAge`.",
    .example = "After (.github/dependabot.yml):\n"
               "  version: 2\n"
               "  updates:\n"
               "    - package-ecosystem: github-actions\n"
               "      directory: /\n"
               "      schedule: {interval: weekly}\n"
               "      cooldown: {default-days: 7}\n",
};

class NoUpdateBotRule final : public Rule {
public:
    const RuleInfo& info() const override { return no_update_bot_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        const Project& project = context.project;
        if (!project.is_whole_repository()) return;
        if (dependabot_configured(project) || renovate_configured(project)) return;
        std::vector<const ProjectFile*> candidates = files_using_remote_actions(project);
        for (const ProjectFile* file : python_dependency_files(project)) candidates.push_back(file);
        if (const ProjectFile* precommit = precommit_with_remote_hooks(project)) candidates.push_back(precommit);
        candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                        [](const ProjectFile* file) { return !file->document; }),
                         candidates.end());
        if (candidates.empty()) return;
        const ProjectFile* first = *std::min_element(
            candidates.begin(), candidates.end(), [](const ProjectFile* a, const ProjectFile* b) { return a->path < b->path; });
        const Document& document = *first->document;
        Finding finding = finding_at(Location{document.path(), document.span(0, document.lines().line(1).size()), {}},
                                     "no update bot: neither Dependabot nor Renovate is configured, so nothing "
                                     "updates the pinned actions and dependencies of this repository");
        finding.help = "add .github/dependabot.yml:\nversion: 2\nupdates:\n  - package-ecosystem: github-actions\n"
                       "    directory: /\n    schedule: {interval: weekly}\n    cooldown: {default-days: 7}";
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_no_update_bot_rule() { return std::make_unique<NoUpdateBotRule>(); }

}  // namespace pysec
