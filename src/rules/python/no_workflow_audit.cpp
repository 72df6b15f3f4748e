// no-workflow-audit: the repository has workflows and nothing audits them.

#include <algorithm>

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/python/security_scanners.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo no_workflow_audit_info{
    .id = "no-workflow-audit",
    .title = "nothing audits the GitHub Actions workflows",
    .severity = Severity::Informational,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "python",
    .what = "The repository has workflows under `.github/workflows/` and none of these audits them:\n"
            "- a pre-commit hook from `zizmorcore/zizmor-pre-commit` (or its old home "
            "`woodruffw/zizmor-pre-commit`), or any hook with id `zizmor` or `pysec`;\n"
            "- a `uses:` (step or reusable-workflow job) of `zizmorcore/zizmor-action` or any action or "
            "reusable workflow whose path mentions zizmor, or of a repository named `pysec-action`, or a local "
            "action (`./path`, `$/path`) of this repository whose `name:` mentions zizmor or pysec;\n"
            "- a `run:` of `zizmor` or `pysec` (also through `uvx`, `pipx run`, `uv run`, `python -m`), in a "
            "workflow or a composite action.\n"
            "Only judged when the whole repository is scanned (not for files named on the command line). One "
            "finding, at the first line of the first workflow file in path order.",
    .why = "Workflows are code that runs with the repository's secrets and write token, and most of their "
           "dangerous patterns (template injection, `pull_request_target` checkouts, unpinned actions) look "
           "harmless in review. An auditor in CI or pre-commit catches them when they are introduced rather "
           "than after an incident; Scientific Python's repo-review recommends it as SEC001.",
    .fix = "Run zizmor (or pysec) on every change to the workflows: the `zizmorcore/zizmor-action` action in a "
           "workflow, or the `zizmorcore/zizmor-pre-commit` hook.",
    .example = "Before: no audit of .github/workflows/.\n"
               "After (.pre-commit-config.yaml):\n"
               "  - repo: https://github.com/zizmorcore/zizmor-pre-commit\n"
               "    rev: <full commit SHA>  # frozen: v1.5.2\n"
               "    hooks:\n"
               "      - id: zizmor\n",
};

bool mentions_auditor(std::string_view text) {
    std::string lower = to_lower(text);
    return lower.find("zizmor") != std::string::npos || lower.find("pysec") != std::string::npos;
}

bool precommit_audits(const Document& document) {
    const Node* root = document.root();
    const Node* repos = root && root->is_mapping() ? root->get("repos") : nullptr;
    if (!repos || !repos->is_sequence()) return false;
    for (const Node* repo : repos->items) {
        if (!repo->is_mapping()) continue;
        if (auto url = repo->text("repo"); url && to_lower(*url).find("zizmor-pre-commit") != std::string::npos) {
            return true;
        }
        const Node* hooks = repo->get("hooks");
        if (!hooks || !hooks->is_sequence()) continue;
        for (const Node* hook : hooks->items) {
            if (!hook->is_mapping()) continue;
            auto id = hook->text("id");
            if (id && (*id == "zizmor" || *id == "pysec")) return true;
        }
    }
    return false;
}

// A local action (`uses: ./` or `$/path`) defined in this repository whose
// name says it is zizmor or pysec: how pysec's own repository audits itself.
bool local_action_audits(const Project& project, std::string_view uses) {
    std::string directory(uses.substr(2));
    while (!directory.empty() && directory.back() == '/') directory.pop_back();
    std::string prefix = directory.empty() ? "" : directory + "/";
    for (const ActionDefinition& action : project.actions()) {
        const std::string& path = action.document->path();
        if (path != prefix + "action.yml" && path != prefix + "action.yaml") continue;
        auto name = action.name ? action.name->text() : std::nullopt;
        if (name && mentions_auditor(*name)) return true;
    }
    return false;
}

bool uses_audits(const Project& project, const UsesSite& site) {
    const UsesReference& reference = site.reference;
    if (reference.kind == UsesReference::Kind::Local) return local_action_audits(project, site.node.value);
    if (reference.kind != UsesReference::Kind::Repository) return false;
    return is_workflow_auditor(scanner_action(reference)) || mentions_auditor(reference.action_path());
}

bool project_audits_workflows(const Project& project) {
    for (const ProjectFile& file : project.files()) {
        if (file.kind == FileKind::PreCommit && file.document && precommit_audits(*file.document)) return true;
    }
    bool audited = false;
    for_each_uses(project, [&](const UsesSite& site) { audited = audited || uses_audits(project, site); });
    if (audited) return true;
    for_each_step(project, [&](const StepSite& site) {
        for (const shell::Command& command : site.step.commands) {
            if (is_workflow_auditor(scanner_command(shell::invocation_of(command)))) audited = true;
        }
    });
    return audited;
}

class NoWorkflowAuditRule final : public Rule {
public:
    const RuleInfo& info() const override { return no_workflow_audit_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        const Project& project = context.project;
        if (!project.is_whole_repository() || project.workflows().empty()) return;
        if (project_audits_workflows(project)) return;
        const Workflow* first = &project.workflows().front();
        for (const Workflow& workflow : project.workflows()) {
            if (workflow.document->path() < first->document->path()) first = &workflow;
        }
        const Document& document = *first->document;
        std::string_view line = document.lines().line(1);
        std::size_t length = std::min(line.size(), document.text().size());
        Finding finding = finding_at(Location{document.path(), document.span(0, length), {}},
                                     "nothing audits this repository's " + std::to_string(project.workflows().size()) +
                                         " workflow" + (project.workflows().size() == 1 ? "" : "s") +
                                         ": no zizmor or pysec in CI or pre-commit");
        finding.help = "add the zizmorcore/zizmor-pre-commit hook or a job with zizmorcore/zizmor-action";
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_no_workflow_audit_rule() { return std::make_unique<NoWorkflowAuditRule>(); }

}  // namespace pysec
