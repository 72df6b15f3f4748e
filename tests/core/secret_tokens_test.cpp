#include <algorithm>

#include <catch2/catch.hpp>

#include "core/secret_tokens.hpp"

using namespace pysec;

namespace {

const std::string pypi_token =
    "pypi-AgEIcHlwaS5vcmc3IDrQiv7on5S5JITwE1J8P3bocEnftQL6zNoTiUPFLN866qIZb8Ko6WSZQ_aMLGypaXGM8iSXg2VT2Scvbqih";
const std::string github_token = "ghp_8HlrwYMfvea9lkxwkkMxzwwM5hpA6eEfujfo";
const std::string fine_grained =
    "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";
const std::string private_key =
    "-----BEGIN RSA PRIVATE KEY-----\n"
    "HHiJQUh1/Esc96IMpKKfm01t4hRO5aWKr7aG49LKjG4oB/qvlNJid9hYJAgOIPZE\n"
    "aMmodpmNsO2CBwvtNC7gmO4ipFH7Ub9s0Cpfvgc7Lx8Rkx4TCQ9ZX4blpSzbD+cf\n"
    "-----END RSA PRIVATE KEY-----";

}  // namespace

TEST_CASE("secret tokens: every known format, with its exact span", "[core][secrets]") {
    struct Case {
        std::string token;
        SecretKind kind;
        std::size_t visible;
    };
    std::vector<Case> cases = {
        {pypi_token, SecretKind::PypiToken, 5},
        {github_token, SecretKind::GithubToken, 4},
        {"gho_HboMSp4DTHEzEDh2QFLVxZXSezhDvt2gl8t7", SecretKind::GithubToken, 4},
        {"ghs_Rnxa6wHW35PBbnm3NliqNT1Nx4xyB7LQ4DBq", SecretKind::GithubToken, 4},
        {"ghu_Rnxa6wHW35PBbnm3NliqNT1Nx4xyB7LQ4DBq", SecretKind::GithubToken, 4},
        {"ghr_Rnxa6wHW35PBbnm3NliqNT1Nx4xyB7LQ4DBq", SecretKind::GithubToken, 4},
        {fine_grained, SecretKind::GithubFineGrainedToken, 11},
        {"AKIARUN4OMQ3GOALPSOU", SecretKind::AwsAccessKeyId, 4},
        {"ASIARNYXDBIP3XRYEWOU", SecretKind::AwsAccessKeyId, 4},
        {private_key, SecretKind::PrivateKey, 31},
    };
    for (const Case& c : cases) {
        INFO(c.token);
        std::string text = "key: \"" + c.token + "\"\n";
        auto found = find_secret_tokens(text);
        REQUIRE(found.size() == 1);
        CHECK(found[0].kind == c.kind);
        CHECK(found[0].begin == 6);
        CHECK(found[0].end == 6 + c.token.size());
        CHECK(found[0].visible == c.visible);
    }
}

TEST_CASE("secret tokens: placeholders and look-alikes are not secrets", "[core][secrets]") {
    for (std::string text : std::vector<std::string>{
             "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
             "ghp_1234567890abcdefghijklmnopqrstuvwxyz",
             "ghp_aaaaBBBBccccDDDDeeeeFFFFggggHHHHiiii",     // too few distinct characters
             "ghp_8HlrwYMfvea9lkxwkkMxzwwM5hpA6eEf",         // too short (32)
             "xghp_8HlrwYMfvea9lkxwkkMxzwwM5hpA6eEfujfo",    // inside a word
             "ghp_8HlrwYMfvea9lkxwkkMxzwwM5hpA6eEfujfo_x",   // followed by a word character
             "AKIAIOSFODNN7EXAMPLE",
             "XAKIARUN4OMQ3GOALPSOU",
             "AKIARUN4OMQ3GOALPSOUX",
             "sha256/AKIARUN4OMQ3GOALPSOU",                  // base64 context
             "pypi-AgEIcHlwaS5vcmc...",
             "pypi-Ag" + std::string(80, 'x'),
             "pypi-BgEIcHlwaS5vcmc3IDrQiv7on5S5JITwE1J8P3bocEnftQL6zNoTiUPFLN866qIZb8Ko6WSZQ",
             "${{ secrets.PYPI_TOKEN }}",
             "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA...\n-----END RSA PRIVATE KEY-----",
             "-----BEGIN RSA PRIVATE KEY-----\nno end marker",
             "-----BEGIN PUBLIC KEY-----\nHHiJQUh1/Esc96IMpKKfm01t4hRO5aWKr7aG49LKjG4oB/qvlNJid9hYJAgOIPZE\n"
             "-----END PUBLIC KEY-----",
         }) {
        INFO(text);
        CHECK(find_secret_tokens(text).empty());
    }
}

TEST_CASE("secret tokens: redaction keeps the prefix; masking keeps the width", "[core][secrets]") {
    std::string text = "a " + github_token + " b " + pypi_token + "\nAKIARUN4OMQ3GOALPSOU";
    CHECK(redact_secret_tokens(text) == "a ghp_**** b pypi-****\nAKIA****");
    std::string masked = mask_secret_tokens(text);
    CHECK(masked.size() == text.size());
    CHECK(masked.find(github_token) == std::string::npos);
    CHECK(masked.starts_with("a ghp_*****"));
    CHECK(masked.ends_with("\nAKIA****************"));
    std::string key_masked = mask_secret_tokens(private_key);
    CHECK(key_masked.starts_with("-----BEGIN RSA PRIVATE KEY-----\n****"));
    CHECK(key_masked.find("HHiJQ") == std::string::npos);
    CHECK(std::count(key_masked.begin(), key_masked.end(), '\n') == 3);
    CHECK(redact_secret_tokens("nothing secret here") == "nothing secret here");
    CHECK(describe(SecretKind::PypiToken) == "PyPI API token");
}
