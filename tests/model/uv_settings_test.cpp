#include <catch2/catch.hpp>

#include "../rules/uv/project_builder.hpp"
#include "model/uv_settings.hpp"
#include "support/test_support.hpp"

using namespace pysec;

TEST_CASE("uv settings: [tool.uv] and uv.toml, with [pip] and indexes", "[model][uv-settings]") {
    auto project = test::make_project({
        {"pyproject.toml",
         "[project]\nname = \"a\"\n\n[tool.uv]\nexclude-newer = \"7 days\"\nno-build = true\n"
         "extra-index-url = [\"https://x.example/simple\"]\n\n[tool.uv.pip]\nonly-binary = [\":all:\"]\n\n"
         "[[tool.uv.index]]\nname = \"internal\"\nurl = \"https://pkgs.example/simple\"\nexplicit = true\n\n"
         "[tool.uv.sources]\nfoo = { index = \"internal\" }\n"},
        {"sub/uv.toml", "index-strategy = \"unsafe-best-match\"\n[pip]\nno-build = true\n"},
        {"sub/pyproject.toml", "[tool.uv]\nexclude-newer = \"P7D\"\n"},
        {"lib/pyproject.toml", "[tool.uv.build-backend]\nmodule-name = \"lib\"\n"},
        {"plain/pyproject.toml", "[project]\nname = \"plain\"\n"},
    });
    std::vector<UvSettings> settings = read_uv_settings(*project);
    REQUIRE(settings.size() == 4);
    const UvSettings& root = settings[0];
    CHECK(root.path == "pyproject.toml");
    CHECK(root.directory.empty());
    CHECK(root.top.exclude_newer->value == "7 days");
    CHECK(root.top.no_build_enabled());
    REQUIRE(root.top.indexes.size() == 1);
    CHECK(root.top.indexes[0].is_explicit());
    CHECK_FALSE(root.top.indexes[0].is_default());
    CHECK(root.pip.only_binary);
    CHECK(root.sources);
    CHECK(root.anchor().span.begin.line == 4);
    CHECK_FALSE(root.shadowed);

    const UvSettings* uv_toml = nullptr;
    const UvSettings* shadowed = nullptr;
    const UvSettings* backend = nullptr;
    for (const UvSettings& s : settings) {
        if (s.path == "sub/uv.toml") uv_toml = &s;
        if (s.path == "sub/pyproject.toml") shadowed = &s;
        if (s.path == "lib/pyproject.toml") backend = &s;
    }
    REQUIRE(uv_toml);
    REQUIRE(shadowed);
    REQUIRE(backend);
    CHECK(uv_toml->is_uv_toml());
    CHECK(uv_toml->top.index_strategy->value == "unsafe-best-match");
    CHECK(uv_toml->pip.no_build_enabled());
    CHECK(uv_toml->anchor().span.begin.line == 1);
    CHECK(shadowed->shadowed);
    CHECK(backend->build_backend_only);

    CHECK(effective_uv_settings(settings, "") == &root);
    CHECK(effective_uv_settings(settings, "sub") == uv_toml);
    CHECK(effective_uv_settings(settings, "sub/deeper/x") == uv_toml);
    CHECK(effective_uv_settings(settings, "plain") == &root);
    CHECK(effective_uv_settings(settings, "lib") == backend);
}

TEST_CASE("uv settings: a workspace shares the root's settings", "[model][uv-settings]") {
    auto project = test::make_project({
        {"pyproject.toml", "[tool.uv]\nexclude-newer = \"7 days\"\n\n[tool.uv.workspace]\nmembers = [\"packages/*\"]\n"},
        {"packages/a/pyproject.toml", "[tool.uv.sources]\nb = { workspace = true }\n"},
        {"elsewhere/pyproject.toml", "[tool.uv]\nno-build = true\n"},
    });
    std::vector<UvSettings> settings = read_uv_settings(*project);
    REQUIRE(settings.size() == 3);
    // uv starts at the workspace root, ignoring the member's own [tool.uv].
    CHECK(effective_uv_settings(settings, "packages/a")->path == "pyproject.toml");
    CHECK(effective_uv_settings(settings, "packages/a/src")->path == "pyproject.toml");
    // Not a member: its own settings apply.
    CHECK(effective_uv_settings(settings, "elsewhere")->path == "elsewhere/pyproject.toml");
}

TEST_CASE("uv settings: paths", "[model][uv-settings]") {
    CHECK(directory_of("uv.lock").empty());
    CHECK(directory_of("a/b/uv.lock") == "a/b");
    CHECK(directory_contains("", "a"));
    CHECK(directory_contains("a", "a"));
    CHECK(directory_contains("a", "a/b"));
    CHECK_FALSE(directory_contains("a", "ab"));
    CHECK_FALSE(directory_contains("a/b", "a"));
}

TEST_CASE("uv settings: the corpus projects read as uv reads them", "[model][uv-settings][corpus]") {
    std::string path = test::shared_dir() + "/corpus/astral-sh__uv/pyproject.toml";
    auto project = test::make_project({{"pyproject.toml", test::read_file(path)}});
    std::vector<UvSettings> settings = read_uv_settings(*project);
    REQUIRE(settings.size() == 1);
    CHECK(settings[0].top.exclude_newer->value == "P7D");
    CHECK(settings[0].top.no_build_enabled());
}
