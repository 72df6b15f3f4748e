#include "expr/context_trust.hpp"

#include <array>
#include <string>

namespace pysec::expr {
namespace {

struct Rule {
    std::string_view pattern;  // segments separated by `.`; `*` matches one segment, a final `**` the rest
    Trust trust;
    std::string_view why;
};

// First match wins, so specific entries come before general ones.
//
// Attacker-controlled: anyone who can open an issue or a pull request from a
// fork, comment, or push a branch to a fork chooses these strings.  Branch and
// tag names may hold `$(...)`, backticks, `;` and `|` (git allows them);
// titles, bodies and commit messages may hold anything.
//
// Safe: numbers, ids, SHAs, timestamps, booleans and enums (`action`,
// `state`), logins and repository names (GitHub restricts them to
// [A-Za-z0-9._-]), URLs built from those, secrets (masked, and chosen by the
// maintainers), and everything about the run itself.
//
// Unknown: values produced at run time (step and job outputs) or configured
// elsewhere (`vars.*`): pysec cannot see what they hold.
constexpr std::array rules = {
    // The event as a whole carries every attacker-controlled field.
    Rule{"github", Trust::Attacker, "the whole github context includes the event payload"},
    Rule{"github.event", Trust::Attacker, "the whole event payload includes free-text fields"},
    Rule{"github.head_ref", Trust::Attacker, "the pull request's branch name, chosen by its author"},
    Rule{"github.event.inputs.*", Trust::Input, "a workflow_dispatch input"},
    Rule{"inputs.*", Trust::Input, "an input"},
    Rule{"env.*", Trust::Env, "an environment variable"},
    Rule{"matrix", Trust::Matrix, "the matrix"},
    Rule{"matrix.**", Trust::Matrix, "a matrix value"},

    // Safe fields that general patterns below would catch.
    Rule{"github.event.pull_request.head.sha", Trust::Safe, "a commit SHA"},
    Rule{"github.event.pull_request.base.sha", Trust::Safe, "a commit SHA"},
    Rule{"github.event.pull_request.head.repo.full_name", Trust::Safe, "a repository name"},
    Rule{"github.event.pull_request.head.repo.name", Trust::Safe, "a repository name"},
    Rule{"github.event.workflow_run.head_sha", Trust::Safe, "a commit SHA"},
    Rule{"github.event.workflow_run.head_repository.full_name", Trust::Safe, "a repository name"},

    // Free text and names set by whoever caused the event.
    Rule{"github.event.pull_request.head.ref", Trust::Attacker, "the pull request's branch name"},
    Rule{"github.event.pull_request.head.label", Trust::Attacker, "the pull request's `owner:branch` label"},
    Rule{"github.event.pull_request.head.repo.default_branch", Trust::Attacker, "the fork's default branch name"},
    Rule{"github.event.pull_request.head.repo.**", Trust::Attacker, "the fork's repository metadata"},
    Rule{"github.event.pull_request.labels.*.name", Trust::Attacker, "a label name"},
    Rule{"github.event.issue.labels.*.name", Trust::Attacker, "a label name"},
    Rule{"github.event.label.name", Trust::Attacker, "a label name"},
    Rule{"github.event.pages.*.page_name", Trust::Attacker, "a wiki page name"},
    Rule{"github.event.commits.*.message", Trust::Attacker, "a commit message"},
    Rule{"github.event.commits.*.author.**", Trust::Attacker, "a commit author's name or email"},
    Rule{"github.event.commits.*.committer.**", Trust::Attacker, "a committer's name or email"},
    Rule{"github.event.head_commit.message", Trust::Attacker, "a commit message"},
    Rule{"github.event.head_commit.author.**", Trust::Attacker, "a commit author's name or email"},
    Rule{"github.event.head_commit.committer.**", Trust::Attacker, "a committer's name or email"},
    Rule{"github.event.workflow_run.head_branch", Trust::Attacker, "the triggering run's branch name"},
    Rule{"github.event.workflow_run.head_commit.**", Trust::Attacker, "the triggering run's commit message or author"},
    Rule{"github.event.workflow_run.display_title", Trust::Attacker, "the triggering run's title"},
    Rule{"github.event.workflow_run.pull_requests.*.head.ref", Trust::Attacker, "a pull request's branch name"},
    Rule{"github.event.workflow_run.head_repository.**", Trust::Attacker, "the fork's repository metadata"},
    Rule{"github.event.**.title", Trust::Attacker, "a title"},
    Rule{"github.event.**.body", Trust::Attacker, "a body"},
    Rule{"github.event.**.message", Trust::Attacker, "a message"},
    Rule{"github.event.**.email", Trust::Attacker, "an email address"},
    Rule{"github.event.**.description", Trust::Attacker, "a description"},
    Rule{"github.event.**.head_ref", Trust::Attacker, "a branch name"},
    Rule{"github.event.**.head_branch", Trust::Attacker, "a branch name"},

    // The rest of the payload: structured values.
    Rule{"github.event.**.number", Trust::Safe, "a number"},
    Rule{"github.event.**.id", Trust::Safe, "an id"},
    Rule{"github.event.**.node_id", Trust::Safe, "an id"},
    Rule{"github.event.**.sha", Trust::Safe, "a commit SHA"},
    Rule{"github.event.before", Trust::Safe, "a commit SHA"},
    Rule{"github.event.after", Trust::Safe, "a commit SHA"},
    Rule{"github.event.**.login", Trust::Safe, "a login"},
    Rule{"github.event.**.full_name", Trust::Safe, "a repository name"},
    Rule{"github.event.repository.name", Trust::Safe, "a repository name"},
    Rule{"github.event.repository.default_branch", Trust::Safe, "the base repository's default branch"},
    Rule{"github.event.**.url", Trust::Safe, "a URL"},
    Rule{"github.event.**.html_url", Trust::Safe, "a URL"},
    Rule{"github.event.action", Trust::Safe, "the event's activity type"},
    Rule{"github.event.**.state", Trust::Safe, "a state"},
    Rule{"github.event.**.draft", Trust::Safe, "a boolean"},
    Rule{"github.event.**.merged", Trust::Safe, "a boolean"},
    Rule{"github.event.**.created_at", Trust::Safe, "a timestamp"},
    Rule{"github.event.**.updated_at", Trust::Safe, "a timestamp"},
    Rule{"github.event.**.conclusion", Trust::Safe, "an enum"},
    Rule{"github.event.**.status", Trust::Safe, "an enum"},
    Rule{"github.event.**.event", Trust::Safe, "an event name"},
    Rule{"github.event.pull_request.base.ref", Trust::Safe, "the base repository's branch"},
    Rule{"github.event.**", Trust::Unknown, "a field of the event payload"},

    // The run itself.
    Rule{"github.ref", Trust::Unknown, "a branch or tag name (free text when it is a branch)"},
    Rule{"github.ref_name", Trust::Unknown, "a branch or tag name (free text when it is a branch)"},
    Rule{"github.base_ref", Trust::Safe, "the base repository's branch"},
    Rule{"github.*", Trust::Safe, "a property of the run"},
    Rule{"runner.*", Trust::Safe, "a property of the runner"},
    Rule{"job.**", Trust::Safe, "a property of the job"},
    Rule{"strategy.*", Trust::Safe, "a property of the strategy"},
    Rule{"secrets.*", Trust::Safe, "a secret"},
    Rule{"secrets", Trust::Safe, "the secrets"},
    Rule{"steps.*.outcome", Trust::Safe, "a step outcome"},
    Rule{"steps.*.conclusion", Trust::Safe, "a step conclusion"},
    Rule{"needs.*.result", Trust::Safe, "a job result"},
    Rule{"steps.*.outputs.**", Trust::Unknown, "a step output"},
    Rule{"needs.*.outputs.**", Trust::Unknown, "a job output"},
    Rule{"jobs.*.outputs.**", Trust::Unknown, "a job output"},
    Rule{"jobs.*.result", Trust::Safe, "a job result"},
    Rule{"vars.*", Trust::Unknown, "a configuration variable"},
};

bool matches(std::string_view pattern, std::string_view path) {
    while (true) {
        auto pattern_dot = pattern.find('.');
        std::string_view pattern_segment = pattern.substr(0, pattern_dot);
        if (pattern_segment == "**") {
            std::string_view rest = pattern_dot == std::string_view::npos ? std::string_view{} : pattern.substr(pattern_dot + 1);
            if (rest.empty()) return !path.empty();
            // `**` takes one or more segments.
            for (std::size_t i = 0; i < path.size(); ++i) {
                if (path[i] == '.' && matches(rest, path.substr(i + 1))) return true;
            }
            return false;
        }
        auto path_dot = path.find('.');
        std::string_view path_segment = path.substr(0, path_dot);
        if (path.empty()) return false;
        if (pattern_segment != "*" && pattern_segment != path_segment) return false;
        if (pattern_dot == std::string_view::npos || path_dot == std::string_view::npos) {
            return pattern_dot == std::string_view::npos && path_dot == std::string_view::npos;
        }
        pattern = pattern.substr(pattern_dot + 1);
        path = path.substr(path_dot + 1);
    }
}

}  // namespace

ContextTrust classify_context(std::string_view path) {
    for (const Rule& rule : rules) {
        if (matches(rule.pattern, path)) return ContextTrust{rule.trust, rule.why};
    }
    return ContextTrust{Trust::Unknown, "a context pysec does not know"};
}

}  // namespace pysec::expr
