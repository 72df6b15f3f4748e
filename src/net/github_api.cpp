#include "net/github_api.hpp"

namespace pysec::net {

GitHubApi::GitHubApi(std::string base_url, std::string token, HttpClient client)
    : base_url_(std::move(base_url)), token_(std::move(token)), client_(std::move(client)) {
    while (!base_url_.empty() && base_url_.back() == '/') base_url_.pop_back();
}

ApiResponse GitHubApi::request(const std::string& method, const std::string& path, const nlohmann::json& body) const {
    HttpRequest request;
    request.method = method;
    request.url = base_url_ + path;
    request.headers = {{"Accept", "application/vnd.github+json"},
                       {"X-GitHub-Api-Version", "2022-11-28"},
                       {"User-Agent", std::string("pysec/") + PYSEC_VERSION}};
    if (!token_.empty()) request.headers.emplace_back("Authorization", "Bearer " + token_);
    if (!body.is_null()) {
        request.headers.emplace_back("Content-Type", "application/json");
        request.body = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    HttpResponse response = client_.send(request);
    ApiResponse result;
    result.status = response.status;
    result.body = nlohmann::json::parse(response.body, nullptr, false);
    if (result.body.is_discarded()) result.body = nullptr;
    if (result.body.is_object() && result.body.contains("message") && result.body["message"].is_string()) {
        result.message = result.body["message"].get<std::string>();
    }
    return result;
}

}  // namespace pysec::net
