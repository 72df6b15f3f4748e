// The one data-driven rule test.  Every fixture under tests/fixtures/<rule>/
// marks each finding it must produce with a trailing comment on the finding's
// first line:
//
//     - uses: actions/checkout@v4   # expect: unpinned-uses
//
// (`// expect:` in JSON files; several ids separated by commas, an id repeated
// for two findings on one line).  The test checks that the scanner reports
// exactly the marked (file, line, rule) triples, across all rules, at the
// persona a fixture asks for with `pysec-fixture: persona=<name>` (default
// regular).
//
// A fixture is a single file, classified by its name as if named on the
// command line (any YAML file that is not a known config is a workflow), or a
// directory, scanned as a repository root (it may hold .github/pysec.yml).
// A directory fixture that says `pysec-fixture: committed=<RFC 3339 time>`
// in any of its files is copied into a new git repository, committed at that
// time, and scanned as that repository's work tree (rules that read history).

#include <algorithm>
#include <filesystem>
#include <map>
#include <sstream>

#include <catch2/catch.hpp>

#include "model/lock_timestamps.hpp"
#include "repo/filesystem_sources.hpp"
#include "rules/registry.hpp"
#include "scan/scanner.hpp"
#include "support/test_support.hpp"

namespace fs = std::filesystem;
using namespace pysec;

namespace {

using Expectation = std::tuple<std::string, std::uint32_t, std::string>;  // path, line, rule

std::string_view trim_view(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.remove_suffix(1);
    return text;
}

struct FixtureSettings {
    Persona persona = Persona::Regular;
    std::optional<std::int64_t> committed;  // commit the fixture at this time
};

void collect_expectations(const std::string& display_path, const std::string& text,
                          std::vector<Expectation>& expected, FixtureSettings& settings) {
    std::istringstream lines(text);
    std::string line;
    std::uint32_t number = 0;
    while (std::getline(lines, line)) {
        ++number;
        for (std::string_view marker : {"# expect:", "// expect:"}) {
            auto at = line.find(marker);
            if (at == std::string::npos) continue;
            std::string_view list = std::string_view(line).substr(at + marker.size());
            while (!list.empty()) {
                auto comma = list.find(',');
                std::string_view id = trim_view(list.substr(0, comma));
                if (!id.empty()) expected.emplace_back(display_path, number, std::string(id));
                if (comma == std::string_view::npos) break;
                list.remove_prefix(comma + 1);
            }
        }
        if (auto at = line.find("pysec-fixture: persona="); at != std::string::npos) {
            auto name = trim_view(std::string_view(line).substr(at + 23));
            auto parsed = parse_persona(name.substr(0, name.find(' ')));
            REQUIRE(parsed);
            settings.persona = *parsed;
        }
        if (auto at = line.find("pysec-fixture: committed="); at != std::string::npos) {
            auto value = trim_view(std::string_view(line).substr(at + 25));
            settings.committed = parse_rfc3339_timestamp(value.substr(0, value.find(' ')));
            REQUIRE(settings.committed);
        }
    }
}

struct FixtureRun {
    std::vector<Expectation> expected;
    std::vector<Expectation> actual;
    std::vector<std::string> descriptions;  // of the actual findings, for failure messages
};

FixtureRun run_fixture(const fs::path& fixture) {
    FixtureRun run;
    FixtureSettings settings;
    std::unique_ptr<Source> source;
    std::unique_ptr<test::TempDir> repository;
    ScanOptions options;
    if (fs::is_directory(fixture)) {
        for (const auto& entry : fs::recursive_directory_iterator(fixture)) {
            if (!entry.is_regular_file()) continue;
            std::string relative = entry.path().lexically_relative(fixture).generic_string();
            collect_expectations(relative, test::read_file(entry.path().string()), run.expected, settings);
        }
        if (settings.committed) {
            repository = std::make_unique<test::TempDir>();
            fs::copy(fixture, repository->path(), fs::copy_options::recursive);
            test::git_commit_all_at(repository->path(), "fixture", *settings.committed);
            Notices notices;
            source = open_source(SourceRequest{{repository->path()}, std::nullopt, false}, notices);
        } else {
            source = std::make_unique<FileSystemSource>(fixture.string());
        }
    } else {
        std::string name = fixture.filename().string();
        collect_expectations(name, test::read_file(fixture.string()), run.expected, settings);
        source = std::make_unique<NamedFilesSource>(std::vector<NamedFile>{{name, fixture.string()}}, "");
        options.use_config = false;
    }
    options.persona = settings.persona;
    ScanResult result = scan_source(*source, options);
    for (const Finding& finding : result.findings) {
        run.actual.emplace_back(finding.location.path, finding.location.span.begin.line, finding.rule_id);
        run.descriptions.push_back(finding.location.path + ":" + std::to_string(finding.location.span.begin.line) +
                                   ":" + std::to_string(finding.location.span.begin.column) + " " + finding.rule_id +
                                   ": " + finding.message);
    }
    std::sort(run.expected.begin(), run.expected.end());
    std::sort(run.actual.begin(), run.actual.end());
    return run;
}

std::string describe(const std::vector<Expectation>& items) {
    std::string text;
    for (const auto& [path, line, rule] : items) text += "  " + path + ":" + std::to_string(line) + " " + rule + "\n";
    return text.empty() ? "  (none)\n" : text;
}

std::vector<fs::path> all_fixtures() {
    std::vector<fs::path> fixtures;
    fs::path root = fs::path(test::source_dir()) / "tests" / "fixtures";
    for (const auto& rule_dir : fs::directory_iterator(root)) {
        if (!rule_dir.is_directory()) continue;
        for (const auto& fixture : fs::directory_iterator(rule_dir)) {
            if (fixture.path().filename() == "README.md") continue;
            fixtures.push_back(fixture.path());
        }
    }
    std::sort(fixtures.begin(), fixtures.end());
    return fixtures;
}

}  // namespace

TEST_CASE("every fixture produces exactly the findings it marks", "[rules][fixtures]") {
    std::vector<fs::path> fixtures = all_fixtures();
    REQUIRE(fixtures.size() > 10);
    for (const fs::path& fixture : fixtures) {
        std::string name = fixture.lexically_relative(fs::path(test::source_dir()) / "tests" / "fixtures").string();
        DYNAMIC_SECTION(name) {
            FixtureRun run = run_fixture(fixture);
            std::string findings;
            for (const auto& line : run.descriptions) findings += "  " + line + "\n";
            INFO("fixture " << name << "\nexpected:\n" << describe(run.expected) << "actual:\n" << findings);
            CHECK(run.actual == run.expected);
        }
    }
}

TEST_CASE("every rule has fixtures that trigger it and near misses that must not", "[rules][fixtures]") {
    fs::path root = fs::path(test::source_dir()) / "tests" / "fixtures";
    auto mentions = [](const fs::path& fixture, const std::string& rule) {
        std::vector<fs::path> files;
        if (fs::is_directory(fixture)) {
            for (const auto& entry : fs::recursive_directory_iterator(fixture)) {
                if (entry.is_regular_file()) files.push_back(entry.path());
            }
        } else {
            files.push_back(fixture);
        }
        for (const auto& file : files) {
            if (test::read_file(file.string()).find("expect: " + rule) != std::string::npos) return true;
        }
        return false;
    };
    for (const auto& rule : all_rules()) {
        std::string id(rule->info().id);
        INFO("rule " << id << ": needs tests/fixtures/" << id << "/ with a README.md, a fixture marked "
                     << "`expect: " << id << "`, and an ok-* near miss without one");
        REQUIRE(fs::is_directory(root / id));
        CHECK(fs::exists(root / id / "README.md"));
        bool triggers = false;
        bool near_miss = false;
        for (const auto& fixture : fs::directory_iterator(root / id)) {
            bool marked = mentions(fixture.path(), id);
            triggers = triggers || marked;
            if (fixture.path().filename().string().starts_with("ok-") && !marked) near_miss = true;
        }
        CHECK(triggers);
        CHECK(near_miss);
    }
}
