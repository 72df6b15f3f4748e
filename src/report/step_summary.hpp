#pragma once
// The Markdown job summary the Action appends to GITHUB_STEP_SUMMARY.

#include <cstddef>
#include <optional>
#include <string>

#include "scan/exit_status.hpp"
#include "scan/scan_result.hpp"

namespace pysec {

struct StepSummaryContext {
    // "$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/<sha>"; empty for no links.
    std::string blob_url;
    FailOn fail_on;
    std::string reproduce_command;    // `pysec scan ...` with the same options
    std::string annotations_note;     // how findings were annotated, or why not as a check run
    // GitHub drops a summary over 1 MiB; stay well below.
    std::size_t max_bytes = 1000 * 1024;
};

std::string render_step_summary(const ScanResult& result, const StepSummaryContext& context);

}  // namespace pysec
