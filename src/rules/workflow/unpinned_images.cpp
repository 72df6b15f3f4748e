// unpinned-images: container images referenced without a digest.

#include <algorithm>

#include "core/text.hpp"
#include "expr/template.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/container_image.hpp"
#include "rules/workflow/possible_values.hpp"

namespace pysec {
namespace {

constexpr RuleInfo unpinned_images_info{
    .id = "unpinned-images",
    .title = "container image not pinned to a digest",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A container image without an `@sha256:` digest in a job's `container:` (a string or its "
            "`image:`), in `services.<id>.image`, in a step's `uses: docker://...` (workflows and composite "
            "actions), or in a Docker action's `runs.image: docker://...`. No tag, or the `latest` tag, is "
            "reported for everyone; any other tag (`python:3.12-slim`) only at the pedantic persona, since a "
            "version tag is a deliberate, if movable, choice.\n\n"
            "Expressions are expanded where the file says what they can be (a static matrix, literals, the "
            "options of a `choice` input), and every value is judged; one finding per image, listing the "
            "values that are not pinned. When a value cannot be known: an expression in the tag "
            "(`app:${{ needs.build.outputs.tag }}`) is a tag (pedantic, medium confidence); an expression in "
            "the digest counts as pinned; an image that is entirely an expression (`${{ inputs.image }}`) is "
            "reported to auditors only, with low confidence. An empty image (no container) is fine.",
    .why = "Tags are mutable: whoever controls the image repository (or steals its credentials) can push "
           "new content under `latest` or `3.12`, and the next run executes it with the job's token and "
           "secrets. Compromised and typosquatted images on Docker Hub are a recurring supply-chain vector, "
           "and `latest` also changes under you without any attack. A digest names exactly one image.",
    .fix = "Pin the digest and keep the tag for readers and update bots: `image: python:3.12-slim@sha256:<digest>`. "
           "`docker buildx imagetools inspect python:3.12-slim` prints the digest; Dependabot (`docker` "
           "ecosystem) and Renovate keep such pins up to date.",
    .example = "Before:\n"
               "  container: python:latest\n"
               "After:\n"
               "  container: python:3.12-slim@sha256:<digest>  # 3.12-slim\n",
};

enum class Pinning { Digest, Tag, TagFromExpression, Latest, Untagged, Unknown };

constexpr char placeholder = '\x01';

Pinning pinning_of(std::string_view image) {
    ImageReference reference = parse_image_reference(image);
    bool in_digest = reference.digest.find(placeholder) != std::string::npos;
    if (reference.pinned_by_digest() || in_digest) return Pinning::Digest;
    if (reference.has_tag) {
        if (reference.tag.find(placeholder) != std::string::npos) return Pinning::TagFromExpression;
        return to_lower(reference.tag) == "latest" ? Pinning::Latest : Pinning::Tag;
    }
    // `${{ inputs.image }}`, `ghcr.io/${{ x }}`: the expression may carry its own tag or digest.
    if (!reference.name.empty() && reference.name.back() == placeholder) return Pinning::Unknown;
    return Pinning::Untagged;
}

// The image with every `${{ }}` replaced by a placeholder.
std::string with_placeholders(const std::string& text) {
    std::string out;
    std::size_t at = 0;
    for (const auto& found : expr::find_template_expressions(text)) {
        out += text.substr(at, found.begin - at);
        out += placeholder;
        at = found.end;
    }
    return out + text.substr(at);
}

struct ImageSite {
    const Document& document;
    const Node& node;
    const Workflow* workflow = nullptr;  // with `job`, for expanding expressions
    const WorkflowJob* job = nullptr;
};

class UnpinnedImagesRule final : public Rule {
public:
    const RuleInfo& info() const override { return unpinned_images_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            const Document& document = *workflow.document;
            for (const WorkflowJob& job : workflow.jobs) {
                if (const Node* image = container_image(job.container)) check_site({document, *image, &workflow, &job}, sink);
                if (job.services && job.services->is_mapping()) {
                    for (const auto& service : job.services->entries) {
                        if (const Node* image = container_image(service.value, false)) {
                            check_site({document, *image, &workflow, &job}, sink);
                        }
                    }
                }
                for (const WorkflowStep& step : job.steps) {
                    if (is_docker_step(step)) check_site({document, *step.uses, &workflow, &job}, sink);
                }
            }
        }
        for (const ActionDefinition& action : context.project.actions()) {
            const Document& document = *action.document;
            for (const WorkflowStep& step : action.steps) {
                if (is_docker_step(step)) check_site({document, *step.uses}, sink);
            }
            if (action.image && action.image->is_scalar() && starts_with_icase(action.image->value, "docker://")) {
                check_site({document, *action.image}, sink);
            }
        }
    }

private:
    static bool is_docker_step(const WorkflowStep& step) {
        return step.uses_reference && step.uses_reference->kind == UsesReference::Kind::Docker;
    }

    // `container: image` or `container: {image: ...}`; services only take the mapping.
    static const Node* container_image(const Node* container, bool string_form = true) {
        if (!container) return nullptr;
        if (container->is_scalar()) return string_form ? container : nullptr;
        const Node* image = container->is_mapping() ? container->get("image") : nullptr;
        return image && image->is_scalar() ? image : nullptr;
    }

    void check_site(const ImageSite& site, FindingSink& sink) const {
        const std::string& text = site.node.value;
        if (trim(text).empty() || trim(text) == "docker://") return;
        if (text.find("${{") == std::string::npos) {
            report(site, pinning_of(text), {}, sink);
            return;
        }
        if (site.workflow && site.job) {
            PossibleValues values = possible_texts(site.node, *site.workflow, *site.job);
            if (values.complete) {
                check_expanded(site, values, sink);
                return;
            }
        }
        report(site, pinning_of(with_placeholders(text)), {}, sink);
    }

    void check_expanded(const ImageSite& site, const PossibleValues& values, FindingSink& sink) const {
        Pinning worst = Pinning::Digest;
        std::vector<const PossibleValue*> unpinned;
        for (const PossibleValue& value : values.values) {
            if (!value.text || trim(*value.text).empty()) continue;
            Pinning pinning = pinning_of(*value.text);
            if (pinning == Pinning::Digest) continue;
            unpinned.push_back(&value);
            if (pinning == Pinning::Latest || pinning == Pinning::Untagged || worst == Pinning::Digest) worst = pinning;
        }
        if (!unpinned.empty()) report(site, worst, unpinned, sink);
    }

    void report(const ImageSite& site, Pinning pinning, const std::vector<const PossibleValue*>& expansions,
                FindingSink& sink) const {
        if (pinning == Pinning::Digest) return;
        std::string image = "`" + collapse_whitespace(site.node.value) + "`";
        if (!expansions.empty()) {
            std::string list;
            for (const PossibleValue* value : expansions) list += (list.empty() ? "`" : "`, `") + *value->text;
            image += " (as " + list + "`)";
        }
        std::string message;
        Finding finding = finding_at(site.document, site.node, {});
        switch (pinning) {
            case Pinning::Untagged:
                message = image + " names no tag or digest, so the job runs whatever `latest` is at the time";
                break;
            case Pinning::Latest:
                message = image + " uses the `latest` tag, which changes whenever the publisher pushes";
                break;
            case Pinning::Tag:
                message = image + " is pinned to a tag, which the publisher can move to other content";
                finding.persona = Persona::Pedantic;
                break;
            case Pinning::TagFromExpression:
                message = image + " takes its tag from an expression, and a tag can be moved to other content";
                finding.persona = Persona::Pedantic;
                finding.confidence = Confidence::Medium;
                break;
            case Pinning::Unknown:
                message = image + " is only known at run time and may not be pinned to a digest";
                finding.persona = Persona::Auditor;
                finding.confidence = Confidence::Low;
                break;
            case Pinning::Digest: return;
        }
        finding.message = std::move(message) + "; pin it by `@sha256:` digest";
        for (const PossibleValue* value : expansions) {
            if (value->node) finding.related.push_back(site.document.location(*value->node, "this value"));
        }
        std::string example = expansions.empty() ? site.node.value : *expansions.front()->text;
        if (pinning != Pinning::Unknown && example.find("${{") == std::string::npos) {
            ImageReference reference = parse_image_reference(example);
            std::string tag = reference.has_tag ? reference.tag : "<tag>";
            std::string scheme = starts_with_icase(trim(example), "docker://") ? "docker://" : "";
            finding.help = scheme + reference.name + ":" + tag + "@sha256:<digest>  # find it with `docker buildx imagetools inspect " +
                           reference.name + ":" + tag + "`";
        }
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_unpinned_images_rule() { return std::make_unique<UnpinnedImagesRule>(); }

}  // namespace pysec
