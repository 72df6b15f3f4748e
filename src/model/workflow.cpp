#include "model/workflow.hpp"

#include "core/text.hpp"
#include "parse/scalar_source_map.hpp"

namespace pysec {
namespace {

bool has_expression(const Node* node) {
    if (!node) return false;
    if (node->is_scalar()) return node->value.find("${{") != std::string::npos;
    for (const Node* item : node->items) {
        if (has_expression(item)) return true;
    }
    for (const auto& entry : node->entries) {
        if (has_expression(entry.value)) return true;
    }
    return false;
}

const Node* defaults_shell_of(const Node* owner) {
    const Node* defaults = owner ? owner->get("defaults") : nullptr;
    const Node* run = defaults ? defaults->get("run") : nullptr;
    return run ? run->get("shell") : nullptr;
}

std::string default_shell_for(const Node* runs_on) {
    if (!runs_on) return "bash";
    std::string text;
    if (runs_on->is_scalar()) text = runs_on->value;
    for (const Node* item : runs_on->items) text += " " + item->value;
    return to_lower(text).find("windows") != std::string::npos ? "pwsh" : "bash";
}

std::vector<WorkflowStep> read_steps(const Node* steps, const std::vector<const Node*>& shell_defaults,
                                     const std::string& fallback_shell) {
    std::vector<WorkflowStep> result;
    if (!steps || !steps->is_sequence()) return result;
    for (std::size_t i = 0; i < steps->items.size(); ++i) {
        const Node* node = steps->items[i];
        if (!node->is_mapping()) continue;
        WorkflowStep step;
        step.node = node;
        step.index = i;
        step.name = node->get("name");
        step.id = node->get("id");
        step.uses = node->get("uses");
        if (step.uses && step.uses->is_scalar()) step.uses_reference = parse_uses(step.uses->value);
        step.run = node->get("run");
        step.shell = node->get("shell");
        step.with = node->get("with");
        step.env = node->get("env");
        step.if_condition = node->get("if");
        step.continue_on_error = node->get("continue-on-error");
        step.working_directory = node->get("working-directory");
        step.effective_shell = fallback_shell;
        for (const Node* shell : shell_defaults) {
            if (shell && shell->is_scalar()) {
                step.effective_shell = shell->value;
                break;
            }
        }
        if (step.shell && step.shell->is_scalar()) step.effective_shell = step.shell->value;
        if (step.run && step.run->is_scalar()) {
            step.commands = shell::parse_script(step.run->value, shell::dialect_of(step.effective_shell));
        }
        result.push_back(std::move(step));
    }
    return result;
}

Matrix read_matrix(const Node* strategy) {
    Matrix matrix;
    matrix.node = strategy ? strategy->get("matrix") : nullptr;
    if (!matrix.node) return matrix;
    if (!matrix.node->is_mapping()) {
        matrix.dynamic = true;  // `matrix: ${{ fromJSON(...) }}`
        return matrix;
    }
    for (const auto& entry : matrix.node->entries) {
        const std::string& key = entry.key->value;
        const Node* value = entry.value;
        if (key == "exclude") {
            if (!value->is_sequence()) matrix.dynamic = matrix.dynamic || has_expression(value);
            continue;
        }
        if (key == "include") {
            if (!value->is_sequence()) {
                matrix.dynamic = true;
                continue;
            }
            for (const Node* item : value->items) {
                if (!item->is_mapping()) {
                    matrix.dynamic = true;
                    continue;
                }
                for (const auto& field : item->entries) matrix.values[field.key->value].push_back(field.value);
            }
            continue;
        }
        if (value->is_sequence()) {
            for (const Node* item : value->items) matrix.values[key].push_back(item);
        } else {
            matrix.values[key].push_back(value);  // an expression, or a scalar GitHub rejects
        }
    }
    return matrix;
}

void read_inputs(const Node* inputs, std::vector<InputDefinition>& out) {
    if (!inputs || !inputs->is_mapping()) return;
    for (const auto& entry : inputs->entries) {
        InputDefinition input;
        input.name = entry.key->value;
        input.key = entry.key;
        if (entry.value->is_mapping()) input.type = entry.value->text("type").value_or("");
        out.push_back(std::move(input));
    }
}

void add_trigger(Workflow& workflow, const Node* name, const Node* config) {
    if (!name->is_scalar()) return;
    workflow.triggers.push_back(WorkflowTrigger{name->value, name, config});
    if ((name->value == "workflow_dispatch" || name->value == "workflow_call") && config && config->is_mapping()) {
        read_inputs(config->get("inputs"), workflow.inputs);
    }
}

// `on: push`, `on: [push, pull_request]`, and `on: {push: {...}}`.  A YAML 1.1
// tool may have written the key as `true` (its reading of `on`).
void read_triggers(Workflow& workflow) {
    const Node::Entry* on = workflow.root->find("on");
    if (!on) on = workflow.root->find("true");
    if (!on) return;
    workflow.on_key = on->key;
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

const Node* env_entry(const Node* env, std::string_view name) {
    return env && env->is_mapping() ? env->get(name) : nullptr;
}

}  // namespace

Location run_location(const Document& document, const WorkflowStep& step, std::size_t begin, std::size_t end,
                      std::string message) {
    if (!step.run) return document.location(*step.node, std::move(message));
    return ScalarSourceMap(document, *step.run).location(begin, end, std::move(message));
}

std::string Permissions::access(std::string_view scope) const {
    switch (kind) {
        case Kind::ReadAll: return "read";
        case Kind::WriteAll: return "write";
        case Kind::Map: {
            auto it = scopes.find(std::string(scope));
            return it == scopes.end() ? "none" : it->second.access;
        }
        default: return "none";
    }
}

Permissions read_permissions(const Node* key, const Node* value) {
    Permissions permissions;
    permissions.key = key;
    permissions.node = value;
    if (!value) return permissions;
    if (value->is_scalar()) {
        permissions.kind = value->value == "read-all"    ? Permissions::Kind::ReadAll
                           : value->value == "write-all" ? Permissions::Kind::WriteAll
                                                         : Permissions::Kind::Invalid;
        return permissions;
    }
    if (!value->is_mapping()) {
        permissions.kind = Permissions::Kind::Invalid;
        return permissions;
    }
    permissions.kind = Permissions::Kind::Map;
    for (const auto& entry : value->entries) {
        permissions.scopes[entry.key->value] =
            Permissions::Grant{std::string(entry.value->text().value_or("")), entry.key, entry.value};
    }
    return permissions;
}

bool Matrix::is_static(std::string_view key) const {
    if (dynamic) return false;
    auto it = values.find(std::string(key));
    if (it == values.end() || it->second.empty()) return false;
    for (const Node* value : it->second) {
        if (has_expression(value)) return false;
    }
    return true;
}

std::optional<std::string_view> WorkflowStep::input(std::string_view input_name) const {
    const Node* value = input_node(input_name);
    return value ? value->text() : std::nullopt;
}

const Node* WorkflowStep::input_node(std::string_view input_name) const {
    return with && with->is_mapping() ? with->get(input_name) : nullptr;
}

std::string WorkflowStep::action_slug() const {
    if (!uses_reference || uses_reference->kind != UsesReference::Kind::Repository) return {};
    return to_lower(uses_reference->slug());
}

const WorkflowTrigger* Workflow::trigger(std::string_view event) const {
    for (const auto& trigger : triggers) {
        if (trigger.event == event) return &trigger;
    }
    return nullptr;
}

const InputDefinition* Workflow::input(std::string_view input_name) const {
    for (const auto& input : inputs) {
        if (input.name == input_name) return &input;
    }
    return nullptr;
}

const Node* Workflow::env_value(const WorkflowJob& job, const WorkflowStep* step, std::string_view variable) const {
    if (step) {
        if (const Node* value = env_entry(step->env, variable)) return value;
    }
    if (const Node* value = env_entry(job.env, variable)) return value;
    return env_entry(env, variable);
}

const InputDefinition* ActionDefinition::input(std::string_view input_name) const {
    for (const auto& input : inputs) {
        if (input.name == input_name) return &input;
    }
    return nullptr;
}

std::optional<Workflow> read_workflow(const Document& document) {
    const Node* root = document.root();
    if (!root || !root->is_mapping()) return std::nullopt;
    Workflow workflow;
    workflow.document = &document;
    workflow.root = root;
    workflow.name = root->get("name");
    read_triggers(workflow);
    const Node::Entry* permissions = root->find("permissions");
    workflow.permissions = read_permissions(permissions ? permissions->key : nullptr,
                                            permissions ? permissions->value : nullptr);
    workflow.env = root->get("env");
    workflow.concurrency = root->get("concurrency");
    workflow.defaults_shell = defaults_shell_of(root);
    const Node* jobs = root->get("jobs");
    if (jobs && jobs->is_mapping()) {
        for (const auto& entry : jobs->entries) {
            const Node* node = entry.value;
            if (!node->is_mapping()) continue;
            WorkflowJob job;
            job.id = entry.key->value;
            job.key = entry.key;
            job.node = node;
            job.name = node->get("name");
            job.uses = node->get("uses");
            if (job.uses && job.uses->is_scalar()) job.uses_reference = parse_uses(job.uses->value);
            job.with = node->get("with");
            job.secrets = node->get("secrets");
            job.runs_on = node->get("runs-on");
            job.container = node->get("container");
            job.services = node->get("services");
            job.environment = node->get("environment");
            job.env = node->get("env");
            job.if_condition = node->get("if");
            job.needs = node->get("needs");
            job.outputs = node->get("outputs");
            job.concurrency = node->get("concurrency");
            job.strategy = node->get("strategy");
            job.matrix = read_matrix(job.strategy);
            const Node::Entry* job_permissions = node->find("permissions");
            job.permissions = read_permissions(job_permissions ? job_permissions->key : nullptr,
                                               job_permissions ? job_permissions->value : nullptr);
            job.defaults_shell = defaults_shell_of(node);
            job.steps = read_steps(node->get("steps"), {job.defaults_shell, workflow.defaults_shell},
                                   default_shell_for(job.runs_on));
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
    action.name = root->get("name");
    read_inputs(root->get("inputs"), action.inputs);
    if (const Node* runs = root->get("runs"); runs && runs->is_mapping()) {
        action.runs = runs;
        action.using_ = runs->text("using").value_or("");
        action.image = runs->get("image");
        action.steps = read_steps(runs->get("steps"), {}, "bash");
    }
    return action;
}

}  // namespace pysec
