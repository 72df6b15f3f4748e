#pragma once
// Typed, read-only views of workflows and actions over the YAML tree.  They
// hold pointers into the Document, which must outlive them.  Every field is
// the YAML node as written (null when absent), so that rules can both read
// values and point at them.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/uses.hpp"
#include "parse/document.hpp"
#include "shell/shell_script.hpp"

namespace pysec {

// `permissions:` at workflow or job level.
struct Permissions {
    enum class Kind { Absent, ReadAll, WriteAll, Map, Invalid };
    Kind kind = Kind::Absent;
    const Node* node = nullptr;  // the value
    const Node* key = nullptr;   // the `permissions` key
    struct Grant {
        std::string access;       // read | write | none
        const Node* key = nullptr;
        const Node* value = nullptr;
    };
    std::map<std::string, Grant> scopes;  // for Kind::Map: contents, id-token, ...

    bool present() const { return kind != Kind::Absent; }
    // The access granted to `scope` ("none" when a map does not list it).
    std::string access(std::string_view scope) const;
};

// `strategy.matrix`, with what can be known without running anything.
struct Matrix {
    const Node* node = nullptr;
    bool dynamic = false;  // the matrix (or include/exclude) comes from an expression
    // Every value each key can take (dimensions and include entries), as written.
    std::map<std::string, std::vector<const Node*>> values;

    // True when every value of `key` is a literal written in the file.
    bool is_static(std::string_view key) const;
};

// A `workflow_dispatch`/`workflow_call` input, or an action input.
struct InputDefinition {
    std::string name;
    const Node* key = nullptr;
    std::string type;  // string, boolean, number, choice, environment ("" when unset)
};

struct WorkflowStep {
    const Node* node = nullptr;
    std::size_t index = 0;
    const Node* name = nullptr;
    const Node* id = nullptr;
    const Node* uses = nullptr;  // the `uses:` value
    std::optional<UsesReference> uses_reference;
    const Node* run = nullptr;
    const Node* shell = nullptr;
    const Node* with = nullptr;
    const Node* env = nullptr;
    const Node* if_condition = nullptr;
    const Node* continue_on_error = nullptr;
    const Node* working_directory = nullptr;
    // The shell `run:` executes in: the step's `shell`, else the job's and then
    // the workflow's `defaults.run.shell`, else "bash" ("pwsh" on Windows runners).
    std::string effective_shell;
    // The `run:` script split into commands (offsets into `run->value`); empty
    // for `uses:` steps and for shells that are not sh/bash/pwsh.
    std::vector<shell::Command> commands;

    // `with.<name>` as a scalar's text, when present.
    std::optional<std::string_view> input(std::string_view input_name) const;
    const Node* input_node(std::string_view input_name) const;
    // "owner/repo" (lower-case) of a repository action; "" otherwise.
    std::string action_slug() const;
};

struct WorkflowJob {
    std::string id;
    const Node* key = nullptr;
    const Node* node = nullptr;
    const Node* name = nullptr;
    const Node* uses = nullptr;  // a reusable-workflow call: `jobs.<id>.uses`
    std::optional<UsesReference> uses_reference;
    const Node* with = nullptr;     // reusable-workflow inputs
    const Node* secrets = nullptr;  // reusable-workflow secrets (`inherit` or a map)
    const Node* runs_on = nullptr;
    const Node* container = nullptr;
    const Node* services = nullptr;
    const Node* environment = nullptr;
    const Node* env = nullptr;
    const Node* if_condition = nullptr;
    const Node* needs = nullptr;
    const Node* outputs = nullptr;
    const Node* concurrency = nullptr;
    const Node* strategy = nullptr;
    Matrix matrix;
    Permissions permissions;
    const Node* defaults_shell = nullptr;
    std::vector<WorkflowStep> steps;

    bool is_reusable_call() const { return uses != nullptr; }
};

struct WorkflowTrigger {
    std::string event;
    const Node* node = nullptr;    // the event's name in the file (key or list item)
    const Node* config = nullptr;  // its mapping value, when written as a mapping
};

struct Workflow {
    const Document* document = nullptr;
    const Node* root = nullptr;
    const Node* name = nullptr;
    const Node* on_key = nullptr;
    const Node* on = nullptr;  // the `on:` value
    std::vector<WorkflowTrigger> triggers;
    Permissions permissions;
    const Node* env = nullptr;
    const Node* concurrency = nullptr;
    const Node* defaults_shell = nullptr;
    std::vector<WorkflowJob> jobs;
    std::vector<InputDefinition> inputs;  // workflow_dispatch and workflow_call inputs

    const WorkflowTrigger* trigger(std::string_view event) const;
    bool has_trigger(std::string_view event) const { return trigger(event) != nullptr; }
    // Only `workflow_call`: the workflow runs as part of its callers.
    bool is_reusable_only() const { return triggers.size() == 1 && triggers.front().event == "workflow_call"; }
    const InputDefinition* input(std::string_view input_name) const;
    // The nearest `env:` definition of `name` for a step (step, job, workflow).
    const Node* env_value(const WorkflowJob& job, const WorkflowStep* step, std::string_view variable) const;
};

// A composite or docker action defined in the repository (action.yml).
struct ActionDefinition {
    const Document* document = nullptr;
    const Node* root = nullptr;
    const Node* name = nullptr;
    const Node* runs = nullptr;
    std::string using_;  // runs.using
    const Node* image = nullptr;  // runs.image (docker actions)
    std::vector<WorkflowStep> steps;  // composite steps
    std::vector<InputDefinition> inputs;

    bool is_composite() const { return using_ == "composite"; }
    const InputDefinition* input(std::string_view input_name) const;
};

// Where a span of a step's `run:` script is in the file.
Location run_location(const Document& document, const WorkflowStep& step, std::size_t begin, std::size_t end,
                      std::string message = {});

// Nullopt when the root is not a mapping (an empty or non-workflow file).
std::optional<Workflow> read_workflow(const Document& document);
std::optional<ActionDefinition> read_action(const Document& document);
Permissions read_permissions(const Node* key, const Node* value);

}  // namespace pysec
