#include <catch2/catch.hpp>

#include "rules/secrets/env_file.hpp"
#include "rules/secrets/secret_names.hpp"
#include "support/test_support.hpp"

using namespace pysec;

TEST_CASE(".env assignments as dotenv reads them", "[rules][secrets]") {
    std::string text = "# comment\nA=1\nexport B='two words' # c\n  C = \"x\\\"y\"\nD=plain # comment\nE=a#b\n"
                       "F=\"multi\nline\"\nG=\nnot an assignment\nH='open\n";
    auto found = read_env_assignments(text);
    REQUIRE(found.size() == 8);
    auto value_at = [&](std::size_t i) { return text.substr(found[i].value_begin, found[i].value_end - found[i].value_begin); };
    CHECK(found[0].key == "A");
    CHECK(found[0].value == "1");
    CHECK(found[1].key == "B");
    CHECK(found[1].value == "two words");
    CHECK(value_at(1) == "two words");
    CHECK(found[2].key == "C");
    CHECK(found[2].value == "x\\\"y");
    CHECK(found[3].value == "plain");
    CHECK(found[4].value == "a#b");
    CHECK(found[5].value == "multi\nline");
    CHECK(found[6].key == "G");
    CHECK(found[6].value.empty());
    CHECK(found[7].key == "H");
    CHECK(found[7].value == "open");
}

TEST_CASE("the corpus's one .env (Flask's test app) assigns nothing secret", "[rules][secrets][corpus]") {
    std::string text = test::read_file(test::shared_dir() + "/corpus/pallets__flask/tests/test_apps/.env");
    auto found = read_env_assignments(text);
    REQUIRE(found.size() == 4);
    CHECK(found[3].key == "HAM");
    for (const auto& assignment : found) CHECK_FALSE(is_secret_looking_name(assignment.key));
}

TEST_CASE("secret-looking names", "[rules][secrets]") {
    for (std::string name : std::vector<std::string>{"DB_PASSWORD", "DJANGO_SECRET_KEY", "GITHUB_TOKEN", "aws_secret_access_key", "API-KEY",
                             "APIKEY", "PASSWD", "SMTP_PASS", "BASIC_AUTH", "GOOGLE_CREDENTIALS", "KEY", "app.secret"}) {
        INFO(name);
        CHECK(is_secret_looking_name(name));
    }
    for (std::string name : std::vector<std::string>{"PWD", "OLDPWD", "SSH_KEY_PATH", "AWS_ACCESS_KEY_ID", "TOKEN_TTL", "PUBLIC_KEY",
                             "STRIPE_PUBLISHABLE_KEY", "KEYBOARD", "DATABASE_URL", "DEBUG", "SECRET_KEY_FILE",
                             "AUTH_ENABLED", "MONKEY"}) {
        INFO(name);
        CHECK_FALSE(is_secret_looking_name(name));
    }
}

TEST_CASE("placeholder values", "[rules][secrets]") {
    for (std::string value : std::vector<std::string>{"", "  ", "$VAR", "${VAR}", "%(password)s", "<token>", "changeme", "your-token-here",
                              "xxxx", "********", "dummy-value", "example", "dev", "None", "...", "aaaaaaa"}) {
        INFO(value);
        CHECK(is_placeholder_value(value));
    }
    for (std::string value : std::vector<std::string>{"hunter2-on-prod", "q8Vf2Lw9ZtP4nR7x", "pypi-AgEIcHlwaS5vcmc3IDrQ"}) {
        INFO(value);
        CHECK_FALSE(is_placeholder_value(value));
    }
}
