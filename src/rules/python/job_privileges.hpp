#pragma once
// Whether a job publishes or holds secrets, worked out once per job: several
// rules ask it for every command of every step.

#include <map>

#include "rules/workflow/workflow_sites.hpp"

namespace pysec {

struct JobPrivileges {
    bool publishes = false;  // to PyPI or as a release
    bool secrets = false;    // reads `secrets.*` (other than GITHUB_TOKEN)
    bool any() const { return publishes || secrets; }
};

class JobPrivilegeCache {
public:
    // Nothing is privileged outside a workflow job (a composite action's step).
    JobPrivileges of(const StepSite& site);

private:
    std::map<const WorkflowJob*, JobPrivileges> jobs_;
};

}  // namespace pysec
