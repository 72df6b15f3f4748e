// undocumented-permissions: a write grant without a comment saying why.

#include "rules/all_rules.hpp"
#include "rules/workflow/explanatory_comment.hpp"

namespace pysec {
namespace {

constexpr RuleInfo undocumented_permissions_info{
    .id = "undocumented-permissions",
    .title = "write permission granted without a comment saying why",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Pedantic,
    .family = "workflows",
    .what = "A `<scope>: write` grant in a `permissions:` map, at workflow or job level, with no comment "
            "that explains it. A grant is explained by a comment at the end of its line, by comment lines "
            "directly above it, or by a comment on or directly above the `permissions:` key that holds it "
            "(one comment may explain a whole block). Comments that only hold tool directives "
            "(`pysec: ignore[...]`, `zizmor: ignore[...]`) explain nothing. Read grants are not reported, and "
            "`write-all` is the business of `excessive-permissions`. One finding per grant, on its key.",
    .why = "A write grant is a standing risk that reviewers have to re-justify every time they read the "
           "workflow: `contents: write` lets any step push code and move tags, `id-token: write` lets it "
           "mint OIDC tokens for PyPI or a cloud account. A one-line reason makes grants that are no longer "
           "needed easy to spot and remove, and makes an unexplained new grant stand out in review.",
    .fix = "Say, in a comment on the same line, what needs the permission.",
    .example = "Before:\n"
               "  permissions:\n"
               "    id-token: write\n"
               "After:\n"
               "  permissions:\n"
               "    id-token: write  # trusted publishing to PyPI\n",
};

class UndocumentedPermissionsRule final : public Rule {
public:
    const RuleInfo& info() const override { return undocumented_permissions_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            check_block(*workflow.document, workflow.permissions, sink);
            for (const WorkflowJob& job : workflow.jobs) check_block(*workflow.document, job.permissions, sink);
        }
    }

private:
    void check_block(const Document& document, const Permissions& permissions, FindingSink& sink) const {
        if (permissions.kind != Permissions::Kind::Map || !permissions.key) return;
        if (has_explanatory_comment(document, *permissions.key, *permissions.node)) return;
        for (const auto& [scope, grant] : permissions.scopes) {
            if (grant.access != "write" || has_explanatory_comment(document, *grant.key, *grant.value)) continue;
            Finding finding = finding_at(document, *grant.key,
                                         "`" + scope + ": write` has no comment saying what needs it");
            finding.help = scope + ": write  # <what needs it>";
            sink.add(std::move(finding));
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_undocumented_permissions_rule() { return std::make_unique<UndocumentedPermissionsRule>(); }

}  // namespace pysec
