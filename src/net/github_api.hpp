#pragma once
// The GitHub REST API over HttpClient: base URL from GITHUB_API_URL (so GitHub
// Enterprise Server works), the headers GitHub asks for, JSON in and out.

#include <string>

#include <nlohmann/json.hpp>

#include "net/http_client.hpp"

namespace pysec::net {

struct ApiResponse {
    long status = 0;
    nlohmann::json body;  // null when the body is not JSON
    std::string message;  // GitHub's `message` for errors
    bool ok() const { return status >= 200 && status < 300; }
};

class GitHubApi {
public:
    GitHubApi(std::string base_url, std::string token, HttpClient client = HttpClient());

    ApiResponse request(const std::string& method, const std::string& path, const nlohmann::json& body = nullptr) const;
    const HttpClient& http() const { return client_; }
    HttpClient& http() { return client_; }

private:
    std::string base_url_;
    std::string token_;  // only ever placed in the Authorization header
    HttpClient client_;
};

}  // namespace pysec::net
