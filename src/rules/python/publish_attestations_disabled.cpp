// publish-attestations-disabled: the PyPA publish action told not to attest.

#include "core/text.hpp"
#include "model/publishing.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo publish_attestations_disabled_info{
    .id = "publish-attestations-disabled",
    .title = "PyPI upload with attestations turned off",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "python",
    .what = "A `pypa/gh-action-pypi-publish` step (any ref, in a workflow or a composite action) with "
            "`attestations: false` (also written `\"false\"`, `False`). The finding points at the value. An "
            "expression is not reported, since its value is not known.",
    .why = "Since v1.11.0 the action signs every uploaded file with a PEP 740 attestation made from the "
           "workflow's trusted-publishing identity, and PyPI shows and serves it. Attestations let users and "
           "tools verify that a release was built by this repository's workflow and not uploaded with a stolen "
           "token from somewhere else, which is how malicious releases of real projects usually get "
           "published. Turning them off removes that evidence for every release.",
    .fix = "Remove `attestations: false` (attestations are on by default) and publish with trusted publishing "
           "(`permissions: id-token: write`, no `password:`), which attestations need.",
    .example = "Before:\n"
               "  - uses: pypa/gh-action-pypi-publish@<sha>\n"
               "    with:\n"
               "      attestations: false\n"
               "After:\n"
               "  - uses: pypa/gh-action-pypi-publish@<sha>\n",
};

class PublishAttestationsDisabledRule final : public Rule {
public:
    const RuleInfo& info() const override { return publish_attestations_disabled_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_step(context.project, [&](const StepSite& site) {
            if (!is_pypi_publish_action(site.step)) return;
            const Node* value = site.step.input_node("attestations");
            if (!value || !value->is_scalar() || to_lower(value->value) != "false") return;
            Finding finding = finding_at(site.document, *value,
                                         "`attestations: false` stops `pypa/gh-action-pypi-publish` from signing "
                                         "the uploaded files, so users cannot verify where this release came from");
            finding.help = "remove `attestations: false`";
            sink.add(std::move(finding));
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_publish_attestations_disabled_rule() {
    return std::make_unique<PublishAttestationsDisabledRule>();
}

}  // namespace pysec
