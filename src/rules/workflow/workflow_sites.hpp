#pragma once
// Walking every step and every `uses:` of the project, wherever it is written:
// workflow jobs, reusable-workflow calls, and the steps of composite actions.

#include <functional>

#include "model/project.hpp"

namespace pysec {

struct UsesSite {
    const Document& document;
    const Node& node;  // the `uses:` value
    const UsesReference& reference;
};

void for_each_uses(const Project& project, const std::function<void(const UsesSite&)>& visit);

// A step in context: exactly one of `job` (with `workflow`) and `action` is set.
struct StepSite {
    const Document& document;
    const Workflow* workflow;
    const WorkflowJob* job;
    const ActionDefinition* action;
    const WorkflowStep& step;
};

void for_each_step(const Project& project, const std::function<void(const StepSite&)>& visit);

}  // namespace pysec
