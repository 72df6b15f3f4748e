#include <catch2/catch.hpp>

#include "inventory/file_kind.hpp"

using namespace pysec;

TEST_CASE("paths are classified as RULES.md lists them", "[inventory]") {
    struct Case {
        const char* path;
        std::optional<FileKind> kind;
    };
    std::vector<Case> cases = {
        {".github/workflows/ci.yml", FileKind::Workflow},
        {".github/workflows/release.yaml", FileKind::Workflow},
        {".github/workflows/nested/ci.yml", std::nullopt},  // GitHub reads only the top level
        {"docs/.github/workflows/ci.yml", std::nullopt},
        {".github/workflows/README.md", std::nullopt},
        {"action.yml", FileKind::Action},
        {".github/actions/setup/action.yaml", FileKind::Action},
        {".github/dependabot.yml", FileKind::Dependabot},
        {".github/dependabot.yaml", FileKind::Dependabot},
        {"dependabot.yml", std::nullopt},
        {"renovate.json", FileKind::Renovate},
        {"renovate.json5", FileKind::Renovate},
        {".github/renovate.json5", FileKind::Renovate},
        {".gitlab/renovate.json", FileKind::Renovate},
        {".renovaterc", FileKind::Renovate},
        {".renovaterc.json", FileKind::Renovate},
        {"sub/renovate.json", std::nullopt},
        {"package.json", FileKind::PackageJson},
        {"web/package.json", std::nullopt},
        {".pre-commit-config.yaml", FileKind::PreCommit},
        {".pre-commit-config.yml", FileKind::PreCommit},
        {"pyproject.toml", FileKind::Pyproject},
        {"packages/core/pyproject.toml", FileKind::Pyproject},
        {"uv.toml", FileKind::UvToml},
        {"uv.lock", FileKind::UvLock},
        {"pylock.toml", FileKind::Pylock},
        {"pylock.dev.toml", FileKind::Pylock},
        {"requirements.txt", FileKind::Requirements},
        {"requirements-dev.txt", FileKind::Requirements},
        {"docs/requirements.txt", FileKind::Requirements},
        {"requirements/test.txt", FileKind::Requirements},
        {"ci/dev-requirements.txt", FileKind::Requirements},
        {"constraints.txt", FileKind::Requirements},
        {"Requirements.TXT", std::nullopt},
        {"notes.txt", std::nullopt},
        {"pip.conf", FileKind::PipConf},
        {"pip.ini", FileKind::PipConf},
        {".pypirc", FileKind::Pypirc},
        {".env", FileKind::EnvFile},
        {"deploy/.env.production", FileKind::EnvFile},
        {".envrc", std::nullopt},
        {".devcontainer/devcontainer.json", FileKind::Devcontainer},
        {".devcontainer/python/devcontainer.json", FileKind::Devcontainer},
        {".devcontainer.json", FileKind::Devcontainer},
        {"src/main.py", std::nullopt},
    };
    for (const Case& c : cases) {
        INFO(c.path);
        CHECK(classify_path(c.path) == c.kind);
    }
}

TEST_CASE("named files are classified by name; other YAML is a workflow", "[inventory]") {
    CHECK(classify_named_file("fixtures/dependabot.yml") == FileKind::Dependabot);
    CHECK(classify_named_file("/tmp/x/.pre-commit-config.yaml") == FileKind::PreCommit);
    CHECK(classify_named_file("somewhere/ci.yml") == FileKind::Workflow);
    CHECK(classify_named_file("somewhere/action.yml") == FileKind::Action);
    CHECK(classify_named_file("x/uv.lock") == FileKind::UvLock);
    CHECK(classify_named_file("x/devcontainer.json") == FileKind::Devcontainer);
    CHECK(classify_named_file("README.md") == std::nullopt);
}
