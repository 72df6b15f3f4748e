#include "rules/workflow/expression_sites.hpp"

#include <algorithm>
#include <unordered_set>

#include "core/text.hpp"

namespace pysec {
namespace {

std::unique_ptr<expr::Expr> try_parse(std::string_view text) {
    try {
        return expr::parse_expression(text);
    } catch (const expr::ExpressionError&) {
        return nullptr;  // GitHub rejects the workflow; parse-level rules are not ours
    }
}

}  // namespace

ScalarExpressions::ScalarExpressions(const Document& document, const Node& scalar)
    : ScalarExpressions(document, scalar, false) {}

ScalarExpressions ScalarExpressions::condition(const Document& document, const Node& scalar) {
    return ScalarExpressions(document, scalar, true);
}

ScalarExpressions::ScalarExpressions(const Document& document, const Node& scalar, bool implicit_condition)
    : document_(&document), scalar_(&scalar) {
    if (!scalar.is_scalar()) return;
    std::string_view value = scalar.value;
    if (implicit_condition && value.find("${{") == std::string_view::npos) {
        if (trim(value).empty()) return;
        ExpressionItem item;
        item.fence = expr::TemplateExpression{0, value.size(), 0, value.size()};
        item.fenced = false;
        item.expression = try_parse(value);
        items_.push_back(std::move(item));
        return;
    }
    for (const expr::TemplateExpression& fence : expr::find_template_expressions(value)) {
        ExpressionItem item;
        item.fence = fence;
        item.expression = try_parse(fence.inner(value));
        items_.push_back(std::move(item));
    }
}

const ScalarSourceMap& ScalarExpressions::source_map() const {
    if (!map_) map_ = std::make_unique<ScalarSourceMap>(*document_, *scalar_);
    return *map_;
}

Location ScalarExpressions::location(std::size_t begin, std::size_t end, std::string message) const {
    return source_map().location(begin, end, std::move(message));
}

Location ScalarExpressions::location(const ExpressionItem& item, std::string message) const {
    return location(item.fence.begin, item.fence.end, std::move(message));
}

Location ScalarExpressions::location(const ExpressionItem& item, const expr::Expr& part, std::string message) const {
    std::size_t begin = std::min(item.fence.inner_begin + part.begin, item.fence.inner_end);
    std::size_t end = std::min(item.fence.inner_begin + part.end, item.fence.inner_end);
    return location(begin, end, std::move(message));
}

void for_each_scalar(const Node& node, const std::function<void(const Node&)>& visit) {
    if (node.is_scalar()) {
        visit(node);
        return;
    }
    for (const Node* item : node.items) for_each_scalar(*item, visit);
    for (const auto& entry : node.entries) for_each_scalar(*entry.value, visit);
}

namespace {

void add_step_conditions(const std::vector<WorkflowStep>& steps, std::vector<const Node*>& out) {
    for (const WorkflowStep& step : steps) {
        if (step.if_condition) out.push_back(step.if_condition);
    }
}

void visit_document(const Document& document, const Node* root, const std::vector<const Node*>& condition_list,
                    const std::function<void(const ScalarExpressions&)>& visit) {
    if (!root) return;
    std::unordered_set<const Node*> conditions(condition_list.begin(), condition_list.end());
    for_each_scalar(*root, [&](const Node& scalar) {
        bool condition = conditions.contains(&scalar);
        if (!condition && scalar.value.find("${{") == std::string::npos) return;
        ScalarExpressions expressions =
            condition ? ScalarExpressions::condition(document, scalar) : ScalarExpressions(document, scalar);
        if (!expressions.empty()) visit(expressions);
    });
}

}  // namespace

std::vector<const Node*> condition_nodes(const Workflow& workflow) {
    std::vector<const Node*> out;
    for (const WorkflowJob& job : workflow.jobs) {
        if (job.if_condition) out.push_back(job.if_condition);
        add_step_conditions(job.steps, out);
    }
    return out;
}

std::vector<const Node*> condition_nodes(const ActionDefinition& action) {
    std::vector<const Node*> out;
    add_step_conditions(action.steps, out);
    return out;
}

void for_each_condition(const Project& project, const std::function<void(const Document&, const Node&)>& visit) {
    for (const Workflow& workflow : project.workflows()) {
        for (const Node* condition : condition_nodes(workflow)) visit(*workflow.document, *condition);
    }
    for (const ActionDefinition& action : project.actions()) {
        for (const Node* condition : condition_nodes(action)) visit(*action.document, *condition);
    }
}

void for_each_expression_scalar(const Project& project, const std::function<void(const ScalarExpressions&)>& visit) {
    for (const Workflow& workflow : project.workflows()) {
        visit_document(*workflow.document, workflow.root, condition_nodes(workflow), visit);
    }
    for (const ActionDefinition& action : project.actions()) {
        visit_document(*action.document, action.root, condition_nodes(action), visit);
    }
}

}  // namespace pysec
