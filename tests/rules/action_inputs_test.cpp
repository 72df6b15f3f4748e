#include <catch2/catch.hpp>

#include "parse/parse.hpp"
#include "rules/workflow/action_inputs.hpp"

using namespace pysec;

namespace {

std::optional<ActionVersion> version_of_step(const std::string& uses_line) {
    auto parsed = parse_document("w.yml", "steps:\n  - uses: " + uses_line + "\n", DocumentFormat::Yaml);
    REQUIRE_FALSE(parsed.failure);
    const Node* uses = parsed.document->root()->get("steps")->items[0]->get("uses");
    REQUIRE(uses);
    UsesReference reference = parse_uses(uses->value);
    return action_version(*parsed.document, *uses, reference);
}

std::string shown(const std::optional<ActionVersion>& version) {
    if (!version) return "none";
    std::string text = std::to_string(version->major);
    if (version->minor) text += "." + std::to_string(*version->minor);
    if (version->patch) text += "." + std::to_string(*version->patch);
    return text;
}

const Node* value_of(const ParsedFile& parsed, std::string_view key) {
    REQUIRE_FALSE(parsed.failure);
    return parsed.document->root()->get(key);
}

}  // namespace

TEST_CASE("action versions come from the ref or the comment after a SHA", "[rules][action-inputs]") {
    CHECK(shown(version_of_step("astral-sh/setup-uv@v6")) == "6");
    CHECK(shown(version_of_step("astral-sh/setup-uv@v6.1.0")) == "6.1.0");
    CHECK(shown(version_of_step("\"actions/upload-artifact@v4.3\"")) == "4.3");
    CHECK(shown(version_of_step("pypa/gh-action-pypi-publish@release/v1")) == "1");
    CHECK(shown(version_of_step("astral-sh/setup-uv@20cfd1bf945f4377ade1205e4dbc17946fc9a30d # v10.0.1")) ==
          "10.0.1");
    CHECK(shown(version_of_step("astral-sh/setup-uv@20cfd1bf945f4377ade1205e4dbc17946fc9a30d  #v5")) == "5");
    CHECK(shown(version_of_step("astral-sh/setup-uv@20cfd1bf945f4377ade1205e4dbc17946fc9a30d # tag=v7.2.0")) ==
          "7.2.0");
    CHECK(shown(version_of_step("astral-sh/setup-uv@20cfd1bf945f4377ade1205e4dbc17946fc9a30d # pin @v6")) == "6");
    CHECK(shown(version_of_step("astral-sh/setup-uv@20cfd1bf945f4377ade1205e4dbc17946fc9a30d")) == "none");
    CHECK(shown(version_of_step("astral-sh/setup-uv@20cfd1bf945f4377ade1205e4dbc17946fc9a30d # 2024 fix")) ==
          "none");
    CHECK(shown(version_of_step("actions/checkout@main")) == "none");
    CHECK(shown(version_of_step("actions/checkout@a81bbbf")) == "none");
    CHECK(shown(version_of_step("actions/checkout")) == "none");
}

TEST_CASE("boolean and constant inputs read as the action reads them", "[rules][action-inputs]") {
    auto parsed = parse_document("w.yml",
                                 "a: false\nb: \"false\"\nc: TRUE\nd: ${{ false }}\ne: ${{ inputs.x }}\n"
                                 "f: yes\ng: ${{ 'pip' }}\nh: pip-${{ matrix.x }}\n",
                                 DocumentFormat::Yaml);
    CHECK(boolean_input(value_of(parsed, "a")) == false);
    CHECK(boolean_input(value_of(parsed, "b")) == false);
    CHECK(boolean_input(value_of(parsed, "c")) == true);
    CHECK(boolean_input(value_of(parsed, "d")) == false);
    CHECK_FALSE(boolean_input(value_of(parsed, "e")));
    CHECK_FALSE(boolean_input(value_of(parsed, "f")));
    CHECK_FALSE(boolean_input(nullptr));
    CHECK(constant_input(value_of(parsed, "g")) == "pip");
    CHECK_FALSE(constant_input(value_of(parsed, "h")));
    CHECK(has_template_expression(value_of(parsed, "h")));
    CHECK_FALSE(has_template_expression(value_of(parsed, "a")));
}

TEST_CASE("exact tool versions", "[rules][action-inputs]") {
    for (const char* exact : {"0.8.3", "v0.57.1", "==0.8.3", "1.2.3-rc1", "490.0.0", "2"}) {
        INFO(exact);
        CHECK(is_exact_version(exact));
    }
    for (const char* loose : {"", "latest", "*", "0.5.x", ">=1", "^1.2", "~1.2", "1.", "v", "stable", "1.2 || 2"}) {
        INFO(loose);
        CHECK_FALSE(is_exact_version(loose));
    }
}

TEST_CASE("an input that is one context expression", "[rules][action-inputs]") {
    CHECK(sole_context("${{ github.sha }}") == "github.sha");
    CHECK(sole_context("  ${{github.Workspace}} ") == "github.workspace");
    CHECK(sole_context("${{ matrix.uv }}") == "matrix.uv");
    CHECK_FALSE(sole_context("v${{ matrix.uv }}"));
    CHECK_FALSE(sole_context("${{ format('{0}', github.sha) }}"));
    CHECK_FALSE(sole_context("${{ 'x' }}"));
    CHECK_FALSE(sole_context("github.sha"));
    CHECK_FALSE(sole_context("${{ a }}${{ b }}"));
}
