// cache-poisoning: a cache restored in a job that builds or publishes a release.

#include <string>
#include <vector>

#include "model/publishing.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/cache_aware_actions.hpp"

namespace pysec {
namespace {

constexpr RuleInfo cache_poisoning_info{
    .id = "cache-poisoning",
    .title = "cache restored in a job that publishes",
    .severity = Severity::High,
    .confidence = Confidence::Low,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A step that restores a GitHub Actions cache in a job that publishes: the workflow runs on "
            "`release` or on `push` of tags (`on.push.tags`), or the job itself publishes (to PyPI with "
            "`pypa/gh-action-pypi-publish`, `twine upload`, `uv publish`, `hatch`/`pdm`/`poetry`/`flit` "
            "`publish`, `maturin publish`; or a release with `gh release create`/`upload` or a release "
            "action). The finding points at the input that turns the cache on, or at the `uses:` value "
            "when the action caches by default; the trigger or the publishing step is a related "
            "location.\n\n"
            "Caches recognised: `actions/cache` and `actions/cache/restore` (not with `lookup-only: "
            "true`; `actions/cache/save` only writes), `actions/setup-python`, `setup-node` and "
            "`setup-java` with a `cache:`, `actions/setup-go` (caches by default since v4), "
            "`setup-dotnet` with `cache: true`, `astral-sh/setup-uv`, `Swatinem/rust-cache`, "
            "`PyO3/maturin-action` with `sccache: true`, `prefix-dev/setup-pixi` with `cache: true`, "
            "`ruby/setup-ruby` with `bundler-cache: true`, `oven-sh/setup-bun`, `jdx/mise-action` and "
            "`gradle/actions/setup-gradle`.\n\n"
            "`astral-sh/setup-uv`: `enable-cache: true` always caches and `false` never does. Its "
            "default, `auto`, depends on the major version, read from the ref (`@v6`) or from the "
            "`# vX.Y.Z` comment after a SHA pin: v1-v4 did not cache, v5-v9 cache on GitHub-hosted "
            "runners, and v10 and later cache except in `pull_request_target`, `workflow_run` and "
            "`release` runs. So with v10 a job that only `release` makes a publishing job is not "
            "reported, but one that publishes on `push` or `workflow_dispatch` is. When the version "
            "cannot be read, the v5-v9 default is assumed. `restore-cache: false` (save only) is not "
            "reported.\n\n"
            "Each workflow is judged by its own triggers and each job by its own steps: a reusable "
            "workflow called from a release workflow, and caches inside local composite actions, are "
            "not followed.\n\n"
            "A cache input given as an expression (`enable-cache: ${{ github.event_name != 'release' "
            "}}`) is not reported: pysec cannot tell on which runs it is on.",
    .why = "Every workflow run of a repository shares its cache scope with the default branch, and any "
           "code that runs in a workflow on that branch, including a pull request's code in a "
           "`pull_request_target` job or a compromised dependency in a test job, can write cache "
           "entries that later runs restore. A publishing job that restores such an entry builds the "
           "attacker's code into the release. Adnan Khan's 'Cacheract' research (2024) showed "
           "poisoned caches moving from a low-privilege workflow into release builds, and the "
           "Ultralytics compromise (December 2024, malicious versions on PyPI) used exactly this: a "
           "cache poisoned through a `pull_request_target` workflow was restored by the release job.",
    .fix = "Build release artifacts without caches: turn the cache off in publishing jobs (the help "
           "line names the input), or split building from publishing and give the build job of a "
           "release no cache. Caching in ordinary CI jobs is fine.",
    .example = "Before:\n"
               "  on:\n"
               "    release:\n"
               "      types: [published]\n"
               "  ...\n"
               "      - uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065 # v5.6.0\n"
               "        with:\n"
               "          python-version: '3.13'\n"
               "          cache: pip\n"
               "After:\n"
               "      - uses: actions/setup-python@a26af69be951a213d495a4c3e4e4022e16d87065 # v5.6.0\n"
               "        with:\n"
               "          python-version: '3.13'\n",
};

// Why a job counts as publishing, and the events of the runs in which it does.
struct PublishingContext {
    std::vector<Location> reasons;
    std::vector<std::string> events;
    std::string why;  // "which publishes", "of a workflow that runs for releases"
};

const Node* tag_filter(const WorkflowTrigger& trigger) {
    if (trigger.event != "push" || !trigger.config || !trigger.config->is_mapping()) return nullptr;
    const Node::Entry* tags = trigger.config->find("tags");
    return tags ? tags->key : nullptr;
}

Location publish_location(const Document& document, const PublishSite& site) {
    std::string message = "publishes with " + site.tool;
    if (site.command) return run_location(document, *site.step, site.command->begin, site.command->end, message);
    return document.location(*site.step->uses, message);
}

std::optional<PublishingContext> publishing_context(const Workflow& workflow, const WorkflowJob& job) {
    PublishingContext context;
    const Document& document = *workflow.document;
    auto sites = publish_sites(job.steps);
    if (!sites.empty()) {
        for (const WorkflowTrigger& trigger : workflow.triggers) context.events.push_back(trigger.event);
        context.reasons.push_back(publish_location(document, sites.front()));
        context.why = ", which publishes with `" + sites.front().tool + "`";
        return context;
    }
    for (const WorkflowTrigger& trigger : workflow.triggers) {
        if (trigger.event == "release") {
            context.events.push_back("release");
            context.reasons.push_back(document.location(*trigger.node, "the workflow runs for releases"));
        } else if (const Node* tags = tag_filter(trigger)) {
            context.events.push_back("push");
            context.reasons.push_back(document.location(*tags, "the workflow runs on tag pushes, usually to release"));
        }
    }
    if (context.reasons.empty()) return std::nullopt;
    context.why = context.events.front() == "release" ? " of a workflow that runs for releases"
                                                      : " of a workflow that runs on tag pushes";
    return context;
}

class CachePoisoningRule final : public Rule {
public:
    const RuleInfo& info() const override { return cache_poisoning_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            for (const WorkflowJob& job : workflow.jobs) {
                auto publishing = publishing_context(workflow, job);
                if (!publishing) continue;
                for (const WorkflowStep& step : job.steps) {
                    auto use = cache_use(*workflow.document, step, publishing->events);
                    if (!use) continue;
                    std::string action = "`" + step.uses_reference->action_path() + "`";
                    Finding finding = finding_at(*workflow.document, *use->node,
                                                 action + " " + use->what + " in job `" + job.id + "`" +
                                                     publishing->why +
                                                     ": a poisoned cache entry ends up in what it releases");
                    finding.related = publishing->reasons;
                    finding.help = use->disable;
                    sink.add(std::move(finding));
                }
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_cache_poisoning_rule() { return std::make_unique<CachePoisoningRule>(); }

}  // namespace pysec
