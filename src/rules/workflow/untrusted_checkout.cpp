#include "rules/workflow/untrusted_checkout.hpp"


#include "core/text.hpp"
#include "expr/data_flow.hpp"
#include "expr/template.hpp"

namespace pysec {
namespace {

bool is_untrusted_head_context(std::string_view path) {
    return path.starts_with("github.event.pull_request.head.") || path == "github.head_ref" ||
           path == "github.event.pull_request.merge_commit_sha" || path.starts_with("github.event.workflow_run.head_");
}

}  // namespace

bool names_untrusted_head(std::string_view value) {
    if (value.find("refs/pull/") != std::string_view::npos) return true;
    for (const auto& found : expr::find_template_expressions(value)) {
        try {
            auto expression = expr::parse_expression(found.inner(value));
            for (const auto& use : expr::contexts_reaching_value(*expression)) {
                if (is_untrusted_head_context(use.path)) return true;
            }
        } catch (const expr::ExpressionError&) {
            // Not an expression GitHub would run either.
        }
    }
    return false;
}

std::optional<UntrustedCheckout> untrusted_checkout(const WorkflowStep& step) {
    if (step.action_slug() != "actions/checkout") return std::nullopt;
    UntrustedCheckout checkout;
    checkout.step = &step;
    for (std::string_view input : {"ref", "repository"}) {
        const Node* value = step.input_node(input);
        if (value && value->is_scalar() && names_untrusted_head(value->value)) {
            checkout.evidence = value;
            break;
        }
    }
    if (!checkout.evidence) return std::nullopt;
    checkout.directory = normalize_workspace_path(step.input("path").value_or(""));
    return checkout;
}

std::string normalize_workspace_path(std::string_view path) {
    path = trim(path);
    for (std::string_view prefix :
         {"${{ github.workspace }}", "${{github.workspace}}", "${GITHUB_WORKSPACE}", "$GITHUB_WORKSPACE"}) {
        if (path.starts_with(prefix)) {
            path.remove_prefix(prefix.size());
            if (path.empty() || path.front() == '/') break;
            return std::string(path);  // `$GITHUB_WORKSPACEX`: some other variable
        }
    }
    std::string normalized;
    std::size_t at = 0;
    while (at <= path.size()) {
        std::size_t slash = path.find('/', at);
        if (slash == std::string_view::npos) slash = path.size();
        std::string_view component = path.substr(at, slash - at);
        if (!component.empty() && component != ".") {
            if (!normalized.empty()) normalized += '/';
            normalized += component;
        }
        at = slash + 1;
    }
    return normalized;
}

}  // namespace pysec
