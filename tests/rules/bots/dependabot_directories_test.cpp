#include <catch2/catch.hpp>

#include "parse/parse.hpp"
#include "rules/dependabot/dependabot_directories.hpp"
#include "rules/dependabot/update_targets.hpp"

using namespace pysec;

TEST_CASE("Dependabot directories are normalized", "[rules][dependabot]") {
    CHECK(normalize_dependabot_directory("/") == "");
    CHECK(normalize_dependabot_directory(".") == "");
    CHECK(normalize_dependabot_directory("") == "");
    CHECK(normalize_dependabot_directory("/docs/") == "docs");
    CHECK(normalize_dependabot_directory("./a//b") == "a/b");
    CHECK(normalize_dependabot_directory(" /.github/actions/* ") == ".github/actions/*");
}

TEST_CASE("Dependabot entries name directories, lists and globs", "[rules][dependabot]") {
    auto parsed = parse_document(".github/dependabot.yml",
                                 "version: 2\nupdates:\n"
                                 "  - package-ecosystem: pip\n    directory: /docs\n"
                                 "  - package-ecosystem: github-actions\n    directories: [/, /.github/actions/*, /tools/**]\n"
                                 "  - package-ecosystem: uv\n    directories: ['/**']\n",
                                 DocumentFormat::Yaml);
    REQUIRE_FALSE(parsed.failure);
    auto config = read_dependabot(*parsed.document);
    REQUIRE(config);
    auto scopes = dependabot_scopes(*config);
    REQUIRE(scopes.size() == 3);
    CHECK(scope_names(scopes[0], "docs"));
    CHECK_FALSE(scope_names(scopes[0], ""));
    CHECK_FALSE(scope_names(scopes[0], "docs/api"));
    CHECK(scope_names(scopes[1], ""));
    CHECK(scope_names(scopes[1], ".github/actions/setup"));
    CHECK_FALSE(scope_names(scopes[1], ".github/actions/setup/inner"));
    CHECK(scope_names(scopes[1], "tools/a/b"));
    CHECK(scope_names(scopes[2], ""));
    CHECK(scope_names(scopes[2], "anything/at/all"));
}

TEST_CASE("test data, examples and templates are not what a bot updates", "[rules][dependabot]") {
    CHECK(is_test_or_example_path("tests/data/requirements.txt"));
    CHECK(is_test_or_example_path("crates/uv-requirements-txt/test-data/requirements-txt/constraints-a.txt"));
    CHECK(is_test_or_example_path("examples/tutorial/pyproject.toml"));
    CHECK(is_test_or_example_path("{{cookiecutter.project_name}}/pyproject.toml"));
    CHECK_FALSE(is_test_or_example_path("testing/plugins_integration/requirements.txt"));
    CHECK_FALSE(is_test_or_example_path("requirements/tests.txt"));
    CHECK_FALSE(is_test_or_example_path("tests.txt"));
    CHECK(directory_of("a/b/c.txt") == "a/b");
    CHECK(directory_of("c.txt") == "");
}
