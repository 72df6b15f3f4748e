#pragma once
// `pysec action`: the GitHub Action's entry point.  Turns INPUT_* and GITHUB_*
// into the same options the CLI takes, runs the same scan, and reports through
// the runner's channels: workflow commands, the job summary, step outputs and
// an optional SARIF file.

namespace pysec {

int run_action();

}  // namespace pysec
