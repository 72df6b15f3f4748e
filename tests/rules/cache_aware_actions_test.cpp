#include <catch2/catch.hpp>

#include "parse/parse.hpp"
#include "rules/workflow/cache_aware_actions.hpp"

using namespace pysec;

namespace {

// Whether the first step of a one-job workflow restores a cache in runs for `events`.
std::string cache_of(const std::string& step, const std::vector<std::string>& events = {"push"}) {
    auto parsed = parse_document("w.yml", "on: push\njobs:\n  j:\n    steps:\n" + step, DocumentFormat::Yaml);
    REQUIRE_FALSE(parsed.failure);
    auto workflow = read_workflow(*parsed.document);
    REQUIRE(workflow);
    REQUIRE(workflow->jobs.size() == 1);
    REQUIRE_FALSE(workflow->jobs[0].steps.empty());
    auto use = cache_use(*parsed.document, workflow->jobs[0].steps[0], events);
    if (!use) return "off";
    return use->node->is_scalar() ? use->node->value + " / " + use->disable : "?";
}

constexpr const char* sha = "20cfd1bf945f4377ade1205e4dbc17946fc9a30d";

}  // namespace

TEST_CASE("cache-aware actions: setup-uv's default follows its major version", "[rules][cache-poisoning]") {
    auto uv = [](const std::string& version, const std::string& with = "") {
        return "      - uses: astral-sh/setup-uv@" + std::string(sha) + " # " + version + "\n" + with;
    };
    CHECK(cache_of(uv("v4.2.0")) == "off");
    CHECK(cache_of(uv("v5.4.2")).ends_with(" / enable-cache: false"));
    CHECK(cache_of(uv("v9.0.0"), {"release"}) != "off");
    CHECK(cache_of(uv("v10.0.1"), {"release"}) == "off");
    CHECK(cache_of(uv("v10.0.1"), {"release", "workflow_dispatch"}) != "off");
    CHECK(cache_of(uv("v10.0.1"), {"push"}) != "off");
    CHECK(cache_of("      - uses: astral-sh/setup-uv@" + std::string(sha) + "\n") != "off");  // unknown: v5-v9
    CHECK(cache_of(uv("v4.2.0", "        with: {enable-cache: true}\n")) == "true / enable-cache: false");
    CHECK(cache_of(uv("v6.0.0", "        with: {enable-cache: \"false\"}\n")) == "off");
    CHECK(cache_of(uv("v6.0.0", "        with: {restore-cache: false}\n")) == "off");
    CHECK(cache_of(uv("v6.0.0", "        with: {enable-cache: auto}\n")) == "auto / enable-cache: false");
    CHECK(cache_of(uv("v6.0.0", "        with: {enable-cache: \"${{ inputs.cache }}\"}\n")) == "off");
}

TEST_CASE("cache-aware actions: inputs that turn caches on and off", "[rules][cache-poisoning]") {
    CHECK(cache_of("      - uses: actions/setup-python@v5\n        with: {cache: pip}\n") == "pip / remove `cache:`");
    CHECK(cache_of("      - uses: actions/setup-python@v5\n        with: {python-version: '3.13'}\n") == "off");
    CHECK(cache_of("      - uses: actions/cache@v4\n") == "actions/cache@v4 / lookup-only: true");
    CHECK(cache_of("      - uses: actions/cache@v4\n        with: {lookup-only: true}\n") == "off");
    CHECK(cache_of("      - uses: actions/cache/save@v4\n") == "off");
    CHECK(cache_of("      - uses: actions/setup-go@v3\n") == "off");
    CHECK(cache_of("      - uses: actions/setup-go@v4\n") == "actions/setup-go@v4 / cache: false");
    CHECK(cache_of("      - uses: Swatinem/rust-cache@v2\n") == "Swatinem/rust-cache@v2 / lookup-only: true");
    CHECK(cache_of("      - uses: PyO3/maturin-action@v1\n") == "off");
    CHECK(cache_of("      - uses: actions/checkout@v4\n") == "off");
    CHECK(cache_of("      - run: echo\n") == "off");
}
