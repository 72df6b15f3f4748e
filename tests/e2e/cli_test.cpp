// The `pysec` binary as users run it: arguments, exit status, formats, files.

#include <filesystem>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "rules/registry.hpp"
#include "support/test_support.hpp"

using namespace pysec;
namespace fs = std::filesystem;
using test::run_pysec;

namespace {

constexpr const char* unpinned_workflow =
    "name: ci\non: push\npermissions: {}\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n"
    "      - uses: actions/checkout@v4\n        with: {persist-credentials: false}\n      - run: pytest\n"
    "      - run: uvx zizmor@1.14.2 .\n"  // audited, so no no-workflow-audit finding
    "concurrency:\n  group: ci\n  cancel-in-progress: true\n";
// A job that audits the workflows (no-workflow-audit) and does nothing else.
constexpr const char* audit_job = "  audit:\n    runs-on: ubuntu-latest\n    steps:\n      - run: uvx zizmor@1.14.2 .\n";
// The github-actions entry keeps dependabot-coverage quiet; only the pip entry lacks a cooldown.
constexpr const char* dependabot_without_cooldown =
    "version: 2\nupdates:\n  - package-ecosystem: pip\n    directory: /\n    schedule: {interval: weekly}\n"
    "  - package-ecosystem: github-actions\n    directory: /\n    schedule: {interval: weekly}\n"
    "    cooldown: {default-days: 7}\n";

// A committed repository with one high (unpinned-uses) and one medium finding.
std::string make_repository(const test::TempDir& directory) {
    directory.write(".github/workflows/ci.yml", unpinned_workflow);
    directory.write(".github/dependabot.yml", dependabot_without_cooldown);
    return test::git_commit_all(directory.path(), "initial");
}

nlohmann::json scan_json(const std::vector<std::string>& arguments, int expected_exit = 0) {
    std::vector<std::string> full = {"scan", "--format", "json", "--fail-on", "never"};
    full.insert(full.end(), arguments.begin(), arguments.end());
    auto result = run_pysec(full);
    INFO(result.err);
    REQUIRE(result.exit_code == expected_exit);
    return nlohmann::json::parse(result.out);
}

}  // namespace

TEST_CASE("cli: --version, rules, and usage errors", "[e2e][cli]") {
    auto version = run_pysec({"--version"});
    CHECK(version.exit_code == 0);
    CHECK_THAT(version.out, Catch::StartsWith("pysec " PYSEC_VERSION));

    auto rules = run_pysec({"rules"});
    CHECK(rules.exit_code == 0);
    for (const auto& rule : all_rules()) CHECK_THAT(rules.out, Catch::Contains(std::string(rule->info().id)));

    auto doc = run_pysec({"rules", "unpinned-uses"});
    CHECK(doc.exit_code == 0);
    for (const char* heading : {"What it finds", "Why it matters", "How to fix", "Example"}) {
        CHECK_THAT(doc.out, Catch::Contains(heading));
    }
    CHECK(run_pysec({"rules", "no-such-rule"}).exit_code == 2);
    CHECK(run_pysec({}).exit_code == 2);
    CHECK(run_pysec({"scan", "--format", "xml"}).exit_code == 2);
    CHECK(run_pysec({"scan", "--fail-on", "critical"}).exit_code == 2);
    CHECK(run_pysec({"scan", "--config", "x.yml", "--no-config"}).exit_code == 2);
    auto missing = run_pysec({"scan", "/no/such/path"});
    CHECK(missing.exit_code == 2);
    CHECK_THAT(missing.err, Catch::Contains("no such file or directory"));
    CHECK(run_pysec({"scan", "--help"}).exit_code == 0);
}

TEST_CASE("cli: exit status follows --fail-on and the highest shown severity", "[e2e][cli]") {
    test::TempDir repo;
    make_repository(repo);
    CHECK(run_pysec({"scan", repo.path()}).exit_code == 14);
    CHECK(run_pysec({"scan", repo.path(), "--fail-on", "never"}).exit_code == 0);
    CHECK(run_pysec({"scan", repo.path(), "--fail-on", "high"}).exit_code == 14);
    // Only the medium finding left: below --fail-on high, at --fail-on medium.
    auto medium = run_pysec({"scan", repo.path() + "/.github/dependabot.yml", "--fail-on", "high"});
    CHECK(medium.exit_code == 0);
    CHECK(run_pysec({"scan", repo.path() + "/.github/dependabot.yml"}).exit_code == 13);
    CHECK(run_pysec({"scan", repo.path(), "--min-severity", "high", "--fail-on", "medium"}).exit_code == 14);
    CHECK(run_pysec({"scan", repo.path() + "/.github/dependabot.yml", "--fail-on", "low"}).exit_code == 13);
    test::TempDir clean;
    clean.write(".github/workflows/ci.yml",
                std::string("name: ci\non: push\npermissions: {}\nconcurrency: {group: ci, cancel-in-progress: true}\n"
                            "jobs:\n") + audit_job);
    test::git_commit_all(clean.path(), "clean");
    auto ok = run_pysec({"scan", clean.path()});
    CHECK(ok.exit_code == 0);
    CHECK(ok.out == "No findings in 1 file; 0 ignored, 0 suppressed\n");
}

TEST_CASE("cli: the current directory is scanned by default", "[e2e][cli]") {
    test::TempDir repo;
    make_repository(repo);
    test::ProcessOptions options;
    options.cwd = repo.path() + "/.github";
    auto result = run_pysec({"scan", "--fail-on", "never"}, options);
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.out, Catch::Contains(".github/workflows/ci.yml:8:15: high unpinned-uses"));
}

TEST_CASE("cli: JSON report has the documented shape", "[e2e][cli]") {
    test::TempDir repo;
    make_repository(repo);
    nlohmann::json report = scan_json({repo.path()});
    CHECK(report["version"] == 1);
    REQUIRE(report["findings"].size() == 2);
    const auto& first = report["findings"][0];
    CHECK(first["rule"] == "dependabot-cooldown");
    CHECK(first["path"] == ".github/dependabot.yml");
    CHECK(first["line"] == 3);
    CHECK(first["column"] == 24);
    CHECK(first["end_line"] == 3);
    CHECK(first["end_column"] == 27);
    CHECK(first["severity"] == "medium");
    CHECK(first["confidence"] == "high");
    CHECK(first["persona"] == "regular");
    CHECK(first["fingerprint"].get<std::string>().size() == 16);
    CHECK(first["related"].is_array());
    const auto& second = report["findings"][1];
    CHECK(second["rule"] == "unpinned-uses");
    CHECK(second["path"] == ".github/workflows/ci.yml");
    CHECK(second["line"] == 8);
    CHECK(second["column"] == 15);
    CHECK(report["summary"]["total"] == 2);
    CHECK(report["summary"]["by_severity"]["high"] == 1);
    CHECK(report["summary"]["highest_severity"] == "high");
    CHECK(report["summary"]["files_scanned"] == 2);
}

TEST_CASE("cli: --output writes the report to a file", "[e2e][cli]") {
    test::TempDir repo;
    make_repository(repo);
    std::string output = repo.path() + "/report.sarif";
    auto result = run_pysec({"scan", repo.path(), "--format", "sarif", "--output", output, "--fail-on", "never"});
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
    auto sarif = nlohmann::json::parse(test::read_file(output));
    CHECK(sarif["version"] == "2.1.0");
    CHECK(sarif["runs"][0]["results"].size() == 2);
}

TEST_CASE("cli: --rev scans an older commit without a checkout", "[e2e][cli]") {
    test::TempDir repo;
    repo.write(".github/workflows/ci.yml", std::string("on: pull_request_target\npermissions: {}\njobs:\n") + audit_job);
    test::git_commit_all(repo.path(), "dangerous");
    repo.write(".github/workflows/ci.yml", std::string("on: pull_request\npermissions: {}\njobs:\n") + audit_job);
    test::git_commit_all(repo.path(), "fixed");
    auto current = scan_json({repo.path()});
    INFO(current.dump(2));
    CHECK(current["findings"].empty());
    auto old = scan_json({repo.path(), "--rev", "HEAD~1"});
    INFO(old.dump(2));
    REQUIRE(old["findings"].size() == 1);
    CHECK(old["findings"][0]["rule"] == "dangerous-triggers");
    CHECK_THAT(old["source"].get<std::string>(), Catch::Contains("(HEAD~1)"));
    auto bad = run_pysec({"scan", repo.path(), "--rev", "nope"});
    CHECK(bad.exit_code == 2);
    CHECK_THAT(bad.err, Catch::Contains("cannot resolve revision 'nope'"));
}

TEST_CASE("cli: the config disables, ignores and configures rules", "[e2e][cli]") {
    test::TempDir repo;
    make_repository(repo);
    repo.write(".github/pysec.yml",
               "rules:\n  unpinned-uses:\n    ignore: [ci.yml:8]\n  dependabot-cooldown:\n    disable: true\n");
    nlohmann::json report = scan_json({repo.path()});
    CHECK(report["findings"].empty());
    CHECK(report["summary"]["ignored"] == 1);
    CHECK(scan_json({repo.path(), "--no-config"})["findings"].size() == 2);

    std::string other = repo.write("elsewhere.yml", "rules:\n  unpinned-uses:\n    disable: true\n");
    CHECK(scan_json({repo.path(), "--config", other})["findings"].size() == 1);

    repo.write(".github/pysec.yml", "rules:\n  unpinned-uses:\n    config: {policies: {'*': sometimes}}\n");
    auto invalid = run_pysec({"scan", repo.path()});
    CHECK(invalid.exit_code == 2);
    CHECK_THAT(invalid.err, Catch::Contains("invalid policy 'sometimes'"));
    repo.write(".github/pysec.yml", "rules: [\n");
    auto broken = run_pysec({"scan", repo.path()});
    CHECK(broken.exit_code == 2);
    CHECK_THAT(broken.err, Catch::Contains(".github/pysec.yml:"));
}

TEST_CASE("cli: zizmor.yml is honoured when there is no pysec config", "[e2e][cli]") {
    test::TempDir repo;
    make_repository(repo);
    repo.write(".github/zizmor.yml",
               "rules:\n  unpinned-uses:\n    config:\n      policies:\n        actions/*: ref-pin\n"
               "  template-injection:\n    disable: true\n");
    nlohmann::json report = scan_json({repo.path()});
    REQUIRE(report["findings"].size() == 1);
    CHECK(report["findings"][0]["rule"] == "dependabot-cooldown");
    repo.write(".github/pysec.yml", "rules: {}\n");
    CHECK(scan_json({repo.path()})["findings"].size() == 2);
}

TEST_CASE("cli: inline ignore comments from pysec and zizmor", "[e2e][cli]") {
    test::TempDir repo;
    repo.write(".github/workflows/ci.yml",
               "on: push\njobs:\n  t:\n    steps:\n      - uses: a/b@v1  # pysec: ignore[unpinned-uses]\n"
               "      - uses: c/d@v1  # zizmor: ignore[unpinned-uses]\n      - uses: e/f@v1  # pysec: ignore[other]\n"
               "      - run: uvx zizmor@1.14.2 .\n"
               "permissions: {}\n");
    repo.write(".github/renovate.json", "{\"minimumReleaseAge\": \"7 days\"}\n");  // an update bot: no no-update-bot
    test::git_commit_all(repo.path(), "ignores");
    nlohmann::json report = scan_json({repo.path()});
    REQUIRE(report["findings"].size() == 1);
    CHECK(report["findings"][0]["line"] == 7);
    CHECK(report["summary"]["ignored"] == 2);
}

TEST_CASE("cli: thresholds and personas suppress and count", "[e2e][cli]") {
    test::TempDir repo;
    make_repository(repo);
    nlohmann::json report = scan_json({repo.path(), "--min-severity", "high"});
    CHECK(report["findings"].size() == 1);
    CHECK(report["summary"]["suppressed"] == 1);
    CHECK(scan_json({repo.path(), "--min-confidence", "high"})["findings"].size() == 2);
    CHECK(scan_json({repo.path(), "--persona", "auditor"})["findings"].size() == 2);
}

TEST_CASE("cli: a broken file is one finding and the scan goes on", "[e2e][cli]") {
    test::TempDir repo;
    make_repository(repo);
    repo.write(".github/workflows/broken.yml", "on: [push\n");
    repo.write("pyproject.toml", "[project\n");
    repo.write("uv.lock", std::string(4096, 'x'));
    test::git_commit_all(repo.path(), "broken");
    auto result = run_pysec({"scan", repo.path(), "--format", "json", "--fail-on", "never", "--max-file-size", "2KiB"});
    REQUIRE(result.exit_code == 0);
    nlohmann::json report = nlohmann::json::parse(result.out);
    std::map<std::string, std::string> by_path;
    for (const auto& finding : report["findings"]) {
        if (finding["rule"] == "parse-error") by_path[finding["path"]] = finding["message"];
    }
    CHECK(by_path.size() == 3);
    CHECK_THAT(by_path["uv.lock"], Catch::Contains("file is 4.0 KiB, over the 2.0 KiB size limit"));
    CHECK(by_path.count(".github/workflows/broken.yml"));
    CHECK(by_path.count("pyproject.toml"));
    CHECK(report["summary"]["by_severity"]["high"] == 1);  // the unpinned action is still found
    CHECK_THAT(result.err, Catch::Contains("skipped uv.lock"));
}

TEST_CASE("cli: symlinks are skipped with a notice", "[e2e][cli]") {
    test::TempDir repo;
    test::TempDir outside;
    outside.write("ci.yml", unpinned_workflow);
    fs::create_directories(fs::path(repo.path()) / ".github" / "workflows");
    fs::create_symlink(outside.path() + "/ci.yml", fs::path(repo.path()) / ".github/workflows/ci.yml");
    test::git_commit_all(repo.path(), "link");
    auto result = run_pysec({"scan", repo.path()});
    CHECK(result.exit_code == 0);
    CHECK_THAT(result.err, Catch::Contains("skipped .github/workflows/ci.yml: a symlink"));
}

TEST_CASE("cli: named files are classified by name", "[e2e][cli]") {
    test::TempDir directory;
    std::string workflow = directory.write("anything.yaml", unpinned_workflow);
    std::string bot = directory.write("dependabot.yml", dependabot_without_cooldown);
    nlohmann::json report = scan_json({workflow, bot});
    REQUIRE(report["findings"].size() == 2);
    auto unknown = run_pysec({"scan", directory.write("notes.md", "# hi\n")});
    CHECK(unknown.exit_code == 2);
    CHECK_THAT(unknown.err, Catch::Contains("not a file pysec knows how to audit"));
}

TEST_CASE("cli: text output is coloured on a terminal, unless NO_COLOR or a file", "[e2e][cli]") {
    test::TempDir repo;
    make_repository(repo);
    test::ProcessOptions colour;
    colour.env["NO_COLOR"] = std::nullopt;
    auto terminal = test::run_pysec_in_terminal({"scan", repo.path()}, colour);
    CHECK(terminal.exit_code == 14);
    CHECK_THAT(terminal.out, Catch::Contains("\x1b[1;31mhigh\x1b[0m"));

    auto piped = run_pysec({"scan", repo.path()}, colour);
    CHECK(piped.out.find('\x1b') == std::string::npos);
    CHECK_THAT(piped.out, Catch::Contains("   = help: pysec rules unpinned-uses"));

    test::ProcessOptions no_color;
    no_color.env["NO_COLOR"] = "1";
    CHECK(test::run_pysec_in_terminal({"scan", repo.path()}, no_color).out.find('\x1b') == std::string::npos);
    test::ProcessOptions dumb = colour;
    dumb.env["TERM"] = "dumb";
    CHECK(test::run_pysec_in_terminal({"scan", repo.path()}, dumb).out.find('\x1b') == std::string::npos);
    std::string file = repo.path() + "/report.txt";
    test::run_pysec_in_terminal({"scan", repo.path(), "--output", file}, colour);
    CHECK(test::read_file(file).find('\x1b') == std::string::npos);
}

TEST_CASE("cli: owner validation is relaxed only inside GitHub Actions", "[e2e][cli]") {
    if (::geteuid() != 0) {
        WARN("needs root to give the repository to another uid");
        return;
    }
    test::TempDir repo;
    make_repository(repo);
    for (const auto& entry : fs::recursive_directory_iterator(repo.path())) {
        REQUIRE(::lchown(entry.path().c_str(), 1001, 1001) == 0);
    }
    REQUIRE(::chown(repo.path().c_str(), 1001, 1001) == 0);
    auto local = run_pysec({"scan", repo.path(), "--format", "json", "--fail-on", "never"});
    CHECK_THAT(local.err, Catch::Contains("cannot open the git repository at " + repo.path() +
                                          ": it is owned by another user"));
    test::ProcessOptions actions;
    actions.env["GITHUB_ACTIONS"] = "true";
    auto in_actions = run_pysec({"scan", repo.path(), "--format", "json", "--fail-on", "never"}, actions);
    CHECK(in_actions.err.empty());
    CHECK_THAT(nlohmann::json::parse(in_actions.out)["source"].get<std::string>(),
               Catch::StartsWith("git work tree"));
}

TEST_CASE("docs/rules.md is what `pysec rules --markdown` prints", "[e2e][cli][docs]") {
    auto result = run_pysec({"rules", "--markdown"});
    REQUIRE(result.exit_code == 0);
    INFO("regenerate with: build/pysec rules --markdown > docs/rules.md");
    CHECK(result.out == test::read_file(test::source_dir() + "/docs/rules.md"));
}
