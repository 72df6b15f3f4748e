// The scanner follows `-r`/`-c` from requirement files to files of any name,
// relative to the including file, once each, and reads lock history.

#include <filesystem>
#include <map>

#include <catch2/catch.hpp>

#include "repo/filesystem_sources.hpp"
#include "scan/scanner.hpp"
#include "support/test_support.hpp"

using namespace pysec;

namespace {

std::map<std::string, FileKind> collected(const ScanResult& result) {
    std::map<std::string, FileKind> files;
    for (const ProjectFile& file : result.project->files()) files.emplace(file.path, file.kind);
    return files;
}

}  // namespace

TEST_CASE("scanner: files reached through -r and -c are collected whatever their names", "[scan][requirements]") {
    test::TempDir repo;
    repo.write("requirements.txt", "-r deps/base.in\n-c pins.cfg\nflask\n");
    repo.write("deps/base.in", "-r ../shared/common.pip\nattrs\n");
    repo.write("shared/common.pip", "-r ../requirements.txt\n-r missing.txt\nidna\n");  // a cycle, and a missing file
    repo.write("pins.cfg", "flask==3.0.3\n");
    repo.write("unrelated.in", "not reached\n");
    FileSystemSource source(repo.path());
    ScanResult result = scan_source(source, ScanOptions{});
    auto files = collected(result);
    CHECK(files == std::map<std::string, FileKind>{{"requirements.txt", FileKind::Requirements},
                                                   {"deps/base.in", FileKind::Requirements},
                                                   {"shared/common.pip", FileKind::Requirements},
                                                   {"pins.cfg", FileKind::Requirements}});
    REQUIRE(result.project->requirement_document("deps/base.in"));
    CHECK(result.project->requirement_document("deps/base.in")->lines.size() == 1);
}

TEST_CASE("scanner: includes that leave the repository, are excluded or are symlinks are not read", "[scan][requirements]") {
    test::TempDir outside;
    outside.write("secret.txt", "x==1\n");
    test::TempDir repo;
    repo.write("requirements.txt", "-r ../" + outside.path().substr(outside.path().rfind('/') + 1) +
                                       "/secret.txt\n-r vendor/pins.in\n-r link.in\n");
    repo.write("vendor/pins.in", "x==1\n");
    repo.write(".github/pysec.yml", "exclude:\n  - vendor/**\n");
    std::filesystem::create_symlink(outside.path() + "/secret.txt", repo.path() + "/link.in");
    FileSystemSource source(repo.path());
    ScanResult result = scan_source(source, ScanOptions{});
    auto files = collected(result);
    CHECK(files == std::map<std::string, FileKind>{{"requirements.txt", FileKind::Requirements}});
    bool symlink_notice = false;
    for (const std::string& message : result.notices.messages()) {
        symlink_notice = symlink_notice || message.find("link.in") != std::string::npos;
    }
    CHECK(symlink_notice);
}

TEST_CASE("scanner: includes are read from the scanned commit", "[scan][requirements]") {
    test::TempDir repo;
    repo.write("requirements/ci.txt", "-r ../tools/pins.in\n");
    repo.write("tools/pins.in", "ruff==0.6.9\n");
    test::git_commit_all(repo.path(), "first");
    repo.write("tools/pins.in", "ruff==9.9.9\n");  // the work tree does not matter for --rev
    ScanOptions options;
    options.source.paths = {repo.path()};
    options.source.revision = "HEAD";
    ScanResult result = run_scan(options);
    const Document* document = result.project->document("tools/pins.in");
    REQUIRE(document);
    CHECK(document->text() == "ruff==0.6.9\n");
}

TEST_CASE("scanner: lock files carry their last change from git history", "[scan][history]") {
    test::TempDir repo;
    repo.write("uv.lock", "version = 1\nrevision = 3\n");
    repo.write("pylock.toml", "lock-version = \"1.0\"\n");
    repo.write("requirements.txt", "x==1\n");
    test::git_commit_all_at(repo.path(), "first", 1741608000);
    ScanOptions options;
    options.source.paths = {repo.path()};
    ScanResult result = run_scan(options);
    CHECK(result.project->file("uv.lock")->last_change_time == 1741608000);
    CHECK(result.project->file("pylock.toml")->last_change_time == 1741608000);
    CHECK_FALSE(result.project->file("requirements.txt")->last_change_time);
}

TEST_CASE("scanner: poetry.lock and pdm.lock are noted, not parsed", "[scan]") {
    test::TempDir repo;
    repo.write("poetry.lock", "not even toml [[\n");
    repo.write("sub/pdm.lock", "x\n");
    repo.write("pyproject.toml", "[project]\nname = \"x\"\n");
    FileSystemSource source(repo.path());
    ScanResult result = scan_source(source, ScanOptions{});
    CHECK(result.project->other_lockfiles() == std::vector<std::string>{"poetry.lock", "sub/pdm.lock"});
    CHECK(collected(result).size() == 1);
}
