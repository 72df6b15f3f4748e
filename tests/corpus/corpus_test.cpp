// The real-world check: every repository of ../shared/corpus (real workflows
// and configs of popular Python projects) is scanned at the auditor persona,
// with the projects' own pysec/zizmor configs, and the findings per rule are
// compared with tests/corpus/expected.json.  Every high and medium finding in
// that file was reviewed by hand (tests/corpus/EXPECTED.md); a change in the
// counts is either a regression or a reviewed improvement, and then the file
// is regenerated with tests/corpus/update-expected.sh.

#include <filesystem>
#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "repo/filesystem_sources.hpp"
#include "scan/scanner.hpp"
#include "support/test_support.hpp"

using namespace pysec;
namespace fs = std::filesystem;

namespace {

// "rule/severity" -> count, and "parse-error" messages for valid files.
nlohmann::json counts_for(const fs::path& repository) {
    FileSystemSource source(repository.string());
    ScanOptions options;
    options.persona = Persona::Auditor;
    ScanResult result = scan_source(source, options);
    std::map<std::string, int> counts;
    for (const Finding& finding : result.findings) {
        ++counts[finding.rule_id + "/" + std::string(to_string(finding.severity))];
    }
    nlohmann::json json = nlohmann::json::object();
    for (const auto& [key, count] : counts) json[key] = count;
    return json;
}

}  // namespace

TEST_CASE("the corpus scans to the reviewed counts", "[corpus]") {
    fs::path corpus = fs::path(test::shared_dir()) / "corpus";
    REQUIRE(fs::is_directory(corpus));
    nlohmann::json expected = nlohmann::json::parse(test::read_file(test::source_dir() + "/tests/corpus/expected.json"));
    std::size_t repositories = 0;
    for (const auto& entry : fs::directory_iterator(corpus)) {
        if (!entry.is_directory()) continue;
        std::string name = entry.path().filename().string();
        ++repositories;
        DYNAMIC_SECTION(name) {
            nlohmann::json actual = counts_for(entry.path());
            INFO("regenerate with tests/corpus/update-expected.sh after reviewing the change\nactual:   "
                 << actual.dump() << "\nexpected: " << expected.value(name, nlohmann::json::object()).dump());
            CHECK(actual == expected.value(name, nlohmann::json::object()));
        }
    }
    CHECK(repositories == expected.size());
}
