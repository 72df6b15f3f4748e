// excessive-permissions: jobs that run with the default token permissions,
// `write-all`/`read-all`, and write grants at the workflow level.

#include <map>

#include "rules/all_rules.hpp"

namespace pysec {
namespace {

constexpr RuleInfo excessive_permissions_info{
    .id = "excessive-permissions",
    .title = "token permissions broader than the jobs need",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "Three shapes, one finding each, on the exact key:\n\n"
            "- A job without `permissions:` in a workflow without `permissions:` (medium severity, medium "
            "confidence: the job gets the repository's default token permissions, which pysec cannot see). "
            "Reported on the job's key, including jobs that call a reusable workflow. Skipped for workflows "
            "that only run on `workflow_call`: their jobs get the caller's permissions, never the default, "
            "so the caller is where they are decided (their explicit grants below are judged as usual).\n"
            "- `permissions: write-all` (high) or `permissions: read-all` (medium), at workflow or job level; "
            "at the workflow level only pedantic when every job sets its own `permissions:` (it reaches none).\n"
            "- A `<scope>: write` grant at the workflow level, which every job inherits, including the ones "
            "that do not need it. Severity by scope: `actions`, `attestations`, `contents`, `deployments`, "
            "`id-token`, `issues`, `packages`, `pages`, `pull-requests` are high; `checks`, `discussions`, "
            "`repository-projects`, `security-events` and unknown scopes are medium; `statuses` is low. When "
            "the grant reaches no job but one (a single-job workflow) or no job at all (every job sets its "
            "own `permissions:`), it is only pedantic.\n\n"
            "Job-level maps are not judged: pysec cannot know what a job needs.",
    .why = "The `GITHUB_TOKEN` is handed to every step of a job, including third-party actions and the "
           "build tools of your dependencies. Whatever a compromised step can do with it, it will: push "
           "commits and tags, rewrite releases, publish packages, approve pull requests, or mint OIDC "
           "tokens for your cloud and PyPI accounts. Repositories created before February 2023 (and many "
           "organisations) still default to a read/write token. In the tj-actions/changed-files compromise "
           "(March 2025) and the Ultralytics release compromise (December 2024) the damage was bounded by "
           "what the workflow's token and secrets allowed.",
    .fix = "Set `permissions: {}` (or `contents: read`) at the top of every workflow and grant each job "
           "only the scopes it needs, at the job level.",
    .example = "Before:\n"
               "  on: push\n"
               "  permissions:\n"
               "    contents: write\n"
               "  jobs:\n"
               "    test: ...\n"
               "    release: ...\n"
               "After:\n"
               "  on: push\n"
               "  permissions: {}\n"
               "  jobs:\n"
               "    test:\n"
               "      permissions:\n"
               "        contents: read\n"
               "    release:\n"
               "      permissions:\n"
               "        contents: write  # to create the release\n",
};

Severity write_severity(std::string_view scope) {
    static const std::map<std::string, Severity, std::less<>> severities = {
        {"actions", Severity::High},
        {"attestations", Severity::High},
        {"checks", Severity::Medium},
        {"contents", Severity::High},
        {"deployments", Severity::High},
        {"discussions", Severity::Medium},
        {"id-token", Severity::High},
        {"issues", Severity::High},
        {"packages", Severity::High},
        {"pages", Severity::High},
        {"pull-requests", Severity::High},
        {"repository-projects", Severity::Medium},
        {"security-events", Severity::Medium},
        {"statuses", Severity::Low},
    };
    auto it = severities.find(scope);
    return it == severities.end() ? Severity::Medium : it->second;
}

class ExcessivePermissionsRule final : public Rule {
public:
    const RuleInfo& info() const override { return excessive_permissions_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            const Document& document = *workflow.document;
            check_blanket(document, workflow.permissions, "the workflow", sink,
                          inheriting_jobs(workflow) == 0 ? Persona::Pedantic : Persona::Regular);
            check_workflow_grants(workflow, sink);
            for (const WorkflowJob& job : workflow.jobs) {
                check_blanket(document, job.permissions, "job `" + job.id + "`", sink);
                if (!job.permissions.present() && !workflow.permissions.present() && !workflow.is_reusable_only()) {
                    Finding finding = finding_at(
                        document, *job.key,
                        "job `" + job.id + "` sets no `permissions:` and neither does the workflow, so its token "
                        "gets the repository's default permissions, which may include write access to everything");
                    finding.severity = Severity::Medium;
                    finding.confidence = Confidence::Medium;
                    finding.help = "add `permissions: {}` at the top of the workflow and grant this job only what it "
                                   "needs, e.g. `permissions: {contents: read}`";
                    sink.add(std::move(finding));
                }
            }
        }
    }

private:
    static std::size_t inheriting_jobs(const Workflow& workflow) {
        std::size_t count = 0;
        for (const WorkflowJob& job : workflow.jobs) {
            if (!job.permissions.present()) ++count;
        }
        return count;
    }

    void check_blanket(const Document& document, const Permissions& permissions, const std::string& owner,
                       FindingSink& sink, Persona persona = Persona::Regular) const {
        if (permissions.kind != Permissions::Kind::WriteAll && permissions.kind != Permissions::Kind::ReadAll) return;
        bool write = permissions.kind == Permissions::Kind::WriteAll;
        std::string value = write ? "write-all" : "read-all";
        Finding finding = finding_at(document, *permissions.node,
                                     "`permissions: " + value + "` gives " + owner + "'s token " +
                                         (write ? "write access to every scope" : "read access to every scope") +
                                         "; list only the scopes it needs");
        finding.severity = write ? Severity::High : Severity::Medium;
        finding.persona = persona;
        finding.help = "permissions:\n  contents: read  # and only the other scopes this needs";
        sink.add(std::move(finding));
    }

    void check_workflow_grants(const Workflow& workflow, FindingSink& sink) const {
        const Permissions& permissions = workflow.permissions;
        if (permissions.kind != Permissions::Kind::Map) return;
        // A grant that reaches one job at most is as narrow as a job-level one, for now.
        Persona persona =
            inheriting_jobs(workflow) == 0 || workflow.jobs.size() == 1 ? Persona::Pedantic : Persona::Regular;
        for (const auto& [scope, grant] : permissions.scopes) {
            if (grant.access != "write") continue;
            Finding finding = finding_at(*workflow.document, *grant.key,
                                         "`" + scope + ": write` at the workflow level gives every job of the workflow "
                                         "a token that can write " + scope + ", whether it needs to or not");
            finding.severity = write_severity(scope);
            finding.persona = persona;
            finding.help = "move `" + scope + ": write` into the `permissions:` of the jobs that need it";
            sink.add(std::move(finding));
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_excessive_permissions_rule() { return std::make_unique<ExcessivePermissionsRule>(); }

}  // namespace pysec
