#include <catch2/catch.hpp>

#include "config/scan_config.hpp"

using namespace pysec;

TEST_CASE("ignore entries: file, file:line, file:line:column", "[config]") {
    auto plain = parse_ignore_entry("ci.yml");
    CHECK(plain.file == "ci.yml");
    CHECK_FALSE(plain.line);
    auto line = parse_ignore_entry(".github/workflows/ci.yml:12");
    CHECK(line.file == ".github/workflows/ci.yml");
    CHECK(line.line == 12u);
    auto column = parse_ignore_entry("ci.yml:12:7");
    CHECK(column.line == 12u);
    CHECK(column.column == 7u);
    CHECK(parse_ignore_entry("c:\\odd:name").file == "c:\\odd:name");
}

TEST_CASE("ignore entries match by path, suffix or file name, and line range", "[config]") {
    auto entry = parse_ignore_entry("ci.yml:12");
    CHECK(ignore_matches(entry, ".github/workflows/ci.yml", 12, 12, 5));
    CHECK(ignore_matches(entry, ".github/workflows/ci.yml", 10, 14, 5));
    CHECK_FALSE(ignore_matches(entry, ".github/workflows/ci.yml", 13, 13, 5));
    CHECK_FALSE(ignore_matches(entry, ".github/workflows/xci.yml", 12, 12, 5));
    CHECK(ignore_matches(parse_ignore_entry("workflows/ci.yml"), ".github/workflows/ci.yml", 1, 1, 1));
    CHECK(ignore_matches(parse_ignore_entry("ci.yml:3:9"), "ci.yml", 3, 3, 9));
    CHECK_FALSE(ignore_matches(parse_ignore_entry("ci.yml:3:9"), "ci.yml", 3, 3, 8));
}

TEST_CASE("a pysec config is read strictly", "[config]") {
    Notices notices;
    ScanConfig config(".github/pysec.yml",
                      "rules:\n  unpinned-uses:\n    disable: true\n  dangerous-triggers:\n    ignore: [a.yml:3]\n"
                      "  dependabot-cooldown:\n    config: {days: 10}\n  no-such-rule:\n    disable: true\n",
                      ScanConfig::Origin::Pysec, notices);
    CHECK(config.rule("unpinned-uses")->disabled);
    CHECK(config.rule("dangerous-triggers")->ignore.size() == 1);
    CHECK(config.rule("dependabot-cooldown")->config->get("days")->as_int() == 10);
    CHECK(config.rule("parse-error") == nullptr);
    REQUIRE(notices.messages().size() == 1);
    CHECK_THAT(notices.messages()[0], Catch::Contains("unknown rule 'no-such-rule'"));

    for (std::string bad : {"rules: [a]\n", "rulez: {}\n", "rules:\n  unpinned-uses:\n    disable: maybe\n",
                            "rules:\n  unpinned-uses:\n    ignore: a.yml\n", "rules:\n  unpinned-uses:\n    nope: 1\n",
                            "rules: {unpinned-uses: {disable: true}\n"}) {
        INFO(bad);
        Notices ignored;
        CHECK_THROWS_AS(ScanConfig(".github/pysec.yml", bad, ScanConfig::Origin::Pysec, ignored), ConfigError);
    }
}

TEST_CASE("a zizmor config is honoured leniently", "[config]") {
    Notices notices;
    ScanConfig config("zizmor.yml", "rules:\n  template-injection:\n    disable: true\n  unpinned-uses:\n    ignore: [x.yml]\n",
                      ScanConfig::Origin::Zizmor, notices);
    CHECK(config.rule("unpinned-uses")->ignore.size() == 1);
    CHECK(notices.messages().empty());
    Notices broken_notices;
    ScanConfig broken("zizmor.yml", "rules: [", ScanConfig::Origin::Zizmor, broken_notices);
    CHECK(broken.rule("unpinned-uses") == nullptr);
    CHECK(broken_notices.messages().size() == 1);
}
