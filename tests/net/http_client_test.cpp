// The HTTP client against a local server: retries, rate limits, TLS.

#include <chrono>
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "net/github_api.hpp"
#include "support/test_support.hpp"

using namespace pysec;
using namespace std::chrono_literals;

TEST_CASE("http: 5xx and network errors are retried with backoff, then given up", "[net]") {
    test::FakeGitHub api(R"({"responses": [{"method": "GET", "path": "^/flaky$", "times": 10, "status": 503}]})");
    net::HttpClient client(net::RetryPolicy{3, 10ms, 60s, 5s, 10s});
    std::vector<std::chrono::milliseconds> waits;
    client.set_sleeper([&](std::chrono::milliseconds wait) { waits.push_back(wait); });
    net::HttpResponse response = client.send(net::HttpRequest{"GET", api.url() + "/flaky", {}, ""});
    CHECK(response.status == 503);  // the last answer, after three tries
    CHECK(waits == std::vector<std::chrono::milliseconds>{10ms, 20ms});
    CHECK(nlohmann::json::parse(api.records_json()).size() == 3);

    waits.clear();
    CHECK_THROWS_AS(client.send(net::HttpRequest{"GET", "http://127.0.0.1:9/closed", {}, ""}), net::HttpError);
    CHECK(waits.size() == 2);
}

TEST_CASE("http: the total wait is bounded", "[net]") {
    test::FakeGitHub api(R"({"responses": [{"method": "GET", "path": "^/limited$", "times": 5, "status": 429,
                          "headers": {"retry-after": "3600"}}]})");
    net::HttpClient client(net::RetryPolicy{4, 10ms, 60s, 5s, 10s});
    std::vector<std::chrono::milliseconds> waits;
    client.set_sleeper([&](std::chrono::milliseconds wait) { waits.push_back(wait); });
    CHECK(client.send(net::HttpRequest{"GET", api.url() + "/limited", {}, ""}).status == 429);
    CHECK(waits.empty());  // an hour is more than the 60 s budget: give up at once
}

TEST_CASE("http: TLS certificates are verified", "[net]") {
    test::TempDir directory;
    std::string cert = directory.path() + "/cert.pem";
    std::string key = directory.path() + "/key.pem";
    auto made = test::run_process({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                                   "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"});
    REQUIRE(made.exit_code == 0);
    test::FakeGitHub server("{}", "", cert, key);
    net::HttpClient client(net::RetryPolicy{1, 10ms, 1s, 5s, 10s});
    try {
        client.send(net::HttpRequest{"GET", server.url() + "/", {}, ""});
        FAIL("a self-signed certificate was accepted");
    } catch (const net::HttpError& error) {
        CHECK_THAT(std::string(error.what()), Catch::Contains("SSL") || Catch::Contains("certificate"));
    }
}

TEST_CASE("github api: headers, JSON, and no token in errors", "[net]") {
    const std::string token = "ghp_secretTokenForTheTest000000000000000000";
    test::FakeGitHub server(R"({"responses": [{"method": "GET", "path": "^/repos/o/r$", "status": 200, "body": {"full_name": "o/r"}}]})",
                            token);
    net::GitHubApi api(server.url() + "/", token, net::HttpClient(net::RetryPolicy{1, 10ms, 1s, 5s, 10s}));
    net::ApiResponse response = api.request("GET", "/repos/o/r");
    CHECK(response.ok());
    CHECK(response.body["full_name"] == "o/r");
    auto records = nlohmann::json::parse(server.records_json());
    CHECK(records[0]["authorization"] == "ok");
    CHECK(server.records_json().find(token) == std::string::npos);
    net::GitHubApi closed("http://127.0.0.1:9", token, net::HttpClient(net::RetryPolicy{1, 10ms, 1s, 5s, 10s}));
    try {
        closed.request("GET", "/repos/o/r?access_token=" + token);
        FAIL("no error");
    } catch (const net::HttpError& error) {
        CHECK(std::string(error.what()).find(token) == std::string::npos);
    }
}
