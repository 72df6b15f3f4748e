#pragma once
// Typed, read-only views of workflows and actions over the YAML tree.  They
// hold pointers into the Document, which must outlive them.

#include <optional>
#include <string>
#include <vector>

#include "model/uses.hpp"
#include "parse/document.hpp"

namespace pysec {

struct WorkflowStep {
    const Node* node = nullptr;
    std::size_t index = 0;
    const Node* uses = nullptr;  // the `uses:` value
    std::optional<UsesReference> uses_reference;
    const Node* run = nullptr;
    const Node* with = nullptr;
};

struct WorkflowJob {
    std::string id;
    const Node* key = nullptr;
    const Node* node = nullptr;
    const Node* uses = nullptr;  // a reusable-workflow call: `jobs.<id>.uses`
    std::optional<UsesReference> uses_reference;
    std::vector<WorkflowStep> steps;
};

struct WorkflowTrigger {
    std::string event;
    const Node* node = nullptr;    // the event's name in the file (key or list item)
    const Node* config = nullptr;  // its mapping value, when written as a mapping
};

struct Workflow {
    const Document* document = nullptr;
    const Node* root = nullptr;
    const Node* on = nullptr;  // the `on:` value
    std::vector<WorkflowTrigger> triggers;
    std::vector<WorkflowJob> jobs;

    const WorkflowTrigger* trigger(std::string_view event) const;
};

// A composite or docker action defined in the repository (action.yml).
struct ActionDefinition {
    const Document* document = nullptr;
    const Node* root = nullptr;
    std::string using_;  // runs.using
    std::vector<WorkflowStep> steps;  // composite steps
};

// Nullopt when the root is not a mapping (an empty or non-workflow file).
std::optional<Workflow> read_workflow(const Document& document);
std::optional<ActionDefinition> read_action(const Document& document);

}  // namespace pysec
