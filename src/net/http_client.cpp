#include "net/http_client.hpp"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <curl/curl.h>

namespace pysec::net {
namespace {

struct CurlDeleter {
    void operator()(CURL* handle) const { curl_easy_cleanup(handle); }
};
struct HeaderListDeleter {
    void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

void ensure_curl_initialised() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t write_body(char* data, std::size_t size, std::size_t count, void* target) {
    static_cast<std::string*>(target)->append(data, size * count);
    return size * count;
}

std::size_t write_header(char* data, std::size_t size, std::size_t count, void* target) {
    std::string_view line(data, size * count);
    auto colon = line.find(':');
    if (colon != std::string_view::npos) {
        std::string name(line.substr(0, colon));
        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        std::string_view value = line.substr(colon + 1);
        while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
        while (!value.empty() && (value.back() == '\r' || value.back() == '\n' || value.back() == ' ')) {
            value.remove_suffix(1);
        }
        (*static_cast<std::map<std::string, std::string>*>(target))[name] = std::string(value);
    }
    return size * count;
}

// The URL without its query, for messages (a query may hold a token).
std::string safe_url(const std::string& url) { return url.substr(0, url.find('?')); }

std::optional<long long> parse_integer(const std::string& text) {
    if (text.empty() || !std::all_of(text.begin(), text.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        return std::nullopt;
    }
    try {
        return std::stoll(text);
    } catch (...) {
        return std::nullopt;
    }
}

}  // namespace

std::string HttpResponse::header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
}

HttpClient::HttpClient(RetryPolicy policy)
    : policy_(policy), sleep_([](std::chrono::milliseconds wait) { std::this_thread::sleep_for(wait); }) {
    ensure_curl_initialised();
}

HttpResponse HttpClient::send_once(const HttpRequest& request) const {
    std::unique_ptr<CURL, CurlDeleter> curl(curl_easy_init());
    if (!curl) throw HttpError("cannot initialise libcurl");
    HttpResponse response;
    std::unique_ptr<curl_slist, HeaderListDeleter> headers;
    for (const auto& [name, value] : request.headers) {
        std::string line = name + ": " + value;
        headers.reset(curl_slist_append(headers.release(), line.c_str()));
    }
    CURL* handle = curl.get();
    curl_easy_setopt(handle, CURLOPT_URL, request.url.c_str());
    curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "https,http");
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 1L);
    curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 2L);
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_FOLLOWLOCATION, 0L);
    curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT, static_cast<long>(policy_.connect_timeout.count()));
    curl_easy_setopt(handle, CURLOPT_TIMEOUT, static_cast<long>(policy_.total_timeout.count()));
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(handle, CURLOPT_CUSTOMREQUEST, request.method.c_str());
    if (!request.body.empty() || request.method == "POST" || request.method == "PATCH" || request.method == "PUT") {
        curl_easy_setopt(handle, CURLOPT_POSTFIELDS, request.body.c_str());
        curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
    }
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, write_body);
    curl_easy_setopt(handle, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, write_header);
    curl_easy_setopt(handle, CURLOPT_HEADERDATA, &response.headers);
    CURLcode result = curl_easy_perform(handle);
    if (result != CURLE_OK) {
        throw HttpError(request.method + " " + safe_url(request.url) + ": " + curl_easy_strerror(result));
    }
    curl_easy_getinfo(handle, CURLINFO_RESPONSE_CODE, &response.status);
    return response;
}

std::optional<std::chrono::milliseconds> HttpClient::retry_delay(const HttpResponse& response, int attempt) const {
    using std::chrono::milliseconds;
    using std::chrono::seconds;
    bool rate_limited = response.status == 429 ||
                        (response.status == 403 && (response.header("x-ratelimit-remaining") == "0" ||
                                                    !response.header("retry-after").empty()));
    if (rate_limited) {
        if (auto after = parse_integer(response.header("retry-after"))) return seconds(*after);
        if (auto reset = parse_integer(response.header("x-ratelimit-reset"))) {
            long long wait = *reset - static_cast<long long>(std::time(nullptr));
            return seconds(std::max(1LL, wait));
        }
        return milliseconds(policy_.initial_backoff * (1 << attempt));
    }
    if (response.status >= 500 && response.status <= 599) return milliseconds(policy_.initial_backoff * (1 << attempt));
    return std::nullopt;
}

HttpResponse HttpClient::send(const HttpRequest& request) const {
    std::chrono::milliseconds waited{0};
    for (int attempt = 0;; ++attempt) {
        bool last = attempt + 1 >= policy_.attempts;
        std::optional<std::chrono::milliseconds> delay;
        try {
            HttpResponse response = send_once(request);
            delay = retry_delay(response, attempt);
            if (!delay || last || waited + *delay > policy_.max_total_wait) return response;
        } catch (const HttpError&) {
            delay = policy_.initial_backoff * (1 << attempt);
            if (last || waited + *delay > policy_.max_total_wait) throw;
        }
        sleep_(*delay);
        waited += *delay;
    }
}

}  // namespace pysec::net
