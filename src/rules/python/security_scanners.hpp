#pragma once
// Security scanners in workflows, by command (`pip-audit`, `uvx zizmor`,
// `uv audit`, ...) and by action (`pypa/gh-action-pip-audit`,
// `zizmorcore/zizmor-action`, ...), and which of them audit the workflows
// themselves (zizmor and pysec).

#include <string>

#include "model/workflow.hpp"
#include "shell/invocation.hpp"

namespace pysec {

// The scanner a command runs ("pip-audit", "uv audit", "zizmor", ...), or "".
std::string scanner_command(const shell::Invocation& invocation);

// The scanner an action step (or a reusable-workflow `uses:`) is, or "".
std::string scanner_action(const UsesReference& reference);

// zizmor and pysec audit GitHub Actions workflows.
bool is_workflow_auditor(std::string_view scanner);

// The scanner's own switch for "never fail" (`zizmor --no-exit-codes`,
// `bandit --exit-zero`, `safety --continue-on-error`), or null.
const shell::Word* scanner_exit_zero_option(const shell::Invocation& invocation);

// The command writes SARIF (`--format sarif`, `-f sarif`, `--sarif-file x`, `--output-format sarif`).
bool writes_sarif(const shell::Invocation& invocation);

}  // namespace pysec
