#pragma once
// One HTTP client on libcurl for every online feature: TLS always verified,
// connect and total timeouts, retries with exponential backoff on network
// errors and 5xx, rate limits honoured (Retry-After, x-ratelimit-reset) within
// a bounded total wait.  Header values are never logged or put in errors, so
// an Authorization header cannot leak.

#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace pysec::net {

struct HttpRequest {
    std::string method = "GET";
    std::string url;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
};

struct HttpResponse {
    long status = 0;
    std::map<std::string, std::string> headers;  // names lower-case
    std::string body;

    std::string header(const std::string& name) const;
};

// Transport failure after every retry (DNS, refused connection, TLS, timeout).
class HttpError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct RetryPolicy {
    int attempts = 4;                                    // first try included
    std::chrono::milliseconds initial_backoff{500};      // doubles each retry
    std::chrono::seconds max_total_wait{120};            // across all waits of one request
    std::chrono::seconds connect_timeout{10};
    std::chrono::seconds total_timeout{30};
};

class HttpClient {
public:
    using Sleeper = std::function<void(std::chrono::milliseconds)>;

    explicit HttpClient(RetryPolicy policy = {});
    // Tests replace the sleeper to observe waits.
    void set_sleeper(Sleeper sleeper) { sleep_ = std::move(sleeper); }

    // Returns the final response (which may be 4xx/5xx); throws HttpError
    // only when no response could be had.
    HttpResponse send(const HttpRequest& request) const;

private:
    HttpResponse send_once(const HttpRequest& request) const;
    // How long to wait before retrying `response`, or nullopt for "do not retry".
    std::optional<std::chrono::milliseconds> retry_delay(const HttpResponse& response, int attempt) const;

    RetryPolicy policy_;
    Sleeper sleep_;
};

}  // namespace pysec::net
