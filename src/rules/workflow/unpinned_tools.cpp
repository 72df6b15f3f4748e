// unpinned-tools: an action that installs a tool at whatever version is
// newest when the job runs.

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/action_inputs.hpp"

namespace pysec {
namespace {

constexpr RuleInfo unpinned_tools_info{
    .id = "unpinned-tools",
    .title = "action installs a tool without a pinned version",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A step of a tool-installing action from the table below whose version input is unset "
            "(where the action then takes the newest release), `latest`, a range (`*`, `0.5.x`, "
            "`>=1`, `^1.2`), or an expression pysec cannot resolve. An exact version (`0.8.3`, "
            "`v0.57.1`, `==0.8.3`) is pinned. Reported at the input, or at the `uses:` value when the "
            "input is missing.\n\n"
            "The table (action: version input):\n"
            "- medium, security scanners and secret readers: `aquasecurity/setup-trivy`, "
            "`zizmorcore/zizmor-action`, `trufflesecurity/trufflehog`, `1password/load-secrets-action` "
            "(all `version`);\n"
            "- low, build and infrastructure tools: `PyO3/maturin-action` (`maturin-version`; it builds "
            "the wheels), `extractions/setup-just` (`just-version`), `extractions/setup-crate` "
            "(`version`), `google-github-actions/setup-gcloud` (`version`), `hashicorp/setup-terraform` "
            "(`terraform_version`);\n"
            "- informational, package managers: `astral-sh/setup-uv` (`version`), `snok/install-poetry` "
            "(`version`), `prefix-dev/setup-pixi` (`pixi-version`).\n\n"
            "`astral-sh/setup-uv` is pinned as well by a `version-file:` input, or, when `version` is "
            "unset, by an exact `required-version = \"==X.Y.Z\"` in the root `uv.toml` or "
            "`pyproject.toml` `[tool.uv]`, which it reads; `version: latest-known` installs the newest "
            "uv whose checksum the (pinned) action knows, and is not reported. An expression is "
            "resolved when it is a `matrix.*` value of a static matrix or an `env.*` value written "
            "in the workflow; otherwise it is reported with low confidence.\n\n"
            "Deliberately not in the table: interpreters and runtimes (`actions/setup-python`'s "
            "`python-version`, `setup-node`, `setup-go`), which GitHub builds and which projects "
            "test on a range on purpose; and actions that ship or verify their tool at the action's "
            "own commit (`pypa/cibuildwheel`, `taiki-e/install-action`, `github/codeql-action`, "
            "`sigstore/cosign-installer`), where pinning the action pins the tool.",
    .why = "Pinning an action to a commit does not pin what the action downloads. An unpinned tool "
           "changes under the workflow the moment its project publishes a release, so a compromised "
           "release runs in CI at once, with the job's token and secrets. Security tools are the "
           "sharpest case because they run with extra permissions and read the whole repository: "
           "in March 2026 attackers with stolen credentials published a malicious Trivy v0.69.4 "
           "that stole secrets from every pipeline installing the latest Trivy.",
    .fix = "Set the input to an exact version and let Dependabot or Renovate (a custom regex "
           "manager) propose updates, or use the tool's own pinning mechanism (`required-version` "
           "for uv).",
    .example = "Before:\n"
               "  - uses: aquasecurity/setup-trivy@ff1b8b060f23b650436d419b5e13f67f5d4c3087 # v0.2.2\n"
               "After:\n"
               "  - uses: aquasecurity/setup-trivy@ff1b8b060f23b650436d419b5e13f67f5d4c3087 # v0.2.2\n"
               "    with:\n"
               "      version: v0.57.1\n",
};

struct ToolAction {
    std::string_view slug;  // owner/repo, lower-case
    std::string_view input;
    std::string_view tool;
    Severity severity;
};

constexpr std::array tool_actions = {
    ToolAction{"aquasecurity/setup-trivy", "version", "Trivy", Severity::Medium},
    ToolAction{"zizmorcore/zizmor-action", "version", "zizmor", Severity::Medium},
    ToolAction{"trufflesecurity/trufflehog", "version", "TruffleHog", Severity::Medium},
    ToolAction{"1password/load-secrets-action", "version", "1Password CLI", Severity::Medium},
    ToolAction{"pyo3/maturin-action", "maturin-version", "maturin", Severity::Low},
    ToolAction{"extractions/setup-just", "just-version", "just", Severity::Low},
    ToolAction{"extractions/setup-crate", "version", "crate binary", Severity::Low},
    ToolAction{"google-github-actions/setup-gcloud", "version", "Google Cloud CLI", Severity::Low},
    ToolAction{"hashicorp/setup-terraform", "terraform_version", "Terraform", Severity::Low},
    ToolAction{"astral-sh/setup-uv", "version", "uv", Severity::Informational},
    ToolAction{"snok/install-poetry", "version", "Poetry", Severity::Informational},
    ToolAction{"prefix-dev/setup-pixi", "pixi-version", "pixi", Severity::Informational},
};

// How a version input reads.
struct VersionVerdict {
    bool pinned = true;
    bool certain = true;        // false when an expression hides the value
    std::string shown;          // the value, for the message
};

VersionVerdict judge_literal(std::string_view text, std::string_view slug) {
    VersionVerdict verdict;
    verdict.shown = std::string(trim(text));
    if (slug == "astral-sh/setup-uv" && to_lower(verdict.shown) == "latest-known") return verdict;
    verdict.pinned = is_exact_version(text);
    return verdict;
}

// The nearest `env:` definition of `name` (compared case-insensitively, as
// contexts are) for a step: step, job, workflow.
const Node* env_definition(const Workflow& workflow, const WorkflowJob& job, const WorkflowStep& step,
                           std::string_view name) {
    for (const Node* env : {step.env, job.env, workflow.env}) {
        if (!env || !env->is_mapping()) continue;
        for (auto it = env->entries.rbegin(); it != env->entries.rend(); ++it) {
            if (to_lower(it->key->value) == name) return it->value;
        }
    }
    return nullptr;
}

// Resolves `matrix.*` of a static matrix and `env.*` written in the workflow.
VersionVerdict judge(const Node& value, std::string_view slug, const Workflow* workflow, const WorkflowJob* job,
                     const WorkflowStep& step, int depth = 0) {
    if (auto constant = constant_input(&value)) return judge_literal(*constant, slug);
    VersionVerdict unknown{false, false, std::string(trim(value.value))};
    auto context = sole_context(value.value);
    if (!context || depth > 3 || !workflow || !job) return unknown;
    if (context->starts_with("matrix.")) {
        // Context names are case-insensitive; matrix keys are written in any case.
        std::string key = context->substr(7);
        for (const auto& [name, values] : job->matrix.values) {
            if (to_lower(name) != key) continue;
            if (!job->matrix.is_static(name)) return unknown;
            for (const Node* item : values) {
                if (!item->is_scalar()) return unknown;
                VersionVerdict verdict = judge_literal(item->value, slug);
                if (!verdict.pinned) return verdict;
            }
            return VersionVerdict{};
        }
        return unknown;
    }
    if (context->starts_with("env.")) {
        const Node* defined = env_definition(*workflow, *job, step, context->substr(4));
        if (!defined || !defined->is_scalar()) return unknown;
        return judge(*defined, slug, workflow, job, step, depth + 1);
    }
    return unknown;
}

// setup-uv reads `required-version` when `version` is unset.
bool uv_version_required_exactly(const Project& project) {
    auto exact = [](const Node* value) { return value && value->is_scalar() && is_exact_version(value->value); };
    if (const Document* uv_toml = project.document("uv.toml"); uv_toml && uv_toml->root()) {
        if (const Node* value = uv_toml->root()->get("required-version")) return exact(value);
    }
    if (const Document* pyproject = project.document("pyproject.toml"); pyproject && pyproject->root()) {
        const Node* tool = pyproject->root()->get("tool");
        const Node* uv = tool ? tool->get("uv") : nullptr;
        if (uv) return exact(uv->get("required-version"));
    }
    return false;
}

class UnpinnedToolsRule final : public Rule {
public:
    const RuleInfo& info() const override { return unpinned_tools_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        bool uv_pinned_by_project = uv_version_required_exactly(context.project);
        for (const Workflow& workflow : context.project.workflows()) {
            for (const WorkflowJob& job : workflow.jobs) {
                for (const WorkflowStep& step : job.steps) {
                    check_step(*workflow.document, &workflow, &job, step, uv_pinned_by_project, sink);
                }
            }
        }
        for (const ActionDefinition& action : context.project.actions()) {
            for (const WorkflowStep& step : action.steps) {
                check_step(*action.document, nullptr, nullptr, step, uv_pinned_by_project, sink);
            }
        }
    }

private:
    void check_step(const Document& document, const Workflow* workflow, const WorkflowJob* job,
                    const WorkflowStep& step, bool uv_pinned_by_project, FindingSink& sink) const {
        std::string slug = step.action_slug();
        auto entry = std::find_if(tool_actions.begin(), tool_actions.end(),
                                  [&](const ToolAction& action) { return action.slug == slug; });
        if (entry == tool_actions.end()) return;
        std::string input(entry->input);
        std::string action = "`" + step.uses_reference->slug() + "`";
        std::string tool(entry->tool);
        const Node* value = step.input_node(input);
        if (!value || (value->is_scalar() && trim(value->value).empty())) {
            if (slug == "astral-sh/setup-uv" && (step.input_node("version-file") || uv_pinned_by_project)) return;
            Finding finding = finding_at(document, *step.uses,
                                         action + " installs the newest " + tool + " on every run: `" + input +
                                             "` is not set");
            finding.severity = entry->severity;
            finding.help = (step.with ? "" : "with:\n  ") + input + ": <exact version>";
            sink.add(std::move(finding));
            return;
        }
        if (!value->is_scalar()) return;
        VersionVerdict verdict = judge(*value, slug, workflow, job, step);
        if (verdict.pinned) return;
        std::string message = verdict.certain
                                  ? action + " installs " + tool + " `" + verdict.shown +
                                        "`, which is not one exact version and follows new releases"
                                  : action + " installs " + tool + " at `" + verdict.shown +
                                        "`, an expression that may not name one exact version";
        Finding finding = finding_at(document, *value, std::move(message));
        finding.severity = entry->severity;
        if (!verdict.certain) finding.confidence = Confidence::Low;
        finding.help = input + ": <exact version>";
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_unpinned_tools_rule() { return std::make_unique<UnpinnedToolsRule>(); }

}  // namespace pysec
