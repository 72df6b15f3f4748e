#include <catch2/catch.hpp>

#include "parse/parse.hpp"
#include "project_builder.hpp"
#include "rules/rule.hpp"
#include "rules/uv/cooldown_minimum.hpp"
#include "rules/uv/environment_variables.hpp"
#include "rules/uv/exclude_newer_sites.hpp"
#include "rules/uv/pip_config_key.hpp"
#include "rules/uv/setting_text.hpp"
#include "rules/uv/uv_resolution.hpp"
#include "shell/invocation.hpp"

using namespace pysec;

TEST_CASE("environment variables of workflows, actions and dev containers", "[rules][uv][environment]") {
    auto project = test::make_project({
        {".github/workflows/ci.yml",
         "on: push\nenv: {A: '1'}\njobs:\n  t:\n    runs-on: ubuntu-latest\n    env: {B: '2'}\n"
         "    container: {image: 'python:3.12@sha256:00', env: {C: '3'}}\n    steps:\n      - run: true\n        env: {D: '4'}\n"},
        {"tools/action.yml", "name: a\nruns:\n  using: composite\n  steps:\n    - run: true\n      shell: bash\n      env: {E: '5'}\n"},
        {".devcontainer/devcontainer.json", "{\"containerEnv\": {\"F\": \"6\"}, \"remoteEnv\": {\"G\": \"${localEnv:G}\"}}"},
    });
    std::vector<std::string> seen;
    for_each_environment_variable(*project, [&](const EnvironmentVariable& variable) {
        seen.push_back(variable.key.value + "=" + std::string(literal_environment_value(variable.value).value_or("?")) +
                       " " + variable.scope + (variable.in_ci ? "" : " (dev)"));
    });
    std::vector<std::string> expected = {"A=1 workflow",        "B=2 job `t`",
                                         "C=3 container of job `t`", "D=4 step",
                                         "E=5 step",            "F=6 dev container `containerEnv` (dev)",
                                         "G=? dev container `remoteEnv` (dev)"};
    CHECK(seen == expected);
}

TEST_CASE("exclude-newer sites: settings, packages and UV_EXCLUDE_NEWER", "[rules][uv][exclude-newer]") {
    auto project = test::make_project({
        {"pyproject.toml", "[tool.uv]\nexclude-newer = \"7 days\"\nexclude-newer-package = { a = false }\n"
                           "[tool.uv.pip]\nexclude-newer = \"P1Y\"\n"},
        {"sub/uv.toml", "exclude-newer = \"1 week\"\n"},
        {"sub/pyproject.toml", "[tool.uv]\nexclude-newer = \"ignored\"\n"},
        {".github/workflows/ci.yml", "on: push\nenv: {UV_EXCLUDE_NEWER: 2 weeks, OTHER: x}\njobs: {}\n"},
    });
    std::vector<UvSettings> settings = read_uv_settings(*project);
    std::vector<std::string> seen;
    for_each_exclude_newer(*project, settings, [&](const ExcludeNewerSite& site) {
        seen.push_back(site.document.path() + " " + site.setting + (site.reading.accepted() ? " ok" : " rejected"));
    });
    std::vector<std::string> expected = {"pyproject.toml exclude-newer ok",
                                         "pyproject.toml exclude-newer-package` entry `a ok",
                                         "pyproject.toml pip.exclude-newer rejected", "sub/uv.toml exclude-newer ok",
                                         ".github/workflows/ci.yml UV_EXCLUDE_NEWER ok"};
    CHECK(seen == expected);
    CHECK_THAT(consequence_of_rejection(ExcludeNewerSite::Place::Pyproject), Catch::Contains("ignores every setting"));
    CHECK_THAT(consequence_of_rejection(ExcludeNewerSite::Place::UvToml), Catch::Contains("fails"));
}

TEST_CASE("cooldown minimum, cutoffs and durations in words", "[rules][uv][cooldown]") {
    CHECK(cooldown_minimum_days(nullptr, "uv-cooldown") == 7);
    auto config = parse_document("c.yml", "days: 14\n", DocumentFormat::Yaml);
    CHECK(cooldown_minimum_days(config.document->root(), "uv-cooldown") == 14);
    auto bad = parse_document("c.yml", "days: -1\n", DocumentFormat::Yaml);
    CHECK_THROWS_AS(cooldown_minimum_days(bad.document->root(), "uv-cooldown"), RuleConfigError);
    auto unknown = parse_document("c.yml", "weeks: 1\n", DocumentFormat::Yaml);
    CHECK_THROWS_AS(cooldown_minimum_days(unknown.document->root(), "uv-cooldown"), RuleConfigError);

    constexpr std::int64_t now = 1767225600;  // 2026-01-01T00:00:00Z
    CHECK(*cutoff_epoch_seconds(read_exclude_newer("7 days"), now) == now - 7 * 86400);
    CHECK(*cutoff_epoch_seconds(read_exclude_newer("2025-12-30T00:00:00Z"), now) == now - 2 * 86400);
    // A date is read to its end (the next midnight), at UTC.
    CHECK(*cutoff_epoch_seconds(read_exclude_newer("2025-12-30"), now) == now - 86400);
    CHECK_FALSE(cutoff_epoch_seconds(read_exclude_newer("6 months"), now));

    CHECK(describe_seconds(7 * 86400) == "7 days");
    CHECK(describe_seconds(86400) == "1 day");
    CHECK(describe_seconds(1.5 * 86400) == "1.5 days");
    CHECK(describe_seconds(12 * 3600) == "12 hours");
    CHECK(describe_seconds(90) == "1 minute");
    CHECK(describe_seconds(-3600) == "1 hour");
}

TEST_CASE("setting text and pip configuration keys", "[rules][uv][text]") {
    auto toml = parse_document("uv.toml", "exclude-newer = \"7 days\"\n", DocumentFormat::Toml);
    const Node::Entry* entry = toml.document->root()->find("exclude-newer");
    CHECK(setting_text(*toml.document, entry->key, *entry->value) == "exclude-newer = \"7 days\"");
    auto yaml = parse_document("w.yml", "UV_EXCLUDE_NEWER: '7 days'\n", DocumentFormat::Yaml);
    const Node::Entry* env = yaml.document->root()->find("UV_EXCLUDE_NEWER");
    CHECK(setting_text(*yaml.document, env->key, *env->value) == "UV_EXCLUDE_NEWER: 7 days");
    CHECK(shorten(std::string(100, 'x'), 10) == "xxxxxxxxxx…");
    CHECK(pip_config_key("Extra_Index_URL") == "extra-index-url");
    CHECK(pip_config_key("--trusted-host") == "trusted-host");
}

TEST_CASE("which uv commands resolve", "[rules][uv][commands]") {
    auto check = [](const char* script) {
        std::vector<shell::Command> commands = shell::parse_script(script, shell::Dialect::Posix);
        REQUIRE(commands.size() == 1);
        return uv_resolves(uv_command(shell::invocation_of(commands[0])));
    };
    CHECK(check("uv lock"));
    CHECK(check("uv sync --locked"));
    CHECK(check("uv --directory x run pytest"));
    CHECK(check("uv pip compile requirements.in"));
    CHECK(check("uv tree"));
    CHECK_FALSE(check("uv sync --frozen"));
    CHECK_FALSE(check("uv run --no-sync pytest"));
    CHECK_FALSE(check("uv lock --offline"));
    CHECK_FALSE(check("uvx ruff"));
    CHECK_FALSE(check("uv tool install ruff"));
    CHECK_FALSE(check("pip install x"));
}
