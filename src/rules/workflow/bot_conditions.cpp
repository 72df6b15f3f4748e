// bot-conditions: an `if:` that trusts a run because its actor looks like a
// bot (`github.actor == 'dependabot[bot]'`), in a workflow where the actor can
// be made to be that bot by someone else.

#include <array>

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/expression_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo bot_conditions_info{
    .id = "bot-conditions",
    .title = "spoofable bot check on the actor",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A job's or step's `if:` that lets a run through when the actor is a bot: `github.actor`, "
            "`github.triggering_actor`, `github.event.sender.login` (any `…sender.login`), or "
            "`github.event.workflow_run.actor.login` / `triggering_actor.login` compared with `==` to a "
            "literal ending in `[bot]`, or tested with `contains`/`startsWith`/`endsWith` against one "
            "(also `contains(fromJSON('[\"dependabot[bot]\", …]'), github.actor)`); `github.actor_id` and "
            "`…sender.id` compared with the ids of `dependabot[bot]` (49699333, and the app id 29110), "
            "`dependabot-preview[bot]` (27856297) and `renovate[bot]` (29139614).\n\n"
            "Reported in workflows that run with the base repository's secrets and token for events from "
            "forks, `pull_request_target` and `workflow_run`, with high confidence when the check alone "
            "decides the condition (alone, or joined with `||`) and medium when `&&` joins it with other "
            "tests; and in `workflow_call` workflows with medium confidence, since their callers may run "
            "on those triggers. Not reported: negative checks (`github.actor != 'dependabot[bot]'`, "
            "`!(… == …)`), which only skip work; `github.event.pull_request.user.login`, the pull "
            "request's author, which cannot be changed after the pull request is opened; and workflows on "
            "other triggers: on `pull_request` a fork's run gets no secrets whoever its actor is, and on "
            "`push`, `issue_comment` and the like the actor is whoever acted, which an outsider can rarely make "
            "a bot be.",
    .why = "`github.actor` is whoever caused the latest event, not who wrote the code. An attacker can "
           "open a pull request from a fork and then have Dependabot (enabled on their fork) update the "
           "branch, or re-run a workflow a bot started: the next `pull_request_target` or `workflow_run` "
           "event has `dependabot[bot]` as its actor, and the 'only for Dependabot' step (auto-merge, "
           "auto-approve, running with secrets) runs for the attacker's code. Synacktiv described the "
           "technique in 2024 ('GitHub Actions exploitation: Dependabot') and found it in real projects.",
    .fix = "Check who opened the pull request, which the attacker cannot change: "
           "`github.event.pull_request.user.login == 'dependabot[bot]'`, and prefer "
           "`dependabot/fetch-metadata`, which verifies that every commit is Dependabot's. Better still, "
           "do the privileged part in a workflow that does not run for forks.",
    .example = "Before:\n"
               "  on: pull_request_target\n"
               "  ...\n"
               "    if: github.actor == 'dependabot[bot]'\n"
               "After:\n"
               "  on: pull_request_target\n"
               "  ...\n"
               "    if: github.event.pull_request.user.login == 'dependabot[bot]'\n",
};

constexpr std::array bot_ids = {"49699333", "29110", "27856297", "29139614"};

bool is_spoofable_actor(std::string_view path) {
    return path == "github.actor" || path == "github.triggering_actor" || path.ends_with("sender.login") ||
           path == "github.event.workflow_run.actor.login" ||
           path == "github.event.workflow_run.triggering_actor.login";
}

bool is_spoofable_actor_id(std::string_view path) {
    return path == "github.actor_id" || path.ends_with("sender.id") || path == "github.event.workflow_run.actor.id" ||
           path == "github.event.workflow_run.triggering_actor.id";
}

bool names_a_bot(const expr::Expr& literal) {
    return (literal.kind == expr::ExprKind::String) && to_lower(literal.name).find("[bot]") != std::string::npos;
}

bool is_bot_id(const expr::Expr& literal) {
    if (literal.kind != expr::ExprKind::String && literal.kind != expr::ExprKind::Number) return false;
    for (std::string_view id : bot_ids) {
        if (literal.name == id) return true;
    }
    return false;
}

// `fromJSON('["dependabot[bot]"]')` or a plain literal naming a bot.
bool bot_literal(const expr::Expr& expression) {
    if (names_a_bot(expression)) return true;
    return expression.kind == expr::ExprKind::Call && expression.name == "fromjson" &&
           expression.children.size() == 1 && names_a_bot(*expression.children[0]);
}

std::optional<std::string> path_of(const expr::Expr& expression) { return expr::context_path(expression); }

// Is `expression` itself a bot test, true when the actor is the bot (or,
// with `negated`, false when it is: `!(github.actor != 'x[bot]')`)?
bool is_bot_test(const expr::Expr& expression, bool negated) {
    auto wanted = negated ? expr::BinaryOp::NotEqual : expr::BinaryOp::Equal;
    if (expression.kind == expr::ExprKind::Binary && expression.op == wanted) {
        const expr::Expr& left = *expression.children[0];
        const expr::Expr& right = *expression.children[1];
        for (auto [context, literal] : {std::pair{&left, &right}, std::pair{&right, &left}}) {
            auto path = path_of(*context);
            if (!path) continue;
            if (is_spoofable_actor(*path) && names_a_bot(*literal)) return true;
            if (is_spoofable_actor_id(*path) && is_bot_id(*literal)) return true;
        }
        return false;
    }
    if (!negated && expression.kind == expr::ExprKind::Call && expression.children.size() == 2 &&
        (expression.name == "contains" || expression.name == "startswith" || expression.name == "endswith")) {
        const expr::Expr& first = *expression.children[0];
        const expr::Expr& second = *expression.children[1];
        auto first_path = path_of(first);
        auto second_path = path_of(second);
        // contains(github.actor, '[bot]'), endsWith(github.actor, '[bot]')
        if (first_path && is_spoofable_actor(*first_path) && names_a_bot(second)) return true;
        // contains(fromJSON('["dependabot[bot]"]'), github.actor), contains('dependabot[bot] renovate[bot]', github.actor)
        if (expression.name == "contains" && second_path && is_spoofable_actor(*second_path) && bot_literal(first)) {
            return true;
        }
    }
    return false;
}

// The bot a test names, for the suggested fix.
std::string bot_name(const expr::Expr& test) {
    for (const auto& child : test.children) {
        if (names_a_bot(*child) && child->name.size() > 5 && to_lower(child->name).ends_with("[bot]")) return child->name;
    }
    return "dependabot[bot]";
}

struct BotTest {
    const expr::Expr* test;
    bool dominating;  // it alone decides the condition
};

// Tests that let the bot through: `==` (and the functions) under an even
// number of `!`, `!=` under an odd number; a negative test only skips work.
// Dominating: reached only through `||`.
void find_bot_tests(const expr::Expr& expression, bool positive, bool dominating, std::vector<BotTest>& out) {
    if (is_bot_test(expression, !positive)) {
        out.push_back(BotTest{&expression, dominating});
        return;
    }
    switch (expression.kind) {
        case expr::ExprKind::Not: find_bot_tests(*expression.children[0], !positive, false, out); return;
        case expr::ExprKind::Binary:
            if (expression.op == expr::BinaryOp::Or || expression.op == expr::BinaryOp::And) {
                bool keeps = dominating && expression.op == expr::BinaryOp::Or;
                for (const auto& child : expression.children) find_bot_tests(*child, positive, keeps, out);
            }
            return;
        case expr::ExprKind::Call:
            for (const auto& child : expression.children) find_bot_tests(*child, positive, false, out);
            return;
        default: return;
    }
}

class BotConditionsRule final : public Rule {
public:
    const RuleInfo& info() const override { return bot_conditions_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            const WorkflowTrigger* trigger = workflow.trigger("pull_request_target");
            if (!trigger) trigger = workflow.trigger("workflow_run");
            bool reusable = false;
            if (!trigger) {
                trigger = workflow.trigger("workflow_call");
                reusable = trigger != nullptr;
            }
            if (!trigger) continue;
            for (const Node* condition : condition_nodes(workflow)) {
                check_condition(workflow, *trigger, reusable, *condition, sink);
            }
        }
    }

private:
    void check_condition(const Workflow& workflow, const WorkflowTrigger& trigger, bool reusable,
                         const Node& condition, FindingSink& sink) const {
        const Document& document = *workflow.document;
        ScalarExpressions expressions = ScalarExpressions::condition(document, condition);
        for (const ExpressionItem& item : expressions.items()) {
            if (!item.expression) continue;
            std::vector<BotTest> tests;
            find_bot_tests(*item.expression, true, true, tests);
            std::string_view text = item.text(condition.value);
            for (const BotTest& test : tests) {
                std::string written(text.substr(test.test->begin, test.test->end - test.test->begin));
                std::string message = "`" + written + "` trusts the run because its actor is a bot, but on `" +
                                      trigger.event + "` someone else can make that bot the actor";
                if (reusable) message += " (the callers of this reusable workflow may run on such triggers)";
                Finding finding = finding_at(expressions.location(item, *test.test), std::move(message));
                finding.confidence = test.dominating && !reusable ? Confidence::High : Confidence::Medium;
                finding.related.push_back(document.location(*trigger.node, "the trigger that lets forks cause events"));
                if (trigger.event == "pull_request_target") {
                    finding.help = "github.event.pull_request.user.login == '" + bot_name(*test.test) +
                                   "' (the pull request's author, which cannot be spoofed), or use "
                                   "dependabot/fetch-metadata";
                }
                sink.add(std::move(finding));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_bot_conditions_rule() { return std::make_unique<BotConditionsRule>(); }

}  // namespace pysec
