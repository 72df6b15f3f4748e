// dependabot-config-invalid and Dependabot's JSON schema (SchemaStore's
// dependabot-2.0.json) agree, entry by entry, on every fixture and on the
// corpus: the rule reports an entry exactly when the schema rejects it, except
// entries marked `dependabot-only` (valid for the schema, not for Dependabot).

#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "repo/filesystem_sources.hpp"
#include "scan/scanner.hpp"
#include "support/test_support.hpp"

using namespace pysec;
namespace fs = std::filesystem;

namespace {

std::vector<std::uint32_t> rule_lines(const std::string& repository) {
    FileSystemSource source(repository);
    ScanOptions options;
    ScanResult result = scan_source(source, options);
    std::vector<std::uint32_t> lines;
    for (const Finding& finding : result.findings) {
        if (finding.rule_id == "dependabot-config-invalid") lines.push_back(finding.location.span.begin.line);
    }
    return lines;
}

void check_agreement(const std::string& repository) {
    std::string config = repository + "/.github/dependabot.yml";
    auto verdicts = test::run_process({PYSEC_PYTHON, test::source_dir() + "/tests/tools/dependabot_schema_verdicts.py",
                                       test::shared_dir() + "/schemas/dependabot-2.0.json", config});
    REQUIRE(verdicts.exit_code == 0);
    nlohmann::json schema = nlohmann::json::parse(verdicts.out);
    std::vector<std::uint32_t> lines = rule_lines(repository);
    std::vector<bool> claimed(lines.size(), false);
    for (const auto& entry : schema["entries"]) {
        std::uint32_t first = entry["first_line"], last = entry["last_line"];
        bool reported = false;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            if (lines[i] >= first && lines[i] <= last) reported = claimed[i] = true;
        }
        INFO(config << ": the entry at lines " << first << "-" << last);
        if (entry["dependabot_only"]) {
            CHECK(entry["valid"].get<bool>());
            CHECK(reported);
        } else {
            CHECK(reported == !entry["valid"].get<bool>());
        }
    }
    bool top_reported = false;
    for (std::size_t i = 0; i < lines.size(); ++i) top_reported = top_reported || !claimed[i];
    INFO(config << ": the top level");
    CHECK(top_reported == !schema["top"]["valid"].get<bool>());
}

}  // namespace

TEST_CASE("dependabot-config-invalid agrees with Dependabot's JSON schema on every fixture", "[rules][dependabot][schema]") {
    fs::path fixtures = fs::path(test::source_dir()) / "tests" / "fixtures";
    int checked = 0;
    for (const auto& rule : fs::directory_iterator(fixtures)) {
        if (!rule.is_directory()) continue;
        for (const auto& fixture : fs::directory_iterator(rule.path())) {
            if (!fs::exists(fixture.path() / ".github" / "dependabot.yml")) continue;
            DYNAMIC_SECTION(fixture.path().lexically_relative(fixtures).string()) { check_agreement(fixture.path().string()); }
            ++checked;
        }
    }
    CHECK(checked >= 15);
}

TEST_CASE("dependabot-config-invalid agrees with the schema on the corpus", "[rules][dependabot][schema][corpus]") {
    for (const auto& repository : fs::directory_iterator(fs::path(test::shared_dir()) / "corpus")) {
        if (!fs::exists(repository.path() / ".github" / "dependabot.yml")) continue;
        DYNAMIC_SECTION(repository.path().filename().string()) { check_agreement(repository.path().string()); }
    }
}
