#include "model/workflow.hpp"

namespace pysec {
namespace {

std::vector<WorkflowStep> read_steps(const Node* steps) {
    std::vector<WorkflowStep> result;
    if (!steps || !steps->is_sequence()) return result;
    for (std::size_t i = 0; i < steps->items.size(); ++i) {
        const Node* node = steps->items[i];
        if (!node->is_mapping()) continue;
        WorkflowStep step;
        step.node = node;
        step.index = i;
        step.uses = node->get("uses");
        if (step.uses && step.uses->is_scalar()) step.uses_reference = parse_uses(step.uses->value);
        step.run = node->get("run");
        step.with = node->get("with");
        result.push_back(std::move(step));
    }
    return result;
}

void add_trigger(Workflow& workflow, const Node* name, const Node* config) {
    if (!name->is_scalar()) return;
    workflow.triggers.push_back(WorkflowTrigger{name->value, name, config});
}

// `on: push`, `on: [push, pull_request]`, and `on: {push: {...}}`.  A YAML 1.1
// tool may have written the key as `true` (its reading of `on`).
void read_triggers(Workflow& workflow) {
    const Node::Entry* on = workflow.root->find("on");
    if (!on) on = workflow.root->find("true");
    if (!on) return;
    workflow.on = on->value;
    const Node* value = on->value;
    if (value->is_scalar()) {
        add_trigger(workflow, value, nullptr);
    } else if (value->is_sequence()) {
        for (const Node* item : value->items) add_trigger(workflow, item, nullptr);
    } else if (value->is_mapping()) {
        for (const auto& entry : value->entries) add_trigger(workflow, entry.key, entry.value);
    }
}

}  // namespace

const WorkflowTrigger* Workflow::trigger(std::string_view event) const {
    for (const auto& trigger : triggers) {
        if (trigger.event == event) return &trigger;
    }
    return nullptr;
}

std::optional<Workflow> read_workflow(const Document& document) {
    const Node* root = document.root();
    if (!root || !root->is_mapping()) return std::nullopt;
    Workflow workflow;
    workflow.document = &document;
    workflow.root = root;
    read_triggers(workflow);
    const Node* jobs = root->get("jobs");
    if (jobs && jobs->is_mapping()) {
        for (const auto& entry : jobs->entries) {
            if (!entry.value->is_mapping()) continue;
            WorkflowJob job;
            job.id = entry.key->value;
            job.key = entry.key;
            job.node = entry.value;
            job.uses = entry.value->get("uses");
            if (job.uses && job.uses->is_scalar()) job.uses_reference = parse_uses(job.uses->value);
            job.steps = read_steps(entry.value->get("steps"));
            workflow.jobs.push_back(std::move(job));
        }
    }
    return workflow;
}

std::optional<ActionDefinition> read_action(const Document& document) {
    const Node* root = document.root();
    if (!root || !root->is_mapping()) return std::nullopt;
    ActionDefinition action;
    action.document = &document;
    action.root = root;
    if (const Node* runs = root->get("runs"); runs && runs->is_mapping()) {
        action.using_ = runs->text("using").value_or("");
        action.steps = read_steps(runs->get("steps"));
    }
    return action;
}

}  // namespace pysec
