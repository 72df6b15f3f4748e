// unsound-condition: an `if:` whose value is a `${{ }}` plus other text, which
// GitHub evaluates as a string, and a non-empty string is always true.

#include "core/text.hpp"
#include "expr/template.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/expression_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo unsound_condition_info{
    .id = "unsound-condition",
    .title = "condition that is always true",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "An `if:` (of a job, a reusable-workflow call, a step, or a composite action's step) that holds "
            "`${{ }}` and anything else: a trailing newline (the usual case, `if: |` or `if: >` followed by "
            "`${{ ... }}` keeps one), spaces around the expression inside quotes, two expressions joined by "
            "text (`${{ a }} && ${{ b }}`), or words next to an expression. An `if:` without `${{ }}`, or "
            "that is exactly one `${{ }}`, is fine.",
    .why = "When an `if:` is not exactly one expression, GitHub treats it as a string template: it "
           "substitutes the expressions and gets text such as `false\\n` or `true && false`. Any non-empty "
           "string is true, so the job or step always runs: the check that was meant to keep a deployment "
           "to `main`, or a privileged step away from forks, does nothing.",
    .fix = "Make the value exactly one expression: strip the block scalar's final newline (`if: |-` or "
           "`if: >-`), drop the surrounding text, or write the whole condition without `${{ }}` "
           "(`if: a && b`).",
    .example = "Before:\n"
               "  if: |\n"
               "    ${{ github.ref == 'refs/heads/main' }}\n"
               "After:\n"
               "  if: github.ref == 'refs/heads/main'\n",
};

bool only_blanks(std::string_view text) { return trim(text).empty(); }

class UnsoundConditionRule final : public Rule {
public:
    const RuleInfo& info() const override { return unsound_condition_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_condition(context.project, [&](const Document& document, const Node& condition) {
            check_condition(document, condition, sink);
        });
    }

private:
    void check_condition(const Document& document, const Node& condition, FindingSink& sink) const {
        if (!condition.is_scalar()) return;
        std::string_view value = condition.value;
        auto fences = expr::find_template_expressions(value);
        if (fences.empty()) return;
        if (fences.size() == 1 && fences.front().begin == 0 && fences.front().end == value.size()) return;

        bool block = condition.style == ScalarStyle::Literal || condition.style == ScalarStyle::Folded;
        bool one_expression_and_blanks = fences.size() == 1 && only_blanks(value.substr(0, fences.front().begin)) &&
                                         only_blanks(value.substr(fences.front().end));
        std::string message;
        std::string help;
        if (one_expression_and_blanks && block && fences.front().begin == 0) {
            message = "the block scalar keeps a newline after `${{ }}`, so this `if:` is a string such as "
                      "\"false\\n\", which is always true";
            std::string_view header = document.text().substr(condition.begin, 1);
            if (header == "|" || header == ">") help = "if: " + std::string(header) + "-";
        } else if (one_expression_and_blanks) {
            message = "blanks around `${{ }}` make this `if:` a string, which is always true";
            help = "if: " + std::string(value.substr(fences.front().begin, fences.front().end - fences.front().begin));
        } else {
            message = "this `if:` mixes `${{ }}` with other text, so it is a string, which is always true";
            // When only operators join the expressions, the same condition
            // without fences is the fix.
            std::string joined;
            std::size_t position = 0;
            bool only_operators = true;
            auto add_text = [&](std::string_view text) {
                only_operators = only_operators && text.find_first_not_of("&|!() \t\r\n") == std::string_view::npos;
                joined += text;
            };
            for (const auto& fence : fences) {
                add_text(value.substr(position, fence.begin - position));
                joined += "(" + std::string(trim(fence.inner(value))) + ")";
                position = fence.end;
            }
            add_text(value.substr(position));
            if (only_operators) help = "if: " + collapse_whitespace(joined);
        }
        Finding finding = finding_at(document, condition, std::move(message));
        finding.help = std::move(help);
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_unsound_condition_rule() { return std::make_unique<UnsoundConditionRule>(); }

}  // namespace pysec
