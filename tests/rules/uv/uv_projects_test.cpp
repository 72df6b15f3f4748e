#include <catch2/catch.hpp>

#include "project_builder.hpp"
#include "rules/uv/locked_sdists.hpp"
#include "rules/uv/uv_projects.hpp"
#include "support/test_support.hpp"

using namespace pysec;

TEST_CASE("uv projects: locks, top-most settings, test data left out", "[rules][uv][projects]") {
    auto project = test::make_project({
        {"pyproject.toml", "[project]\nname = \"root\"\n\n[tool.uv]\nexclude-newer = \"7 days\"\n"},
        {"uv.lock", "version = 1\n"},
        {"packages/member/pyproject.toml", "[tool.uv.sources]\nx = { workspace = true }\n"},
        {"scripts/bench/pyproject.toml", "[project]\nname = \"bench\"\n"},
        {"scripts/bench/uv.lock", "version = 1\n"},
        {"tests/fixtures/sample/pyproject.toml", "[tool.uv]\nno-build = false\n"},
        {"tests/fixtures/sample/uv.lock", "version = 1\n"},
        {"other/uv.toml", "no-build = true\n"},
        {"backend/pyproject.toml", "[tool.uv.build-backend]\nmodule-name = \"b\"\n"},
    });
    std::vector<UvSettings> settings = read_uv_settings(*project);
    std::vector<UvProject> projects = find_uv_projects(*project, settings);
    // `other/uv.toml` and the member's `[tool.uv]` sit inside the root project: not projects of their own.
    REQUIRE(projects.size() == 2);
    CHECK(projects[0].directory.empty());
    CHECK(projects[0].lock);
    CHECK(projects[0].settings->path == "pyproject.toml");
    CHECK(projects[0].anchor().span.begin.line == 4);
    CHECK(projects[1].directory == "scripts/bench");
    CHECK(projects[1].settings->path == "pyproject.toml");  // inherited from the root
    CHECK(projects[1].name() == "the project in `scripts/bench/`");
}

TEST_CASE("uv projects: settings files without a lock, side by side", "[rules][uv][projects]") {
    auto project = test::make_project({
        {"service/pyproject.toml", "[project]\nname = \"service\"\n\n[tool.uv]\ndefault-groups = []\n"},
        {"service/sub/uv.toml", "no-build = true\n"},
        {"other/uv.toml", "no-build = true\n"},
    });
    std::vector<UvSettings> settings = read_uv_settings(*project);
    std::vector<UvProject> projects = find_uv_projects(*project, settings);
    REQUIRE(projects.size() == 2);
    CHECK(projects[0].directory == "other");
    CHECK_FALSE(projects[0].lock);
    CHECK(projects[0].settings->path == "other/uv.toml");
    CHECK(projects[0].anchor().span.begin.line == 1);
    CHECK(projects[1].directory == "service");
    CHECK(projects[1].anchor().path == "service/pyproject.toml");
}

TEST_CASE("uv projects: anchors without settings", "[rules][uv][projects]") {
    auto project = test::make_project({
        {"pyproject.toml", "# comment\n[project]\nname = \"root\"\n"},
        {"uv.lock", "version = 1\n"},
        {"lock-only/uv.lock", "version = 1\nrevision = 3\n"},
    });
    std::vector<UvSettings> settings = read_uv_settings(*project);
    std::vector<UvProject> projects = find_uv_projects(*project, settings);
    REQUIRE(projects.size() == 2);
    Location root = projects[0].anchor();
    CHECK(root.path == "pyproject.toml");
    CHECK(root.span.begin.line == 2);
    Location lock_only = projects[1].anchor();
    CHECK(lock_only.path == "lock-only/uv.lock");
    CHECK(lock_only.span.begin.line == 1);
}

TEST_CASE("uv projects: test-data paths", "[rules][uv][projects]") {
    CHECK(is_test_data_path("tests/x/uv.lock"));
    CHECK(is_test_data_path("a/test/uv.lock"));
    CHECK(is_test_data_path("src/fixtures/pyproject.toml"));
    CHECK_FALSE(is_test_data_path("uv.lock"));
    CHECK_FALSE(is_test_data_path("tests.txt"));
    CHECK_FALSE(is_test_data_path("latest/uv.lock"));
}

TEST_CASE("locked sdists: packages uv must build", "[rules][uv][lock]") {
    auto project = test::make_project({
        {"uv.lock",
         "version = 1\nrevision = 3\n\n"
         "[[package]]\nname = \"built\"\nversion = \"1.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n"
         "sdist = { url = \"https://files/built-1.0.tar.gz\", hash = \"sha256:00\" }\n\n"
         "[[package]]\nname = \"wheel\"\nversion = \"1.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n"
         "sdist = { url = \"https://files/wheel-1.0.tar.gz\", hash = \"sha256:00\" }\n"
         "wheels = [{ url = \"https://files/wheel-1.0-py3-none-any.whl\", hash = \"sha256:00\" }]\n\n"
         "[[package]]\nname = \"empty-wheels\"\nversion = \"1.0\"\nsource = { registry = \"https://pypi.org/simple\" }\n"
         "sdist = { url = \"https://files/e-1.0.tar.gz\", hash = \"sha256:00\" }\nwheels = []\n\n"
         "[[package]]\nname = \"project\"\nversion = \"0.1\"\nsource = { editable = \".\" }\n"},
        {"old/uv.lock",
         "version = 1\n\n[[distribution]]\nname = \"legacy\"\nversion = \"1.0\"\n"
         "source = { registry = \"https://pypi.org/simple\" }\nsdist = { url = \"https://files/l.tar.gz\" }\n"},
    });
    auto packages = sdist_only_packages(*project->document("uv.lock"));
    REQUIRE(packages.size() == 2);
    CHECK(packages[0].name == "built");
    CHECK(project->document("uv.lock")->span(*packages[0].name_node).begin.line == 5);
    CHECK(packages[1].name == "empty-wheels");
    auto legacy = sdist_only_packages(*project->document("old/uv.lock"));
    REQUIRE(legacy.size() == 1);
    CHECK(legacy[0].name == "legacy");
}

TEST_CASE("locked sdists: the corpus locks have wheels for every package", "[rules][uv][lock][corpus]") {
    for (const char* repository : {"astral-sh__uv", "pallets__flask", "pytest-dev__pytest"}) {
        INFO(repository);
        std::string text = test::read_file(test::shared_dir() + "/corpus/" + repository + "/uv.lock");
        auto project = test::make_project({{"uv.lock", text}});
        const Document* lock = project->document("uv.lock");
        REQUIRE(lock);
        REQUIRE(lock->root());
        CHECK(lock->root()->get("package")->items.size() > 20);
        CHECK(sdist_only_packages(*lock).empty());
    }
}
