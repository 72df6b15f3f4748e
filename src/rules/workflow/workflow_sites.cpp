#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

void visit_steps(const Document& document, const std::vector<WorkflowStep>& steps,
                 const std::function<void(const UsesSite&)>& visit) {
    for (const WorkflowStep& step : steps) {
        if (step.uses_reference) visit(UsesSite{document, *step.uses, *step.uses_reference});
    }
}

}  // namespace

void for_each_uses(const Project& project, const std::function<void(const UsesSite&)>& visit) {
    for (const Workflow& workflow : project.workflows()) {
        for (const WorkflowJob& job : workflow.jobs) {
            if (job.uses_reference) visit(UsesSite{*workflow.document, *job.uses, *job.uses_reference});
            visit_steps(*workflow.document, job.steps, visit);
        }
    }
    for (const ActionDefinition& action : project.actions()) visit_steps(*action.document, action.steps, visit);
}

}  // namespace pysec

namespace pysec {

void for_each_step(const Project& project, const std::function<void(const StepSite&)>& visit) {
    for (const Workflow& workflow : project.workflows()) {
        for (const WorkflowJob& job : workflow.jobs) {
            for (const WorkflowStep& step : job.steps) visit(StepSite{*workflow.document, &workflow, &job, nullptr, step});
        }
    }
    for (const ActionDefinition& action : project.actions()) {
        for (const WorkflowStep& step : action.steps) visit(StepSite{*action.document, nullptr, nullptr, &action, step});
    }
}

}  // namespace pysec
