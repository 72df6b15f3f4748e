// What the lockfile rules say, beyond the (file, line) pairs the fixtures
// check: messages, related locations, and that no credential of a registry
// URL reaches a message.

#include <catch2/catch.hpp>

#include "repo/filesystem_sources.hpp"
#include "scan/scanner.hpp"
#include "support/test_support.hpp"

using namespace pysec;

namespace {

std::vector<Finding> findings_of(const ScanResult& result, std::string_view rule) {
    std::vector<Finding> selected;
    for (const Finding& finding : result.findings) {
        if (finding.rule_id == rule) selected.push_back(finding);
    }
    return selected;
}

ScanResult scan_directory(const test::TempDir& directory) {
    FileSystemSource source(directory.path());
    return scan_source(source, ScanOptions{});
}

constexpr const char* hash = "sha256:4c8bc31ccdb51c7f7bd251f51c609e038d63e34219b44aa86e47576389880b4c";

}  // namespace

TEST_CASE("lock-mixed-sources never shows registry credentials", "[rules][lock]") {
    test::TempDir repo;
    repo.write("uv.lock", std::string("version = 1\nrevision = 3\n\n"
                                      "[[package]]\nname = \"a\"\nversion = \"1\"\n"
                                      "source = { registry = \"https://pypi.org/simple\" }\n"
                                      "wheels = [{ url = \"https://files.pythonhosted.org/a-1-py3-none-any.whl\", hash = \"") +
                              hash + "\" }]\n\n"
                                     "[[package]]\nname = \"b\"\nversion = \"2\"\n"
                                     "source = { registry = \"https://deploy:s3cr3t-t0ken@pkgs.example.com/simple\" }\n"
                                     "wheels = [{ url = \"https://deploy:s3cr3t-t0ken@pkgs.example.com/b-2-py3-none-any.whl\" }]\n");
    ScanResult result = scan_directory(repo);
    auto mixed = findings_of(result, "lock-mixed-sources");
    REQUIRE(mixed.size() == 1);
    CHECK(mixed[0].message == "`b 2` comes from https://pkgs.example.com/simple while other packages of this lock "
                              "come from PyPI: a name served by both can be taken from the wrong one (dependency "
                              "confusion)");
    auto unhashed = findings_of(result, "lock-missing-hashes");
    REQUIRE(unhashed.size() == 1);
    CHECK(unhashed[0].message.find("b-2-py3-none-any.whl") != std::string::npos);
    for (const Finding& finding : result.findings) {
        INFO(finding.rule_id << ": " << finding.message);
        CHECK(finding.message.find("s3cr3t") == std::string::npos);
        for (const Location& related : finding.related) CHECK(related.message.find("s3cr3t") == std::string::npos);
    }
}

TEST_CASE("lock-cooldown-violation names the youngest file and when the lock changed", "[rules][lock]") {
    test::TempDir repo;
    repo.write("uv.lock", std::string("version = 1\nrevision = 3\n\n"
                                      "[[package]]\nname = \"fresh\"\nversion = \"2.0\"\n"
                                      "source = { registry = \"https://pypi.org/simple\" }\n"
                                      "sdist = { url = \"https://files.pythonhosted.org/fresh-2.0.tar.gz\", hash = \"") +
                              hash + "\", upload-time = \"2025-03-08T09:00:00Z\" }\n"
                                     "wheels = [{ url = \"https://files.pythonhosted.org/fresh-2.0-py3-none-any.whl\", "
                                     "hash = \"" + hash + "\", upload-time = \"2025-03-09T10:30:00.5Z\" }]\n");
    test::git_commit_all_at(repo.path(), "lock", 1741608000);  // 2025-03-10T12:00:00Z
    ScanOptions options;
    options.source.paths = {repo.path()};
    ScanResult result = run_scan(options);
    auto findings = findings_of(result, "lock-cooldown-violation");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].message == "`fresh 2.0` was locked in the change of 2025-03-10 12:00 UTC, 25 hours after "
                                 "`fresh-2.0-py3-none-any.whl` was uploaded (2025-03-09 10:30 UTC): within the 7-day "
                                 "cooldown");
    CHECK(findings[0].location.span.begin.line == 4);
    REQUIRE(findings[0].related.size() == 1);
    CHECK(findings[0].related[0].span.begin.line == 9);
}

TEST_CASE("unhashed-requirement points at the install command", "[rules][lock]") {
    test::TempDir repo;
    repo.write(".github/workflows/ci.yml", "name: ci\non: push\npermissions: {}\njobs:\n  test:\n"
                                           "    runs-on: ubuntu-latest\n    steps:\n"
                                           "      - run: |\n          cd tools\n          pip install -r requirements-ci.txt\n");
    repo.write("tools/requirements-ci.txt", "# tools\nruff==0.6.9\nmypy==1.11.2\n");
    ScanResult result = scan_directory(repo);
    auto findings = findings_of(result, "unhashed-requirement");
    REQUIRE(findings.size() == 1);
    CHECK(findings[0].location.path == "tools/requirements-ci.txt");
    CHECK(findings[0].location.span.begin.line == 2);
    CHECK(findings[0].message == "`tools/requirements-ci.txt` has 2 pinned requirements and no `--hash` (CI installs this file): "
                                 "pip installs whatever file the index serves for each version");
    REQUIRE(findings[0].related.size() == 1);
    CHECK(findings[0].related[0].path == ".github/workflows/ci.yml");
    CHECK(findings[0].related[0].span.begin.line == 10);
}

TEST_CASE("missing-lockfile is silent for named files", "[rules][lock]") {
    test::TempDir repo;
    std::string path = repo.write("pyproject.toml", "[project]\nname = \"app\"\n\n[tool.uv]\npackage = false\n");
    NamedFilesSource source({{"pyproject.toml", path}}, "");
    ScanOptions options;
    options.use_config = false;
    ScanResult result = scan_source(source, options);
    CHECK(findings_of(result, "missing-lockfile").empty());
    test::TempDir whole;
    whole.write("pyproject.toml", "[project]\nname = \"app\"\n\n[tool.uv]\npackage = false\n");
    CHECK(findings_of(scan_directory(whole), "missing-lockfile").size() == 1);
}
