#include "rules/workflow/possible_values.hpp"

#include "core/text.hpp"
#include "expr/template.hpp"

namespace pysec {
namespace {

using expr::Expr;
using expr::ExprKind;

// One step of a `matrix.a.b[0]` access.
struct Segment {
    std::string name;                  // a member or string index
    std::optional<std::size_t> index;  // a number index
    bool any = false;                  // `*` or a computed index
};

// `matrix.a['b'][0]` as segments; nullopt when it is not a plain access rooted at `matrix`.
std::optional<std::vector<Segment>> matrix_access(const Expr& expression) {
    switch (expression.kind) {
        case ExprKind::Identifier:
            if (expression.name == "matrix") return std::vector<Segment>{};
            return std::nullopt;
        case ExprKind::Member: {
            auto base = matrix_access(*expression.children[0]);
            if (base) base->push_back(Segment{to_lower(expression.name), std::nullopt, false});
            return base;
        }
        case ExprKind::Star: {
            auto base = matrix_access(*expression.children[0]);
            if (base) base->push_back(Segment{{}, std::nullopt, true});
            return base;
        }
        case ExprKind::Index: {
            auto base = matrix_access(*expression.children[0]);
            if (!base) return base;
            const Expr& index = *expression.children[1];
            Segment segment;
            if (index.kind == ExprKind::String) {
                segment.name = to_lower(index.name);
            } else if (index.kind == ExprKind::Number && index.name.find_first_not_of("0123456789") == std::string::npos) {
                segment.index = std::stoul(index.name);
            } else {
                segment.any = true;
            }
            base->push_back(std::move(segment));
            return base;
        }
        default: return std::nullopt;
    }
}

bool contains_expression(const Node& node) { return node.is_scalar() && node.value.find("${{") != std::string::npos; }

// Mapping lookup ignoring case: contexts are case-insensitive.
const Node* get_ignoring_case(const Node& mapping, std::string_view name) {
    for (const auto& entry : mapping.entries) {
        if (to_lower(entry.key->value) == name) return entry.value;
    }
    return nullptr;
}

void add_leaf(const Node& node, PossibleValues& out) {
    if (contains_expression(node)) {
        out.complete = false;
        return;
    }
    if (node.is_null()) return;
    if (node.is_scalar()) {
        out.values.push_back(PossibleValue{node.value, &node});
    } else {
        out.values.push_back(PossibleValue{std::nullopt, &node});
    }
}

void follow(const Node& node, const std::vector<Segment>& segments, std::size_t at, PossibleValues& out) {
    if (at == segments.size()) {
        add_leaf(node, out);
        return;
    }
    if (contains_expression(node)) {
        out.complete = false;
        return;
    }
    const Segment& segment = segments[at];
    if (node.is_mapping()) {
        if (segment.any) {
            for (const auto& entry : node.entries) follow(*entry.value, segments, at + 1, out);
        } else if (const Node* value = get_ignoring_case(node, segment.name)) {
            follow(*value, segments, at + 1, out);
        }
    } else if (node.is_sequence()) {
        if (segment.any) {
            for (const Node* item : node.items) follow(*item, segments, at + 1, out);
        } else if (segment.index && *segment.index < node.items.size()) {
            follow(*node.items[*segment.index], segments, at + 1, out);
        }
    }
    // A member of a scalar is null: no value.
}

PossibleValues matrix_values(const std::vector<Segment>& segments, const WorkflowJob& job) {
    PossibleValues out;
    if (job.matrix.dynamic) {
        out.complete = false;
        return out;
    }
    if (segments.empty() || segments.front().any || segments.front().index) {
        out.complete = job.matrix.node == nullptr;  // the whole matrix object, or an odd access
        return out;
    }
    for (const auto& [key, nodes] : job.matrix.values) {
        if (to_lower(key) != segments.front().name) continue;
        for (const Node* node : nodes) follow(*node, segments, 1, out);
    }
    return out;
}

// `inputs.x` and `github.event.inputs.x`: known only for `choice` and `boolean` inputs.
PossibleValues input_values(std::string_view name, const Workflow& workflow) {
    PossibleValues out;
    bool defined = false;
    for (const WorkflowTrigger& trigger : workflow.triggers) {
        if (trigger.event != "workflow_dispatch" && trigger.event != "workflow_call") continue;
        const Node* inputs = trigger.config && trigger.config->is_mapping() ? trigger.config->get("inputs") : nullptr;
        const Node* input = inputs && inputs->is_mapping() ? get_ignoring_case(*inputs, name) : nullptr;
        if (!input) continue;
        defined = true;
        std::string type(input->is_mapping() ? input->text("type").value_or("") : "");
        if (type == "boolean") {
            out.values.push_back(PossibleValue{"true", nullptr});
            out.values.push_back(PossibleValue{"false", nullptr});
        } else if (type == "choice" && input->get("options") && input->get("options")->is_sequence()) {
            for (const Node* option : input->get("options")->items) add_leaf(*option, out);
        } else {
            out.complete = false;
        }
    }
    if (!defined) out.complete = false;
    return out;
}

void merge(PossibleValues& into, PossibleValues from) {
    into.complete = into.complete && from.complete;
    for (auto& value : from.values) into.values.push_back(std::move(value));
}

PossibleValues booleans() {
    return PossibleValues{true, {PossibleValue{"true", nullptr}, PossibleValue{"false", nullptr}}};
}

}  // namespace

PossibleValues possible_values(const Expr& expression, const Workflow& workflow, const WorkflowJob& job) {
    switch (expression.kind) {
        case ExprKind::Null: return {};
        case ExprKind::Boolean:
        case ExprKind::Number:
        case ExprKind::String: return PossibleValues{true, {PossibleValue{expression.name, nullptr}}};
        case ExprKind::Not: return booleans();
        case ExprKind::Binary: {
            if (expression.op == expr::BinaryOp::And) return possible_values(*expression.children[1], workflow, job);
            if (expression.op == expr::BinaryOp::Or) {
                PossibleValues values = possible_values(*expression.children[0], workflow, job);
                merge(values, possible_values(*expression.children[1], workflow, job));
                return values;
            }
            return booleans();  // comparisons
        }
        case ExprKind::Call: {
            if (auto constant = expr::constant_value(expression)) return PossibleValues{true, {PossibleValue{*constant, nullptr}}};
            const std::string& name = expression.name;
            if (name == "contains" || name == "startswith" || name == "endswith" || name == "success" ||
                name == "always" || name == "failure" || name == "cancelled") {
                return booleans();
            }
            return PossibleValues{false, {}};
        }
        default: break;
    }
    if (auto segments = matrix_access(expression)) return matrix_values(*segments, job);
    if (auto path = expr::context_path(expression)) {
        for (std::string_view prefix : {"inputs.", "github.event.inputs."}) {
            if (path->starts_with(prefix) && path->find('.', prefix.size()) == std::string::npos &&
                path->find('*') == std::string::npos) {
                return input_values(std::string_view(*path).substr(prefix.size()), workflow);
            }
        }
    }
    return PossibleValues{false, {}};
}

PossibleValues possible_values(std::string_view expression_text, const Workflow& workflow, const WorkflowJob& job) {
    try {
        auto expression = expr::parse_expression(expression_text);
        return possible_values(*expression, workflow, job);
    } catch (const expr::ExpressionError&) {
        return PossibleValues{false, {}};
    }
}

}  // namespace pysec

namespace pysec {

PossibleValues possible_texts(const Node& scalar, const Workflow& workflow, const WorkflowJob& job) {
    const std::string& text = scalar.value;
    auto expressions = expr::find_template_expressions(text);
    if (expressions.size() == 1 && trim(text.substr(0, expressions[0].begin)).empty() &&
        trim(std::string_view(text).substr(expressions[0].end)).empty()) {
        return possible_values(expressions[0].inner(text), workflow, job);
    }
    constexpr std::size_t max_combinations = 256;
    PossibleValues result;
    result.values.push_back(PossibleValue{std::string(), nullptr});
    std::size_t at = 0;
    auto append_literal = [&](std::string_view literal) {
        for (auto& value : result.values) *value.text += literal;
    };
    for (const auto& found : expressions) {
        append_literal(std::string_view(text).substr(at, found.begin - at));
        at = found.end;
        PossibleValues values = possible_values(found.inner(text), workflow, job);
        result.complete = result.complete && values.complete;
        if (values.values.empty()) values.values.push_back(PossibleValue{std::string(), nullptr});  // null is ""
        std::vector<PossibleValue> combined;
        for (const PossibleValue& prefix : result.values) {
            for (const PossibleValue& value : values.values) {
                if (!value.text) {
                    result.complete = false;
                    continue;
                }
                if (combined.size() == max_combinations) {
                    result.complete = false;
                    break;
                }
                combined.push_back(PossibleValue{*prefix.text + *value.text, prefix.node ? prefix.node : value.node});
            }
        }
        result.values = std::move(combined);
    }
    append_literal(std::string_view(text).substr(at));
    return result;
}

}  // namespace pysec
