#include <catch2/catch.hpp>

#include "expr/context_trust.hpp"
#include "expr/data_flow.hpp"
#include "expr/expression.hpp"
#include "expr/template.hpp"

using namespace pysec::expr;

namespace {

std::vector<std::string> reaching_paths(std::string_view text) {
    std::vector<std::string> paths;
    for (const auto& use : contexts_reaching_value(*parse_expression(text))) paths.push_back(use.path);
    return paths;
}

}  // namespace

TEST_CASE("expressions parse with spans and GitHub's precedence", "[expr]") {
    auto expression = parse_expression("github.event_name == 'push' && !contains(github.ref, 'x') || false");
    REQUIRE(expression->kind == ExprKind::Binary);
    CHECK(expression->op == BinaryOp::Or);
    const Expr& left = *expression->children[0];
    CHECK(left.op == BinaryOp::And);
    CHECK(left.children[0]->op == BinaryOp::Equal);
    CHECK(left.children[1]->kind == ExprKind::Not);
    const Expr& call = *left.children[1]->children[0];
    CHECK(call.kind == ExprKind::Call);
    CHECK(call.name == "contains");
    CHECK(call.children.size() == 2);
    CHECK(call.begin == 32);
    CHECK(call.end == 57);

    auto access = parse_expression("github.event.pull_request['head'].ref");
    CHECK(context_path(*access) == "github.event.pull_request.head.ref");
    CHECK(context_path(*parse_expression("GitHub.Event.Commits.*.Message")) == "github.event.commits.*.message");
    CHECK(context_path(*parse_expression("github.event.commits[0].message")) == "github.event.commits.*.message");
    CHECK(context_path(*parse_expression("steps.my-step.outputs.value")) == "steps.my-step.outputs.value");
    CHECK(context_path(*parse_expression("fromJSON(x).y")) == std::nullopt);
    CHECK(parse_expression("'it''s'")->name == "it's");
    CHECK(parse_expression("-1.5e3")->kind == ExprKind::Number);
    CHECK(parse_expression("0xff")->kind == ExprKind::Number);
    CHECK(parse_expression("(a || b) && c")->op == BinaryOp::And);
    CHECK(parse_expression("a < b")->op == BinaryOp::Less);
    CHECK(parse_expression("NULL")->kind == ExprKind::Null);
}

TEST_CASE("malformed expressions are errors, not crashes", "[expr]") {
    for (std::string text : std::vector<std::string>{"", "a ==", "'open", "f(a,", "a[", "a.", "a b", "1.2.3", "a ! b", "(((a)",
                             std::string(500, '(') + "a" + std::string(500, ')')}) {
        INFO(text);
        CHECK_THROWS_AS(parse_expression(text), ExpressionError);
    }
}

TEST_CASE("data flow: which contexts reach the value", "[expr]") {
    CHECK(reaching_paths("github.event.issue.title") == std::vector<std::string>{"github.event.issue.title"});
    CHECK(reaching_paths("a && b") == std::vector<std::string>{"b"});
    CHECK(reaching_paths("a || b") == std::vector<std::string>{"a", "b"});
    CHECK(reaching_paths("a == b").empty());
    CHECK(reaching_paths("!a").empty());
    CHECK(reaching_paths("contains(a, b)").empty());
    CHECK(reaching_paths("startsWith(a, 'x') && c") == std::vector<std::string>{"c"});
    CHECK(reaching_paths("format('{0}-{1}', a, b)") == std::vector<std::string>{"a", "b"});
    CHECK(reaching_paths("join(a.*.name, ', ')") == std::vector<std::string>{"a.*.name"});
    CHECK(reaching_paths("toJSON(github.event)") == std::vector<std::string>{"github.event"});
    CHECK(reaching_paths("fromJSON(steps.x.outputs.y).title") == std::vector<std::string>{"steps.x.outputs.y"});
    CHECK(reaching_paths("hashFiles('**/uv.lock')").empty());
    CHECK(reaching_paths("'literal'").empty());
    auto all = all_contexts(*parse_expression("secrets[format('T_{0}', matrix.n)] == github.sha"));
    std::vector<std::string> paths;
    for (const auto& use : all) paths.push_back(use.path);
    CHECK(paths == std::vector<std::string>{"secrets.*", "matrix.n", "github.sha"});
}

TEST_CASE("constant folding of literal-only expressions", "[expr]") {
    CHECK(constant_value(*parse_expression("format('{0}', 'x')")) == "x");
    CHECK(constant_value(*parse_expression("format('{{{0}}}-{1}', 'a', 'b')")) == "{a}-b");
    CHECK(constant_value(*parse_expression("fromJSON(toJSON('z'))")) == "z");
    CHECK(constant_value(*parse_expression("true && 'a'")) == "a");
    CHECK(constant_value(*parse_expression("'' || 'b'")) == "b");
    CHECK_FALSE(constant_value(*parse_expression("format('{0}', github.sha)")));
    CHECK_FALSE(constant_value(*parse_expression("format('{1}', 'x')")));
}

TEST_CASE("template expressions are found in strings", "[expr]") {
    std::string text = "echo ${{ github.event.issue.title }} and ${{ format('}}', a) }} ${{ open";
    auto found = find_template_expressions(text);
    REQUIRE(found.size() == 2);
    CHECK(found[0].begin == 5);
    CHECK(found[0].inner(text) == " github.event.issue.title ");
    CHECK(found[1].inner(text) == " format('}}', a) ");
    CHECK(text.substr(found[1].begin, found[1].end - found[1].begin) == "${{ format('}}', a) }}");
}

TEST_CASE("contexts are classified by who controls them", "[expr]") {
    struct Case {
        const char* path;
        Trust trust;
    };
    for (const Case& c : std::vector<Case>{
             {"github.event.issue.title", Trust::Attacker},
             {"github.event.pull_request.body", Trust::Attacker},
             {"github.event.pull_request.head.ref", Trust::Attacker},
             {"github.head_ref", Trust::Attacker},
             {"github.event.comment.body", Trust::Attacker},
             {"github.event.review.body", Trust::Attacker},
             {"github.event.commits.*.message", Trust::Attacker},
             {"github.event.commits.*.author.email", Trust::Attacker},
             {"github.event.head_commit.author.name", Trust::Attacker},
             {"github.event.workflow_run.head_branch", Trust::Attacker},
             {"github.event.pull_request.labels.*.name", Trust::Attacker},
             {"github.event.discussion.title", Trust::Attacker},
             {"github.event", Trust::Attacker},
             {"github.event.pull_request.head.sha", Trust::Safe},
             {"github.event.pull_request.number", Trust::Safe},
             {"github.event.issue.user.login", Trust::Safe},
             {"github.event.pull_request.head.repo.full_name", Trust::Safe},
             {"github.sha", Trust::Safe},
             {"github.event_name", Trust::Safe},
             {"github.repository", Trust::Safe},
             {"github.run_id", Trust::Safe},
             {"github.actor", Trust::Safe},
             {"secrets.pypi_token", Trust::Safe},
             {"runner.os", Trust::Safe},
             {"needs.build.result", Trust::Safe},
             {"steps.test.outcome", Trust::Safe},
             {"steps.meta.outputs.tags", Trust::Unknown},
             {"needs.build.outputs.version", Trust::Unknown},
             {"vars.registry", Trust::Unknown},
             {"github.ref_name", Trust::Unknown},
             {"github.event.some_new_field", Trust::Unknown},
             {"inputs.name", Trust::Input},
             {"github.event.inputs.name", Trust::Input},
             {"env.version", Trust::Env},
             {"matrix.python-version", Trust::Matrix},
             {"matrix.os.name", Trust::Matrix},
         }) {
        INFO(c.path);
        CHECK(classify_context(c.path).trust == c.trust);
    }
}
