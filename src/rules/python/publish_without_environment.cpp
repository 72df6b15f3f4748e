// publish-without-environment: a PyPI publishing job not bound to a deployment environment.

#include "rules/all_rules.hpp"
#include "rules/python/publish_locations.hpp"

namespace pysec {
namespace {

constexpr RuleInfo publish_without_environment_info{
    .id = "publish-without-environment",
    .title = "PyPI publishing job without a deployment environment",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "python",
    .what = "A workflow job that publishes to PyPI or TestPyPI (`pypa/gh-action-pypi-publish`, `twine upload`, "
            "`uv publish`, `hatch`/`pdm`/`poetry`/`flit publish`, `maturin publish`/`upload`, with trusted "
            "publishing or a token) and has no `environment:`. Any `environment:` value counts, including an "
            "expression. The finding points at the job's key; the upload is a related location. Jobs that call "
            "a reusable workflow are judged in the called workflow, where the publishing steps are.",
    .why = "An environment is where GitHub enforces deployment protection: required reviewers, a wait timer, "
           "and which branches and tags may deploy. PyPI's trusted publisher can be bound to an environment "
           "name, so that only a job in that environment can mint an upload token; without one, any workflow "
           "run that reaches this job (a compromised dependency of the workflow, a pushed tag, a maintainer's "
           "stolen token) can publish a release. Environment secrets are also only available to jobs that "
           "name the environment.",
    .fix = "Create an environment (e.g. `pypi`) in the repository settings with required reviewers and a "
           "deployment tag rule, name it in the job, and set the same name in the PyPI trusted publisher.",
    .example = "Before:\n"
               "  publish:\n"
               "    runs-on: ubuntu-latest\n"
               "    permissions: {id-token: write}\n"
               "After:\n"
               "  publish:\n"
               "    runs-on: ubuntu-latest\n"
               "    environment:\n"
               "      name: pypi\n"
               "      url: https://pypi.org/p/<project>\n"
               "    permissions: {id-token: write}\n",
};

class PublishWithoutEnvironmentRule final : public Rule {
public:
    const RuleInfo& info() const override { return publish_without_environment_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            const Document& document = *workflow.document;
            for (const WorkflowJob& job : workflow.jobs) {
                if (job.environment || job.is_reusable_call()) continue;
                std::optional<PublishSite> publish = first_pypi_publish(job.steps);
                if (!publish) continue;
                Finding finding = finding_at(document, *job.key,
                                             "job `" + job.id + "` publishes to PyPI with `" + publish->tool +
                                                 "` but names no `environment:`, so no deployment protection "
                                                 "applies and the trusted publisher cannot be bound to one");
                finding.related.push_back(publish_location(document, *publish, "the upload to PyPI"));
                finding.help = "environment: pypi";
                sink.add(std::move(finding));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_publish_without_environment_rule() {
    return std::make_unique<PublishWithoutEnvironmentRule>();
}

}  // namespace pysec
