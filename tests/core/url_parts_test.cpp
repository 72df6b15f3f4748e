#include <catch2/catch.hpp>

#include "core/url_parts.hpp"

using namespace pysec;

TEST_CASE("URL parts: scheme, user-info and host", "[rules][uv][url]") {
    std::string text = "https://ci:s3cr3t@Pkgs.Example.com:8443/simple";
    auto url = parse_url(text);
    REQUIRE(url);
    CHECK(url->scheme == "https");
    CHECK(url->host == "pkgs.example.com");
    CHECK(text.substr(url->userinfo_begin, url->userinfo_end - url->userinfo_begin) == "ci:s3cr3t");
    CHECK(has_credentials(text, *url));
    CHECK(redact_credentials(text, *url) == "https://****@Pkgs.Example.com:8443/simple");

    auto ipv6 = parse_url("http://[::1]:8080/simple");
    REQUIRE(ipv6);
    CHECK(ipv6->host == "::1");
    CHECK(is_loopback_host(ipv6->host));
    CHECK(parse_url("git+https://github.com/org/repo@v1")->scheme == "git+https");
    CHECK_FALSE(parse_url("git@github.com:org/repo.git"));
    CHECK_FALSE(parse_url("pkgs.example.com"));
    CHECK_FALSE(parse_url("./wheels"));
}

TEST_CASE("URL parts: which user-info is a secret", "[rules][uv][url]") {
    auto secret = [](std::string text) {
        auto url = parse_url(text);
        REQUIRE(url);
        return has_credentials(text, *url);
    };
    CHECK(secret("https://user:token@host/simple"));
    CHECK(secret("https://oauth2:glpat-abcdefghijklmnop@gitlab.com/x"));
    CHECK(secret("https://ghp_abcdefghijklmnopqrstuvwxyz0123456789@github.com/org/repo"));
    CHECK(secret("https://AKCp8abcdefghijklmnopqrstuvwxyz@jfrog.example/simple"));
    CHECK(secret("https://user:${TOKEN}x@host/simple"));
    CHECK_FALSE(secret("https://host/simple"));
    CHECK_FALSE(secret("https://user@host/simple"));
    CHECK_FALSE(secret("https://__token__@host/simple"));
    CHECK_FALSE(secret("ssh://git@github.com/org/repo"));
    CHECK_FALSE(secret("https://user:@host/simple"));
    CHECK_FALSE(secret("https://${PIP_USER}:${PIP_TOKEN}@host/simple"));
    CHECK_FALSE(secret("https://$USER:$TOKEN@host/simple"));
    CHECK_FALSE(secret("https://x-access-token:${{ secrets.GITHUB_TOKEN }}@github.com/org/repo"));
    CHECK(without_credentials("git+https://user:pw@host/r@main") == "git+https://****@host/r@main");
    CHECK(without_credentials("git+ssh://git@host/r@main") == "git+ssh://git@host/r@main");
}

TEST_CASE("URL parts: loopback hosts", "[rules][uv][url]") {
    CHECK(is_loopback_host("localhost"));
    CHECK(is_loopback_host("127.0.0.1"));
    CHECK(is_loopback_host("127.1.2.3"));
    CHECK(is_loopback_host("::1"));
    CHECK_FALSE(is_loopback_host("127.example.com"));
    CHECK_FALSE(is_loopback_host("10.0.0.1"));
    CHECK_FALSE(is_loopback_host("pkgs.internal"));
}
