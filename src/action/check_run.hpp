#pragma once
// Reporting through the Check Runs API: one check run named "pysec" on the
// scanned commit, annotations in batches of 50 (PATCH appends), then
// `completed` with a conclusion that follows fail-on.

#include <cstddef>
#include <string>

#include "net/github_api.hpp"
#include "scan/exit_status.hpp"
#include "scan/scan_result.hpp"

namespace pysec {

struct CheckRunRequest {
    std::string repository;  // owner/name
    std::string head_sha;
    FailOn fail_on;
    std::size_t max_annotations = 1000;
    std::string details_url;  // the workflow run, when known
};

struct CheckRunOutcome {
    enum class Status { Posted, NoPermission, Failed };
    Status status = Status::Failed;
    std::string reason;  // for the log and the job summary; never holds the token
    std::size_t annotations = 0;
    long long check_run_id = 0;
};

CheckRunOutcome publish_check_run(const net::GitHubApi& api, const CheckRunRequest& request, const ScanResult& result);

}  // namespace pysec
