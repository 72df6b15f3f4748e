#include "rules/uv/environment_variables.hpp"

namespace pysec {
namespace {

void visit_map(const Document& document, const Node* env, bool in_ci, const std::string& scope,
               const std::function<void(const EnvironmentVariable&)>& visit) {
    if (!env || !env->is_mapping()) return;
    for (const Node::Entry& entry : env->entries) visit(EnvironmentVariable{document, *entry.key, *entry.value, in_ci, scope});
}

void visit_steps(const Document& document, const std::vector<WorkflowStep>& steps,
                 const std::function<void(const EnvironmentVariable&)>& visit) {
    for (const WorkflowStep& step : steps) visit_map(document, step.env, true, "step", visit);
}

}  // namespace

void for_each_environment_variable(const Project& project,
                                   const std::function<void(const EnvironmentVariable&)>& visit) {
    for (const Workflow& workflow : project.workflows()) {
        visit_map(*workflow.document, workflow.env, true, "workflow", visit);
        for (const WorkflowJob& job : workflow.jobs) {
            visit_map(*workflow.document, job.env, true, "job `" + job.id + "`", visit);
            if (job.container && job.container->is_mapping()) {
                visit_map(*workflow.document, job.container->get("env"), true, "container of job `" + job.id + "`", visit);
            }
            visit_steps(*workflow.document, job.steps, visit);
        }
    }
    for (const ActionDefinition& action : project.actions()) visit_steps(*action.document, action.steps, visit);
    for (const ProjectFile& file : project.files()) {
        if (file.kind != FileKind::Devcontainer || !file.document || file.failure) continue;
        const Node* root = file.document->root();
        if (!root || !root->is_mapping()) continue;
        for (const char* key : {"containerEnv", "remoteEnv"}) {
            visit_map(*file.document, root->get(key), false, std::string("dev container `") + key + "`", visit);
        }
    }
}

std::optional<std::string_view> literal_environment_value(const Node& value) {
    if (!value.is_scalar()) return std::nullopt;
    std::string_view text = value.value;
    if (text.find("${{") != std::string_view::npos || text.find('$') != std::string_view::npos) return std::nullopt;
    return text;
}

}  // namespace pysec
