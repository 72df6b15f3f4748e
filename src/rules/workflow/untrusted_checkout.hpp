#pragma once
// An `actions/checkout` step that checks out the head of a pull request (or of
// the run behind a `workflow_run`): code that whoever opened the pull request
// chose.  Under `pull_request_target` and `workflow_run` that code then runs
// with the base repository's secrets and write token.

#include <optional>
#include <string>
#include <string_view>

#include "model/workflow.hpp"

namespace pysec {

struct UntrustedCheckout {
    const WorkflowStep* step = nullptr;
    const Node* evidence = nullptr;  // the `ref:` or `repository:` value that names the head
    std::string directory;           // the `path:` input, normalised; "" for the workspace itself
};

// True when a `ref:`/`repository:` value names the pull request's head:
// `github.event.pull_request.head.*`, `github.head_ref`,
// `github.event.pull_request.merge_commit_sha`, `github.event.workflow_run.head_*`
// reaching the value of an expression, or a `refs/pull/...` ref.
bool names_untrusted_head(std::string_view value);

std::optional<UntrustedCheckout> untrusted_checkout(const WorkflowStep& step);

// `./a/b/`, `${{ github.workspace }}/a/b`, `$GITHUB_WORKSPACE/a/b` -> `a/b`; `.` -> "".
std::string normalize_workspace_path(std::string_view path);

}  // namespace pysec
