#include "action/check_run.hpp"

#include "report/check_run_output.hpp"

namespace pysec {
namespace {

nlohmann::json batch(const std::vector<const Finding*>& findings, std::size_t begin) {
    nlohmann::json annotations = nlohmann::json::array();
    for (std::size_t i = begin; i < findings.size() && i < begin + check_run_batch_size; ++i) {
        annotations.push_back(check_run_annotation(*findings[i]));
    }
    return annotations;
}

CheckRunOutcome failed(const net::ApiResponse& response, const std::string& what) {
    CheckRunOutcome outcome;
    // A read-only token (fork pull requests, `permissions` without checks: write).
    bool forbidden = response.status == 403 || (response.status == 404 && what == "create");
    outcome.status = forbidden ? CheckRunOutcome::Status::NoPermission : CheckRunOutcome::Status::Failed;
    outcome.reason = "cannot " + what + " the check run: HTTP " + std::to_string(response.status) +
                     (response.message.empty() ? "" : " (" + response.message + ")");
    return outcome;
}

}  // namespace

CheckRunOutcome publish_check_run(const net::GitHubApi& api, const CheckRunRequest& request, const ScanResult& result) {
    std::vector<const Finding*> findings = annotated_findings(result, request.max_annotations);
    std::string title = check_run_title(result);
    std::string summary = check_run_summary(result, request.fail_on, findings.size());
    std::string path = "/repos/" + request.repository + "/check-runs";
    try {
        nlohmann::json create = {{"name", "pysec"},
                                 {"head_sha", request.head_sha},
                                 {"status", "in_progress"},
                                 {"output", {{"title", title}, {"summary", summary}, {"annotations", batch(findings, 0)}}}};
        if (!request.details_url.empty()) create["details_url"] = request.details_url;
        net::ApiResponse created = api.request("POST", path, create);
        if (!created.ok()) return failed(created, "create");
        if (!created.body.is_object() || !created.body.contains("id") || !created.body["id"].is_number_integer()) {
            return CheckRunOutcome{CheckRunOutcome::Status::Failed, "the API answered without a check run id", 0, 0};
        }
        CheckRunOutcome outcome;
        outcome.check_run_id = created.body["id"].get<long long>();
        outcome.annotations = std::min(findings.size(), check_run_batch_size);
        std::string run_path = path + "/" + std::to_string(outcome.check_run_id);
        // Later batches; the last one also completes the run.
        std::size_t next = check_run_batch_size;
        do {
            nlohmann::json update = {{"output", {{"title", title}, {"summary", summary}, {"annotations", batch(findings, next)}}}};
            bool last = next + check_run_batch_size >= findings.size();
            if (last) {
                update["status"] = "completed";
                update["conclusion"] = check_run_conclusion(result, request.fail_on);
            }
            net::ApiResponse updated = api.request("PATCH", run_path, update);
            if (!updated.ok()) {
                CheckRunOutcome failure = failed(updated, "update");
                failure.check_run_id = outcome.check_run_id;
                failure.annotations = outcome.annotations;
                return failure;
            }
            outcome.annotations += update["output"]["annotations"].size();
            next += check_run_batch_size;
        } while (next < findings.size());
        outcome.status = CheckRunOutcome::Status::Posted;
        return outcome;
    } catch (const net::HttpError& error) {
        return CheckRunOutcome{CheckRunOutcome::Status::Failed, error.what(), 0, 0};
    }
}

}  // namespace pysec
