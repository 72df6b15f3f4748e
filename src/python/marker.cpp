#include "python/marker.hpp"

#include "python/marker_parser.hpp"
#include "python/package_name.hpp"

namespace pysec::python {

namespace {

bool names_extras(const MarkerOperand& operand) {
    return operand.is_variable &&
           (operand.text == "extra" || operand.text == "extras" || operand.text == "dependency_groups");
}

// PEP 685: an extra (or dependency group) name compared with a variable is
// compared in its normalized form, so it is stored that way.
void normalize_extra_names(MarkerExpression& expression) {
    for (MarkerExpression::Term& term : expression.terms) {
        for (MarkerExpression& group : term.group) normalize_extra_names(group);
        if (!term.comparison) continue;
        MarkerComparison& comparison = *term.comparison;
        if (names_extras(comparison.left) && !comparison.right.is_variable) {
            comparison.right.text = canonicalize_name(comparison.right.text);
        } else if (names_extras(comparison.right) && !comparison.left.is_variable) {
            comparison.left.text = canonicalize_name(comparison.left.text);
        }
    }
}

std::string format_operand(const MarkerOperand& operand) {
    if (operand.is_variable) return operand.text;
    // Quote with the character the value does not contain.  A value with both
    // cannot be written back; packaging refuses to print it, this prints it in
    // double quotes.
    bool has_double = operand.text.find('"') != std::string::npos;
    bool has_single = operand.text.find('\'') != std::string::npos;
    char quote = has_double && !has_single ? '\'' : '"';
    return quote + operand.text + quote;
}

std::string format_expression(const MarkerExpression& expression, bool top_level);

std::string format_term(const MarkerExpression::Term& term) {
    if (term.comparison) {
        const MarkerComparison& c = *term.comparison;
        return format_operand(c.left) + " " + c.op + " " + format_operand(c.right);
    }
    if (term.group.empty()) return "";
    const MarkerExpression& inner = term.group.front();
    // "(a)" prints as "a" and "((a or b))" as "(a or b)".
    if (inner.terms.size() == 1) return format_term(inner.terms.front());
    return format_expression(inner, false);
}

std::string format_expression(const MarkerExpression& expression, bool top_level) {
    std::string text;
    for (std::size_t i = 0; i < expression.terms.size(); ++i) {
        if (i > 0) {
            bool is_or = i - 1 < expression.joins.size() && expression.joins[i - 1] == MarkerJoin::disjunction;
            text += is_or ? " or " : " and ";
        }
        text += format_term(expression.terms[i]);
    }
    return top_level ? text : "(" + text + ")";
}

}  // namespace

ParseResult<Marker> Marker::parse(std::string_view text) {
    DependencyTokenizer tokenizer(text);
    try {
        MarkerExpression expression = parse_marker_expression(tokenizer);
        tokenizer.expect(DependencyToken::end, "end of marker expression");
        return Marker(std::move(expression));
    } catch (TokenizerFailure& failure) {
        return std::move(failure.error);
    }
}

Marker::Marker(MarkerExpression expression) : expression_(std::move(expression)) {
    normalize_extra_names(expression_);
}

std::string Marker::to_string() const {
    // A marker that is one parenthesised group prints without the parentheses.
    const MarkerExpression* top = &expression_;
    while (top->terms.size() == 1 && !top->terms.front().comparison && !top->terms.front().group.empty()) {
        top = &top->terms.front().group.front();
    }
    return format_expression(*top, true);
}

}  // namespace pysec::python
