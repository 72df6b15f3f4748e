#include <catch2/catch.hpp>

#include "parse/parse.hpp"
#include "rules/dependabot/renovate_duration.hpp"
#include "rules/dependabot/renovate_release_age.hpp"
#include "support/test_support.hpp"

using namespace pysec;

TEST_CASE("Renovate durations are read as Renovate's toMs reads them", "[rules][renovate]") {
    struct Case {
        std::string text;
        std::optional<double> days;
    };
    std::vector<Case> cases = {
        {"7 days", 7},        {"7days", 7},          {"1 week", 7},     {"2 weeks", 14},    {"72 hours", 3},
        {"24h", 1},           {"3 Days", 3},         {"3 DAYS", 3},     {"1 week 2 days", 9}, {"2 months", 60},
        {"1 M", 30},          {"1 year", 365.25},    {"1.5 days", 1.5}, {".5 days", 0.5},   {"0 days", 0},
        {"-1 days", -1},      {"1440 minutes", 1},   {"7 dias", std::nullopt},             {"P7D", std::nullopt},
        {"", std::nullopt},   {"5. days", std::nullopt}, {"1 week, 2 days", std::nullopt}, {"seven days", std::nullopt},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        auto days = renovate_duration_days(c.text);
        REQUIRE(days.has_value() == c.days.has_value());
        if (days) CHECK(*days == Approx(*c.days));
    }
    // A bare number is milliseconds.
    CHECK(*renovate_duration_days("3") == Approx(3.0 / 86'400'000));
}

namespace {

struct Config {
    ParsedFile parsed;
    explicit Config(std::string text) : parsed(parse_document("renovate.json5", std::move(text), DocumentFormat::Json5)) {
        REQUIRE_FALSE(parsed.failure);
    }
    const Node& root() const { return *parsed.document->root(); }
};

}  // namespace

TEST_CASE("Renovate release age: top level, manager objects, packageRules in order", "[rules][renovate]") {
    Config top("{minimumReleaseAge: '7 days'}");
    auto setting = effective_release_age(top.root(), RenovateTarget::Pypi);
    CHECK(setting.state == ReleaseAgeSetting::State::Set);
    CHECK(setting.days == 7);

    Config rules("{minimumReleaseAge: '7 days', packageRules: ["
                 "{matchDatasources: ['pypi'], minimumReleaseAge: '1 day'},"
                 "{matchManagers: ['github-actions'], matchUpdateTypes: ['major', 'minor', 'patch'], minimumReleaseAge: '14 days'},"
                 "{matchPackageNames: ['requests'], minimumReleaseAge: null},"
                 "{matchPackageNames: ['*'], matchCategories: ['ci'], minimumReleaseAge: '10 days'},"
                 "]}");
    CHECK(effective_release_age(rules.root(), RenovateTarget::Pypi).days == 1);
    CHECK(effective_release_age(rules.root(), RenovateTarget::GithubActions).days == 10);

    Config manager("{'github-actions': {minimumReleaseAge: '3 days'}, pep621: {minimumReleaseAge: '9 days'}}");
    CHECK(effective_release_age(manager.root(), RenovateTarget::GithubActions).days == 3);
    CHECK(effective_release_age(manager.root(), RenovateTarget::Pypi).days == 9);

    Config patterns("{packageRules: [{matchDatasources: ['/^py/'], minimumReleaseAge: '8 days'},"
                    "{matchManagers: ['!npm'], minimumReleaseAge: '2 days'}]}");
    CHECK(effective_release_age(patterns.root(), RenovateTarget::Pypi).days == 2);

    Config cleared("{minimumReleaseAge: '7 days', packageRules: [{matchDatasources: ['pypi'], minimumReleaseAge: null}]}");
    auto none = effective_release_age(cleared.root(), RenovateTarget::Pypi);
    CHECK(none.state == ReleaseAgeSetting::State::Unset);
    CHECK(none.value != nullptr);

    Config legacy("{stabilityDays: 5}");
    CHECK(effective_release_age(legacy.root(), RenovateTarget::Pypi).days == 5);

    Config unreadable("{minimumReleaseAge: 7}");
    CHECK(effective_release_age(unreadable.root(), RenovateTarget::Pypi).state == ReleaseAgeSetting::State::Unreadable);
}

TEST_CASE("Renovate: enabled managers and presets", "[rules][renovate]") {
    Config enabled("{enabledManagers: ['github-actions', 'cargo']}");
    CHECK(renovate_updates(enabled.root(), RenovateTarget::GithubActions));
    CHECK_FALSE(renovate_updates(enabled.root(), RenovateTarget::Pypi));
    Config disabled("{'github-actions': {enabled: false}}");
    CHECK_FALSE(renovate_updates(disabled.root(), RenovateTarget::GithubActions));

    Config presets("{extends: ['config:best-practices', ':dependencyDashboard', 'github>acme/renovate', "
                   "'local>acme/config', 'mypreset', 'schedule:weekly', 'customManagers:githubActionsVersions', "
                   "'helpers:pinGitHubActionDigests(x)']}");
    std::vector<std::string> external;
    for (const Node* preset : external_presets(presets.root())) external.push_back(preset->value);
    CHECK(external == std::vector<std::string>{"github>acme/renovate", "local>acme/config", "mypreset"});
    CHECK(builtin_preset_release_age("config:best-practices"));
    CHECK_FALSE(builtin_preset_release_age("config:recommended"));
}

TEST_CASE("Renovate: uv's real config leaves Python to no manager and GitHub Actions to its preset",
          "[rules][renovate][corpus]") {
    Config uv(test::read_file(test::shared_dir() + "/corpus/astral-sh__uv/.github/renovate.json5"));
    CHECK_FALSE(renovate_updates(uv.root(), RenovateTarget::Pypi));
    CHECK(renovate_updates(uv.root(), RenovateTarget::GithubActions));
    // Only the MSRV rule sets an age, for one custom dependency: nothing for GitHub Actions as a whole.
    CHECK(effective_release_age(uv.root(), RenovateTarget::GithubActions).state == ReleaseAgeSetting::State::Unset);
    REQUIRE(external_presets(uv.root()).size() == 1);
    CHECK(external_presets(uv.root())[0]->value == "github>astral-sh/renovate-config");
}
