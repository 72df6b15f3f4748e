#pragma once
// Where a job publishes: to PyPI (the PyPA publish action, twine, uv, hatch,
// pdm, poetry, flit, maturin) or as a release (release actions, `gh release`).
// Several rules ask "does this job publish?": cache-poisoning,
// use-trusted-publishing, publish-job-builds, publish-without-environment.

#include <string>
#include <vector>

#include "model/workflow.hpp"

namespace pysec {

struct PublishSite {
    enum class Target { PyPI, Release };
    Target target;
    const WorkflowStep* step = nullptr;
    const shell::Command* command = nullptr;  // for a `run:` command; null for an action step
    std::string tool;                         // "pypa/gh-action-pypi-publish", "twine upload", "uv publish", ...
};

std::vector<PublishSite> publish_sites(const std::vector<WorkflowStep>& steps);

bool publishes_to_pypi(const std::vector<WorkflowStep>& steps);
bool publishes_anything(const std::vector<WorkflowStep>& steps);

// The PyPA publish action (`pypa/gh-action-pypi-publish`, any ref).
bool is_pypi_publish_action(const WorkflowStep& step);

}  // namespace pysec
