// insecure-commands: `ACTIONS_ALLOW_UNSECURE_COMMANDS` turned on in an `env:`,
// which brings back the `::set-env` and `::add-path` workflow commands.

#include "core/text.hpp"
#include "expr/expression.hpp"
#include "expr/template.hpp"
#include "rules/all_rules.hpp"

namespace pysec {
namespace {

constexpr RuleInfo insecure_commands_info{
    .id = "insecure-commands",
    .title = "deprecated set-env/add-path workflow commands enabled",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "`ACTIONS_ALLOW_UNSECURE_COMMANDS` set to a value the runner reads as true (`true`, `1` or "
            "`$true`, in any case, as the runner's boolean parsing accepts) in any `env:`: the workflow's, a "
            "job's, a step's, or a composite action step's. A value that is an expression is reported with "
            "medium confidence (it may be true at run time) unless it folds to a constant false. The name is "
            "matched without regard to case. `false`, `0` and other values are not reported.",
    .why = "The variable re-enables the `::set-env::` and `::add-path::` commands, which GitHub disabled in "
           "2020 (CVE-2020-15228) because any process that can print to the log can use them: a test, a "
           "dependency's install script, or a pull request title echoed by a step can set `LD_PRELOAD`, "
           "`NODE_OPTIONS` or `PATH` for every later step and take over the job with its secrets.",
    .fix = "Remove the variable and write to the files the runner provides instead: "
           "`echo \"NAME=value\" >> \"$GITHUB_ENV\"` and `echo \"$DIR\" >> \"$GITHUB_PATH\"`. If an old action "
           "needs the commands, update or replace it.",
    .example = "Before:\n"
               "  env:\n"
               "    ACTIONS_ALLOW_UNSECURE_COMMANDS: true\n"
               "After:\n"
               "  (no such variable; steps write to \"$GITHUB_ENV\" and \"$GITHUB_PATH\")\n",
};

bool runner_true(std::string_view value) {
    std::string lower = to_lower(trim(value));
    return lower == "true" || lower == "1" || lower == "$true";
}

class InsecureCommandsRule final : public Rule {
public:
    const RuleInfo& info() const override { return insecure_commands_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            check_env(*workflow.document, workflow.env, sink);
            for (const WorkflowJob& job : workflow.jobs) {
                check_env(*workflow.document, job.env, sink);
                for (const WorkflowStep& step : job.steps) check_env(*workflow.document, step.env, sink);
            }
        }
        for (const ActionDefinition& action : context.project.actions()) {
            for (const WorkflowStep& step : action.steps) check_env(*action.document, step.env, sink);
        }
    }

private:
    void check_env(const Document& document, const Node* env, FindingSink& sink) const {
        if (!env || !env->is_mapping()) return;
        for (const auto& entry : env->entries) {
            if (to_lower(entry.key->value) != "actions_allow_unsecure_commands") continue;
            const Node& value = *entry.value;
            if (!value.is_scalar()) continue;
            auto fences = expr::find_template_expressions(value.value);
            if (fences.empty()) {
                if (!runner_true(value.value)) continue;
                sink.add(with_help(finding_at(document, value,
                                              "`" + entry.key->value + ": " + value.value +
                                                  "` re-enables `::set-env` and `::add-path`, which let anything "
                                                  "that prints to the log change later steps' environment")));
                continue;
            }
            // `${{ true }}` folds; anything else may be true at run time.
            std::optional<std::string> constant;
            if (fences.size() == 1 && fences.front().begin == 0 && fences.front().end == value.value.size()) {
                try {
                    constant = expr::constant_value(*expr::parse_expression(fences.front().inner(value.value)));
                } catch (const expr::ExpressionError&) {
                }
            }
            if (constant && !runner_true(*constant)) continue;
            Finding finding = finding_at(document, value,
                                         "`" + entry.key->value + "` is set from an expression" +
                                             (constant ? " that is always true" : " that may be true") +
                                             ", which re-enables `::set-env` and `::add-path`");
            if (!constant) finding.confidence = Confidence::Medium;
            sink.add(with_help(std::move(finding)));
        }
    }

    static Finding with_help(Finding finding) {
        finding.help = "remove ACTIONS_ALLOW_UNSECURE_COMMANDS; write `echo \"NAME=value\" >> \"$GITHUB_ENV\"` "
                       "and `echo \"$DIR\" >> \"$GITHUB_PATH\"` instead";
        return finding;
    }
};

}  // namespace

std::unique_ptr<Rule> make_insecure_commands_rule() { return std::make_unique<InsecureCommandsRule>(); }

}  // namespace pysec
