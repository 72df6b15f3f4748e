// The libgit2 sources against real repositories built in a temporary directory.

#include <filesystem>
#include <set>
#include <unistd.h>

#include <catch2/catch.hpp>

#include "repo/source.hpp"
#include "support/test_support.hpp"

using namespace pysec;
namespace fs = std::filesystem;

namespace {

std::set<std::string> file_paths(Source& source) {
    std::set<std::string> paths;
    for (const SourceEntry& entry : source.entries()) {
        if (entry.type == EntryType::File) paths.insert(entry.path);
    }
    return paths;
}

constexpr std::uint64_t cap = 1 << 20;

}  // namespace

TEST_CASE("the work tree source lists tracked files and reads their current content", "[repo]") {
    test::TempDir repo;
    repo.write(".github/workflows/ci.yml", "on: push\n");
    repo.write("pyproject.toml", "[project]\n");
    test::git_commit_all(repo.path(), "first");
    repo.write(".github/workflows/ci.yml", "on: pull_request\n");  // modified, not committed
    repo.write("untracked.yml", "x: 1\n");

    Notices notices;
    auto source = open_source(SourceRequest{{repo.path()}, std::nullopt, false}, notices);
    CHECK_THAT(source->description(), Catch::StartsWith("git work tree of "));
    CHECK(file_paths(*source) == std::set<std::string>{".github/workflows/ci.yml", "pyproject.toml"});
    CHECK(source->read(SourceEntry{".github/workflows/ci.yml"}, cap) == "on: pull_request\n");
    CHECK(source->read_path("untracked.yml", cap) == "x: 1\n");
    CHECK(source->read_path("missing.yml", cap) == std::nullopt);
    CHECK_THROWS_AS(source->read(SourceEntry{"pyproject.toml"}, 3), SourceError);
    CHECK(notices.messages().empty());
}

TEST_CASE("revisions: any commit's tree from the object database", "[repo]") {
    test::TempDir repo;
    repo.write("a.yml", "version: 1\n");
    std::string first = test::git_commit_all(repo.path(), "first");
    repo.write("a.yml", "version: 2\n");
    repo.write("b.yml", "new\n");
    test::git_commit_all(repo.path(), "second");
    fs::remove(fs::path(repo.path()) / "a.yml");  // the work tree does not matter

    Notices notices;
    for (const std::string& revision : {std::string("HEAD~1"), first, first.substr(0, 10)}) {
        INFO(revision);
        auto source = open_source(SourceRequest{{repo.path()}, revision, false}, notices);
        CHECK_THAT(source->description(), Catch::StartsWith("commit " + first.substr(0, 12)));
        CHECK(file_paths(*source) == std::set<std::string>{"a.yml"});
        CHECK(source->read(SourceEntry{"a.yml"}, cap) == "version: 1\n");
    }
    auto head = open_source(SourceRequest{{repo.path()}, std::string("HEAD"), false}, notices);
    CHECK(head->read(SourceEntry{"a.yml"}, cap) == "version: 2\n");
    CHECK_THROWS_AS(open_source(SourceRequest{{repo.path()}, std::string("no-such-branch"), false}, notices),
                    SourceRequestError);
}

TEST_CASE("symlinks are listed as such and never read through", "[repo]") {
    test::TempDir repo;
    test::TempDir outside;
    outside.write("secret.yml", "token: x\n");
    repo.write("real.yml", "a: 1\n");
    fs::create_symlink(outside.path() + "/secret.yml", fs::path(repo.path()) / "link.yml");
    fs::create_directories(fs::path(repo.path()) / ".github");
    fs::create_directory_symlink(outside.path(), fs::path(repo.path()) / ".github" / "workflows");
    test::git_commit_all(repo.path(), "links");

    Notices notices;
    auto source = open_source(SourceRequest{{repo.path()}, std::nullopt, false}, notices);
    bool saw_link = false;
    for (const SourceEntry& entry : source->entries()) {
        if (entry.path == "link.yml") saw_link = entry.type == EntryType::Symlink;
    }
    CHECK(saw_link);
    try {
        source->read(SourceEntry{"link.yml"}, cap);
        FAIL("read a symlink");
    } catch (const SourceError& error) {
        CHECK(error.reason() == SourceError::Reason::Symlink);
    }
    try {
        source->read(SourceEntry{".github/workflows/secret.yml"}, cap);
        FAIL("read through a symlinked directory");
    } catch (const SourceError& error) {
        CHECK(error.reason() == SourceError::Reason::Symlink);
    }
    auto committed = open_source(SourceRequest{{repo.path()}, std::string("HEAD"), false}, notices);
    CHECK_THROWS_AS(committed->read(SourceEntry{"link.yml"}, cap), SourceError);
}

TEST_CASE("a subdirectory limits the scan but paths stay repository-relative", "[repo]") {
    test::TempDir repo;
    repo.write("services/api/pyproject.toml", "[project]\n");
    repo.write("services/web/pyproject.toml", "[project]\n");
    test::git_commit_all(repo.path(), "two services");
    Notices notices;
    auto worktree = open_source(SourceRequest{{repo.path() + "/services/api"}, std::nullopt, false}, notices);
    CHECK(file_paths(*worktree) == std::set<std::string>{"services/api/pyproject.toml"});
    auto tree = open_source(SourceRequest{{repo.path() + "/services/api"}, std::string("HEAD"), false}, notices);
    CHECK(file_paths(*tree) == std::set<std::string>{"services/api/pyproject.toml"});
}

TEST_CASE("a bare repository is scanned at HEAD", "[repo]") {
    test::TempDir work;
    work.write("uv.lock", "version = 1\n");
    test::git_commit_all(work.path(), "lock");
    test::TempDir bare_parent;
    std::string bare = bare_parent.path() + "/repo.git";
    fs::copy(work.path() + "/.git", bare, fs::copy_options::recursive);
    test::write_config_value(bare, "core.bare", "true");
    Notices notices;
    auto source = open_source(SourceRequest{{bare}, std::nullopt, false}, notices);
    CHECK(file_paths(*source) == std::set<std::string>{"uv.lock"});
    REQUIRE(notices.messages().size() == 1);
    CHECK_THAT(notices.messages()[0], Catch::Contains("bare repository"));
}

TEST_CASE("a directory outside any repository is read from the file system", "[repo]") {
    test::TempDir plain;
    plain.write("a/pyproject.toml", "[project]\n");
    plain.write("node_modules/x/pyproject.toml", "[project]\n");
    plain.write(".venv/lib/pyproject.toml", "[project]\n");
    Notices notices;
    auto source = open_source(SourceRequest{{plain.path()}, std::nullopt, false}, notices);
    CHECK(file_paths(*source) == std::set<std::string>{"a/pyproject.toml"});
    REQUIRE(notices.messages().size() == 1);
    CHECK_THAT(notices.messages()[0], Catch::Contains("not inside a git repository"));
    CHECK_THROWS_AS(open_source(SourceRequest{{plain.path()}, std::string("HEAD"), false}, notices),
                    SourceRequestError);
}

TEST_CASE("named files keep repository-relative paths", "[repo]") {
    test::TempDir repo;
    std::string path = repo.write(".github/dependabot.yml", "version: 2\n");
    test::git_commit_all(repo.path(), "bot");
    Notices notices;
    auto source = open_source(SourceRequest{{path}, std::nullopt, false}, notices);
    auto entries = source->entries();
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].path == ".github/dependabot.yml");
    CHECK(entries[0].named);
    CHECK(source->read(entries[0], cap) == "version: 2\n");
    CHECK_THROWS_AS(open_source(SourceRequest{{path, repo.path()}, std::nullopt, false}, notices),
                    SourceRequestError);
    CHECK_THROWS_AS(open_source(SourceRequest{{repo.path() + "/nope.yml"}, std::nullopt, false}, notices),
                    SourceRequestError);
}
