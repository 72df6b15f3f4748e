// unsound-contains: `contains('literal string', <context>)` in an `if:`, a
// substring test where a list test was meant.

#include "core/text.hpp"
#include "expr/context_trust.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/expression_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo unsound_contains_info{
    .id = "unsound-contains",
    .title = "substring test where a list test was meant",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "`contains('<literal string>', <context>)` in an `if:` (jobs, steps, composite-action steps), "
            "such as `contains('refs/heads/main refs/heads/release', github.ref)`. With a string as its "
            "first argument, `contains` tests for a substring, so any value that is a piece of the literal "
            "passes: a branch named `mai`, or `refs/heads/m`. High severity when someone can choose the "
            "context's value: branch and tag names (`github.ref`, `github.ref_name`, `github.head_ref`, "
            "`github.base_ref`), logins (`github.actor`), free text of the event, inputs, `env.*`, step "
            "outputs; informational when the value comes from a fixed set the maintainers control "
            "(`github.event_name`, `github.repository`, `runner.os`, a matrix value), where the test is "
            "sloppy rather than exploitable. The correct uses are not reported: `contains(fromJSON('[...]'), "
            "x)` (a list), and a context as the first argument (`contains(github.event.head_commit.message, "
            "'[skip ci]')`).",
    .why = "The condition usually guards something privileged (deploying from protected branches, "
           "publishing, running with secrets only for some actors). A substring test lets values through "
           "that nobody listed: whoever can push a branch named `ma` or `refs/heads/release` prefix "
           "fragments gets the protected path.",
    .fix = "Test membership in a list: `contains(fromJSON('[\"refs/heads/main\", \"refs/heads/release\"]'), "
           "github.ref)`, or compare with `==` joined by `||`.",
    .example = "Before:\n"
               "  if: contains('refs/heads/main refs/heads/develop', github.ref)\n"
               "After:\n"
               "  if: contains(fromJSON('[\"refs/heads/main\", \"refs/heads/develop\"]'), github.ref)\n",
};

// Values chosen by whoever pushes, opens or triggers something, though the
// trust table calls them safe for code (their characters are restricted).
bool is_chosen_name(std::string_view path) {
    return path == "github.actor" || path == "github.triggering_actor" || path == "github.base_ref" ||
           path.ends_with(".login") || path.ends_with(".ref") || path.ends_with(".full_name") ||
           path.ends_with(".name");
}

bool choosable(std::string_view path) {
    switch (expr::classify_context(path).trust) {
        case expr::Trust::Safe: return is_chosen_name(path);
        case expr::Trust::Matrix: return false;
        default: return true;
    }
}

// The literal split the way people write lists in it: blanks, commas, `|`, `;`.
std::string as_json_list(std::string_view literal) {
    std::string list = "[";
    std::size_t position = 0;
    bool first = true;
    while (position < literal.size()) {
        std::size_t begin = literal.find_first_not_of(" \t\r\n,|;", position);
        if (begin == std::string_view::npos) break;
        std::size_t end = literal.find_first_of(" \t\r\n,|;", begin);
        if (end == std::string_view::npos) end = literal.size();
        // Quotes and brackets of a list written as text (`'["a", "b"]'`) are not part of the items.
        std::string_view raw = literal.substr(begin, end - begin);
        while (!raw.empty() && std::string_view("[]\"'").find(raw.front()) != std::string_view::npos) raw.remove_prefix(1);
        while (!raw.empty() && std::string_view("[]\"'").find(raw.back()) != std::string_view::npos) raw.remove_suffix(1);
        position = end;
        if (raw.empty()) continue;
        std::string item(raw);
        std::string escaped;
        for (char c : item) {
            if (c == '"' || c == '\\') escaped += '\\';
            if (c == '\'') escaped += '\'';  // doubled inside the expression's single quotes
            escaped += c;
        }
        list += (first ? "\"" : ", \"") + escaped + "\"";
        first = false;
    }
    return list + "]";
}

void find_unsound_contains(const expr::Expr& expression, std::vector<const expr::Expr*>& out) {
    if (expression.kind == expr::ExprKind::Call && expression.name == "contains" && expression.children.size() == 2 &&
        expression.children[0]->kind == expr::ExprKind::String && expr::context_path(*expression.children[1])) {
        out.push_back(&expression);
        return;
    }
    for (const auto& child : expression.children) find_unsound_contains(*child, out);
}

class UnsoundContainsRule final : public Rule {
public:
    const RuleInfo& info() const override { return unsound_contains_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_condition(context.project, [&](const Document& document, const Node& condition) {
            check_condition(document, condition, sink);
        });
    }

private:
    void check_condition(const Document& document, const Node& condition, FindingSink& sink) const {
        ScalarExpressions expressions = ScalarExpressions::condition(document, condition);
        for (const ExpressionItem& item : expressions.items()) {
            if (!item.expression) continue;
            std::vector<const expr::Expr*> calls;
            find_unsound_contains(*item.expression, calls);
            std::string_view text = item.text(condition.value);
            for (const expr::Expr* call : calls) {
                const expr::Expr& haystack = *call->children[0];
                const expr::Expr& needle = *call->children[1];
                std::string path = *expr::context_path(needle);
                std::string written(text.substr(needle.begin, needle.end - needle.begin));
                bool high = choosable(path);
                std::string message = "`contains('" + haystack.name + "', " + written +
                                      ")` tests for a substring, so any piece of the string passes";
                message += high ? ", and `" + written + "` can be chosen by whoever triggers the workflow"
                                : " (here a value from a fixed set, so it is sloppy rather than exploitable)";
                Finding finding = finding_at(expressions.location(item, *call), std::move(message));
                if (!high) finding.severity = Severity::Informational;
                finding.help = "contains(fromJSON('" + as_json_list(haystack.name) + "'), " + written + ")";
                sink.add(std::move(finding));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_unsound_contains_rule() { return std::make_unique<UnsoundContainsRule>(); }

}  // namespace pysec
