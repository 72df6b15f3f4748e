// The helpers the expression rules share: parsed `${{ }}` with their places
// in the file, who controls a value where it is evaluated, and constants.

#include <catch2/catch.hpp>

#include "model/project.hpp"
#include "model/workflow.hpp"
#include "parse/parse.hpp"
#include "rules/workflow/expression_constants.hpp"
#include "rules/workflow/expression_sites.hpp"
#include "rules/workflow/expression_sources.hpp"

using namespace pysec;

namespace {

std::string where(const Location& location) {
    return std::to_string(location.span.begin.line) + ":" + std::to_string(location.span.begin.column) + "-" +
           std::to_string(location.span.end.line) + ":" + std::to_string(location.span.end.column);
}

struct Parsed {
    ParsedFile file;
    std::optional<Workflow> workflow;
};

Parsed workflow_of(std::string text) {
    Parsed parsed{parse_document("w.yml", std::move(text), DocumentFormat::Yaml), std::nullopt};
    REQUIRE_FALSE(parsed.file.failure);
    parsed.workflow = read_workflow(*parsed.file.document);
    REQUIRE(parsed.workflow);
    return parsed;
}

// The riskiest source of `${{ }}` number `index` in the run: of step `step` of the first job.
ValueSource source_in_run(const Workflow& workflow, std::size_t step, std::size_t index = 0) {
    const WorkflowJob& job = workflow.jobs.front();
    const WorkflowStep& s = job.steps.at(step);
    ScalarExpressions expressions(*workflow.document, *s.run);
    const ExpressionItem& item = expressions.items().at(index);
    REQUIRE(item.expression);
    return riskiest_source(*item.expression, item.text(s.run->value), ExpressionScope{&workflow, &job, nullptr, &s});
}

bool constant(std::string_view text) { return is_constant_expression(*expr::parse_expression(text)); }
bool falsy(std::string_view text) { return is_falsy_constant(*expr::parse_expression(text)); }

}  // namespace

TEST_CASE("expressions of a scalar are parsed and located in the file", "[rules][expressions]") {
    auto parsed = parse_document("w.yml",
                                 "run: |\n  echo ${{ github.head_ref }}\n  echo ${{ broken ( }} ${{ a.b }}\n"
                                 "if: github.actor == 'x'\nif2: ${{ a }}\n",
                                 DocumentFormat::Yaml);
    REQUIRE_FALSE(parsed.failure);
    const Document& document = *parsed.document;
    const Node& run = *document.root()->get("run");
    ScalarExpressions expressions(document, run);
    REQUIRE(expressions.items().size() == 3);
    const ExpressionItem& first = expressions.items()[0];
    REQUIRE(first.expression);
    CHECK(first.fenced);
    CHECK(first.text(run.value) == " github.head_ref ");
    CHECK(where(expressions.location(first)) == "2:8-2:30");
    CHECK(where(expressions.location(first, *first.expression)) == "2:12-2:27");
    CHECK_FALSE(expressions.items()[1].expression);  // does not parse
    CHECK(where(expressions.location(expressions.items()[2])) == "3:24-3:34");

    const Node& condition = *document.root()->get("if");
    ScalarExpressions implicit = ScalarExpressions::condition(document, condition);
    REQUIRE(implicit.items().size() == 1);
    CHECK_FALSE(implicit.items()[0].fenced);
    REQUIRE(implicit.items()[0].expression);
    CHECK(implicit.items()[0].expression->op == expr::BinaryOp::Equal);
    CHECK(where(implicit.location(implicit.items()[0], *implicit.items()[0].expression->children[1])) ==
          "4:21-4:24");
    // Without `${{`, an ordinary scalar has no expressions; a fenced `if:` is read as fenced.
    CHECK(ScalarExpressions(document, condition).empty());
    CHECK(ScalarExpressions::condition(document, *document.root()->get("if2")).items().at(0).fenced);
}

TEST_CASE("every scalar with an expression is visited, and every if: of jobs and steps", "[rules][expressions]") {
    std::string text =
        "on: push\njobs:\n  a:\n    if: github.event_name == 'push'\n    runs-on: ubuntu-latest\n"
        "    env: {X: '${{ github.sha }}', Y: plain}\n    steps:\n      - if: success()\n        run: echo ${{ x }}\n"
        "      - with: {if: not-a-condition}\n        uses: ./local\n";
    Project project;
    ProjectFile file;
    file.path = ".github/workflows/w.yml";
    file.kind = FileKind::Workflow;
    file.document = parse_document(file.path, text, DocumentFormat::Yaml).document;
    project.add_file(std::move(file));
    project.build_models();
    REQUIRE(project.workflows().size() == 1);

    std::vector<std::string> conditions;
    for (const Node* condition : condition_nodes(project.workflows().front())) conditions.push_back(condition->value);
    CHECK(conditions == std::vector<std::string>{"github.event_name == 'push'", "success()"});

    std::vector<std::string> visited;
    for_each_expression_scalar(project, [&](const ScalarExpressions& expressions) {
        visited.push_back(expressions.scalar().value + (expressions.items().front().fenced ? "" : " (implicit)"));
    });
    CHECK(visited == std::vector<std::string>{"github.event_name == 'push' (implicit)", "${{ github.sha }}",
                                              "success() (implicit)", "echo ${{ x }}"});
}

TEST_CASE("inputs are as risky as their declared type", "[rules][expressions]") {
    auto parsed = workflow_of(
        "on:\n  workflow_dispatch:\n    inputs:\n      free: {description: x}\n      text: {type: string}\n"
        "      flag: {type: boolean}\n      count: {type: number}\n      pick: {type: choice, options: [a]}\n"
        "      env: {type: environment}\n"
        "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - run: echo ${{ inputs.free }} ${{ inputs.TEXT }} ${{ inputs.flag }} ${{ inputs.count }} "
        "${{ inputs.pick }} ${{ inputs.env }} ${{ inputs.nope }} ${{ github.event.inputs.free }} "
        "${{ toJSON(inputs) }}\n");
    const Workflow& workflow = *parsed.workflow;
    std::vector<SourceRisk> risks;
    for (std::size_t i = 0; i < 9; ++i) risks.push_back(source_in_run(workflow, 0, i).risk);
    CHECK(risks == std::vector<SourceRisk>{SourceRisk::Attacker, SourceRisk::Attacker, SourceRisk::Safe,
                                           SourceRisk::Safe, SourceRisk::Safe, SourceRisk::Low, SourceRisk::Unknown,
                                           SourceRisk::Attacker, SourceRisk::Attacker});
    ValueSource free = source_in_run(workflow, 0, 0);
    CHECK(free.context == "inputs.free");
    REQUIRE(free.definition);
    CHECK(free.definition->value == "free");
}

TEST_CASE("env values are followed to their definition, level by level", "[rules][expressions]") {
    auto parsed = workflow_of(
        "on: pull_request\nenv:\n  LIT: plain\n  REF: ${{ github.head_ref }}\n  LOOP: ${{ env.LOOP }}\n"
        "jobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      LIT: ${{ github.event.pull_request.title }}\n"
        "      SHA: ${{ github.sha }}\n    steps:\n"
        "      - run: echo ${{ env.REF }} ${{ env.LIT }} ${{ env.SHA }} ${{ env.MISSING }} ${{ env.LOOP }} ${{ env.ref }}\n"
        "      - env:\n          LIT: safe\n          REF: ${{ env.REF }}\n        run: echo ${{ env.LIT }} ${{ env.REF }}\n");
    const Workflow& workflow = *parsed.workflow;
    CHECK(source_in_run(workflow, 0, 0).risk == SourceRisk::Attacker);
    CHECK(source_in_run(workflow, 0, 0).why == "set from `github.head_ref` (the pull request's branch name, chosen by its author)");
    CHECK(source_in_run(workflow, 0, 1).risk == SourceRisk::Attacker);  // the job's LIT wins over the workflow's
    CHECK(source_in_run(workflow, 0, 2).risk == SourceRisk::Safe);
    CHECK(source_in_run(workflow, 0, 3).risk == SourceRisk::Unknown);
    CHECK(source_in_run(workflow, 0, 4).risk == SourceRisk::Unknown);  // refers to itself: not set above it
    CHECK(source_in_run(workflow, 0, 5).risk == SourceRisk::Attacker);  // names are case-insensitive
    CHECK(source_in_run(workflow, 1, 0).risk == SourceRisk::Safe);      // the step's LIT
    CHECK(source_in_run(workflow, 1, 1).risk == SourceRisk::Attacker);  // the step's REF is the workflow's
}

TEST_CASE("matrix values are safe when written out, followed when computed", "[rules][expressions]") {
    auto parsed = workflow_of(
        "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix:\n"
        "        py: ['3.12']\n        include:\n          - {py: '3.13', extra: '${{ github.event.head_commit.message }}'}\n"
        "    steps:\n      - run: echo ${{ matrix.py }} ${{ matrix.extra }} ${{ matrix.none }}\n"
        "  b:\n    runs-on: ubuntu-latest\n    strategy:\n      matrix: ${{ fromJSON(needs.x.outputs.m) }}\n"
        "    steps:\n      - run: echo ${{ matrix.py }}\n");
    const Workflow& workflow = *parsed.workflow;
    CHECK(source_in_run(workflow, 0, 0).risk == SourceRisk::Safe);
    CHECK(source_in_run(workflow, 0, 1).risk == SourceRisk::Attacker);
    CHECK(source_in_run(workflow, 0, 2).risk == SourceRisk::Unknown);
    const WorkflowJob& b = workflow.jobs[1];
    ScalarExpressions expressions(*workflow.document, *b.steps[0].run);
    const ExpressionItem& item = expressions.items()[0];
    CHECK(riskiest_source(*item.expression, item.text(b.steps[0].run->value),
                          ExpressionScope{&workflow, &b, nullptr, &b.steps[0]})
              .risk == SourceRisk::Unknown);
}

TEST_CASE("constant expressions and falsy constants", "[rules][expressions]") {
    CHECK(constant("'a'"));
    CHECK(constant("format('{0}', 'x')"));
    CHECK(constant("'a' == 'b' && !false"));
    CHECK(constant("fromJSON(toJSON('x'))"));
    CHECK(constant("contains(fromJSON('[\"a\"]'), 'a')"));
    CHECK_FALSE(constant("always()"));
    CHECK_FALSE(constant("hashFiles('uv.lock')"));
    CHECK_FALSE(constant("format('{0}', github.sha)"));
    CHECK_FALSE(constant("github.sha"));

    for (const char* text : {"''", "false", "null", "0", "0.0", "0x0", "fromJSON('false')", "fromJSON('0')",
                             "fromJSON(' null ')", "format('')", "format('{0}', '')"}) {
        INFO(text);
        CHECK(falsy(text));
    }
    for (const char* text : {"'x'", "true", "1", "fromJSON('true')", "format('{0}', 'x')", "github.sha", "always()"}) {
        INFO(text);
        CHECK_FALSE(falsy(text));
    }
}
