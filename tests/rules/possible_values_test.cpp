#include <algorithm>

#include <catch2/catch.hpp>

#include "parse/parse.hpp"
#include "rules/workflow/possible_values.hpp"

using namespace pysec;

namespace {

struct Parsed {
    ParsedFile file;
    Workflow workflow;
};

Parsed parse_workflow(const std::string& text) {
    Parsed parsed{parse_document("w.yml", text, DocumentFormat::Yaml), {}};
    REQUIRE_FALSE(parsed.file.failure);
    auto workflow = read_workflow(*parsed.file.document);
    REQUIRE(workflow);
    parsed.workflow = std::move(*workflow);
    return parsed;
}

std::vector<std::string> texts(const PossibleValues& values) {
    std::vector<std::string> out;
    for (const auto& value : values.values) out.push_back(value.text.value_or("<node>"));
    std::sort(out.begin(), out.end());
    return out;
}

const char* const matrix_workflow =
    "on:\n"
    "  workflow_dispatch:\n"
    "    inputs:\n"
    "      os: {type: choice, options: [ubuntu-latest, macos-latest]}\n"
    "      name: {type: string}\n"
    "      debug: {type: boolean}\n"
    "jobs:\n"
    "  t:\n"
    "    strategy:\n"
    "      matrix:\n"
    "        os: [ubuntu-latest, windows-latest]\n"
    "        pair: [[a, b]]\n"
    "        include:\n"
    "          - platform: {runner: macos-14}\n"
    "          - image: ${{ inputs.name }}\n"
    "    steps: []\n";

}  // namespace

TEST_CASE("possible values: literals, matrix values, inputs", "[rules][possible-values]") {
    Parsed parsed = parse_workflow(matrix_workflow);
    const WorkflowJob& job = parsed.workflow.jobs.at(0);
    auto of = [&](std::string_view expression) { return possible_values(expression, parsed.workflow, job); };

    CHECK(texts(of("'x'")) == std::vector<std::string>{"x"});
    CHECK(texts(of("matrix.os")) == std::vector<std::string>{"ubuntu-latest", "windows-latest"});
    CHECK(of("matrix.os").complete);
    CHECK(texts(of("matrix.OS || 'fallback'")) == std::vector<std::string>{"fallback", "ubuntu-latest", "windows-latest"});
    CHECK(texts(of("matrix.platform.runner")) == std::vector<std::string>{"macos-14"});
    CHECK(texts(of("matrix['platform']['runner']")) == std::vector<std::string>{"macos-14"});
    CHECK(texts(of("matrix.pair[1]")) == std::vector<std::string>{"b"});
    CHECK(texts(of("matrix.pair")) == std::vector<std::string>{"<node>"});
    CHECK(of("matrix.unset").complete);
    CHECK(of("matrix.unset").values.empty());
    CHECK_FALSE(of("matrix.image").complete);  // its value is an expression
    CHECK(texts(of("inputs.os")) == std::vector<std::string>{"macos-latest", "ubuntu-latest"});
    CHECK(texts(of("github.event.inputs.debug")) == std::vector<std::string>{"false", "true"});
    CHECK_FALSE(of("inputs.name").complete);
    CHECK_FALSE(of("inputs.undeclared").complete);
    CHECK_FALSE(of("vars.RUNNER").complete);
    CHECK_FALSE(of("fromJSON(needs.a.outputs.b)").complete);
    CHECK(texts(of("format('{0}-x', 'a')")) == std::vector<std::string>{"a-x"});
    CHECK(texts(of("github.ref == 'x' && 'a' || 'b'")) == std::vector<std::string>{"a", "b"});
    CHECK_FALSE(of("not ( an expression").complete);
}

TEST_CASE("possible texts put every value in place", "[rules][possible-values]") {
    Parsed parsed = parse_workflow(std::string(matrix_workflow) +
                                   "  u:\n"
                                   "    runs-on: ${{ matrix.os }}-${{ matrix.arch }}\n"
                                   "    strategy:\n"
                                   "      matrix: {os: [ubuntu, macos], arch: [x64, arm]}\n"
                                   "    container: ${{ matrix.os }}\n"
                                   "    env: {A: 'img:${{ vars.TAG }}', B: '${{ matrix.unset }}x'}\n");
    const WorkflowJob& job = parsed.workflow.jobs.at(1);
    PossibleValues runs_on = possible_texts(*job.runs_on, parsed.workflow, job);
    CHECK(runs_on.complete);
    CHECK(texts(runs_on) == std::vector<std::string>{"macos-arm", "macos-x64", "ubuntu-arm", "ubuntu-x64"});
    CHECK(texts(possible_texts(*job.container, parsed.workflow, job)) == std::vector<std::string>{"macos", "ubuntu"});
    CHECK_FALSE(possible_texts(*job.env->get("A"), parsed.workflow, job).complete);
    CHECK(texts(possible_texts(*job.env->get("B"), parsed.workflow, job)) == std::vector<std::string>{"x"});
}

TEST_CASE("possible values: a dynamic matrix is unknown", "[rules][possible-values]") {
    Parsed parsed = parse_workflow("on: push\njobs:\n  t:\n    strategy:\n      matrix: ${{ fromJSON(x) }}\n    steps: []\n");
    CHECK_FALSE(possible_values("matrix.os", parsed.workflow, parsed.workflow.jobs.at(0)).complete);
}
