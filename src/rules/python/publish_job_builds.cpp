// publish-job-builds: a job that uploads to PyPI also builds what it uploads.

#include "model/publishing.hpp"
#include "rules/all_rules.hpp"
#include "rules/python/build_sites.hpp"
#include "rules/python/publish_locations.hpp"


namespace pysec {
namespace {

constexpr RuleInfo publish_job_builds_info{
    .id = "publish-job-builds",
    .title = "the PyPI publishing job also builds the distributions",
    .severity = Severity::Medium,
    .confidence = Confidence::Medium,
    .persona = Persona::Regular,
    .family = "python",
    .what = "A workflow job that publishes to PyPI or TestPyPI (`pypa/gh-action-pypi-publish`, `twine upload`, "
            "`uv publish`, `hatch`/`pdm`/`poetry`/`flit publish`, `maturin publish`/`upload`) and also builds "
            "distributions: `python -m build`/`pyproject-build` (also through `pipx run`, `uvx`, `uv run`), "
            "`uv build`, `hatch build`, `poetry build`, `pdm build`, `flit build`, `maturin build`/`sdist`, "
            "`cibuildwheel`, `pip wheel`, `python setup.py sdist`/`bdist_*`, the `pypa/cibuildwheel`, "
            "`hynek/build-and-inspect-python-package` and `PyO3/maturin-action` (unless its `command` is "
            "`upload`) actions, and commands that build as they upload (`flit publish`, `pdm publish` without "
            "`--no-build`, `poetry publish --build`, `maturin publish`). One finding per build, with the "
            "publishing step as a related location. Jobs that call a reusable workflow or a local composite "
            "action are judged only by the steps written in the job.",
    .why = "The job that holds the upload credential (the OIDC `id-token: write` permission or a PyPI token) "
           "should run as little code as possible. A build runs the project's build backend, its build "
           "dependencies and every plugin fresh from the index: any of them can read the token, or swap the "
           "files between build and upload. Building in a separate job without those permissions and passing "
           "the artifacts on is what the PyPA publishing guide recommends, and it lets attestations and "
           "reviewers see exactly what is uploaded.",
    .fix = "Build in a job without `id-token: write` or secrets, upload `dist/` with `actions/upload-artifact`, "
           "and in the publishing job only download it and publish.",
    .example = "Before:\n"
               "  publish:\n"
               "    permissions: {id-token: write}\n"
               "    steps:\n"
               "      - run: python -m build\n"
               "      - uses: pypa/gh-action-pypi-publish@<sha>\n"
               "After:\n"
               "  build:\n"
               "    steps:\n"
               "      - run: python -m build\n"
               "      - uses: actions/upload-artifact@<sha>\n"
               "        with: {name: dist, path: dist/}\n"
               "  publish:\n"
               "    needs: build\n"
               "    permissions: {id-token: write}\n"
               "    steps:\n"
               "      - uses: actions/download-artifact@<sha>\n"
               "        with: {name: dist, path: dist/}\n"
               "      - uses: pypa/gh-action-pypi-publish@<sha>\n",
};

class PublishJobBuildsRule final : public Rule {
public:
    const RuleInfo& info() const override { return publish_job_builds_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            const Document& document = *workflow.document;
            for (const WorkflowJob& job : workflow.jobs) {
                std::optional<PublishSite> publish = first_pypi_publish(job.steps);
                if (!publish) continue;
                for (const BuildSite& build : build_sites(job.steps)) {
                    Location where = build.command
                                         ? run_location(document, *build.step, build.command->begin, build.command->end)
                                         : document.location(*build.step->uses);
                    bool same = build.step == publish->step && build.command == publish->command;
                    std::string message = "`" + build.tool + "` builds the distributions in job `" + job.id + "`, " +
                                          (same ? std::string("and uploads them to PyPI in the same breath")
                                                : "which also publishes them to PyPI with `" + publish->tool + "`") +
                                          ": build in a separate job without upload credentials";
                    Finding finding = finding_at(std::move(where), std::move(message));
                    if (!same) finding.related.push_back(publish_location(document, *publish, "the upload to PyPI"));
                    finding.help = "move the build into its own job and pass `dist/` with "
                                   "actions/upload-artifact and actions/download-artifact";
                    sink.add(std::move(finding));
                }
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_publish_job_builds_rule() { return std::make_unique<PublishJobBuildsRule>(); }

}  // namespace pysec
