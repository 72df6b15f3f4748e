#include "python/marker_parser.hpp"

#include "parse/parse_error.hpp"
#include "python/python_string_literal.hpp"

namespace pysec::python {

namespace {

using Token = DependencyToken;

MarkerExpression parse_marker(DependencyTokenizer& tokenizer, std::size_t depth);

MarkerOperand parse_marker_var(DependencyTokenizer& tokenizer) {
    if (tokenizer.check(Token::variable)) {
        std::string name(tokenizer.read());
        for (char& c : name) {
            if (c == '.') c = '_';
        }
        if (name == "python_implementation") name = "platform_python_implementation";
        return {true, std::move(name)};
    }
    if (tokenizer.check(Token::quoted_string)) {
        std::size_t start = tokenizer.position();
        std::string_view literal = tokenizer.read();
        auto value = evaluate_python_string_literal(literal);
        if (!value) tokenizer.fail("Invalid quoted string", start, start + literal.size());
        return {false, std::move(*value)};
    }
    tokenizer.fail("Expected a marker variable or quoted string");
}

std::string parse_marker_op(DependencyTokenizer& tokenizer) {
    if (tokenizer.check(Token::in)) {
        tokenizer.read();
        return "in";
    }
    if (tokenizer.check(Token::not_)) {
        tokenizer.read();
        tokenizer.expect(Token::whitespace, "whitespace after 'not'");
        tokenizer.expect(Token::in, "'in' after 'not'");
        return "not in";
    }
    if (tokenizer.check(Token::marker_operator)) return std::string(tokenizer.read());
    tokenizer.fail("Expected marker operator, one of <=, <, !=, ==, >=, >, ~=, ===, in, not in");
}

MarkerExpression::Term parse_marker_atom(DependencyTokenizer& tokenizer, std::size_t depth) {
    MarkerExpression::Term term;
    tokenizer.consume(Token::whitespace);
    if (tokenizer.peek(Token::left_parenthesis)) {
        std::size_t open = tokenizer.position();
        if (depth >= max_nesting_depth) tokenizer.fail("Marker is nested too deeply");
        tokenizer.check(Token::left_parenthesis);
        tokenizer.read();
        tokenizer.consume(Token::whitespace);
        term.group.push_back(parse_marker(tokenizer, depth + 1));
        tokenizer.consume(Token::whitespace);
        if (!tokenizer.check(Token::right_parenthesis)) {
            tokenizer.fail("Expected matching RIGHT_PARENTHESIS for LEFT_PARENTHESIS, after marker expression",
                           open);
        }
        tokenizer.read();
    } else {
        MarkerComparison comparison;
        comparison.left = parse_marker_var(tokenizer);
        tokenizer.consume(Token::whitespace);
        comparison.op = parse_marker_op(tokenizer);
        tokenizer.consume(Token::whitespace);
        comparison.right = parse_marker_var(tokenizer);
        term.comparison = std::move(comparison);
    }
    tokenizer.consume(Token::whitespace);
    return term;
}

MarkerExpression parse_marker(DependencyTokenizer& tokenizer, std::size_t depth) {
    MarkerExpression expression;
    expression.terms.push_back(parse_marker_atom(tokenizer, depth));
    while (tokenizer.check(Token::boolean_operator)) {
        std::string_view join = tokenizer.read();
        expression.joins.push_back(join == "and" ? MarkerJoin::conjunction : MarkerJoin::disjunction);
        expression.terms.push_back(parse_marker_atom(tokenizer, depth));
    }
    return expression;
}

}  // namespace

MarkerExpression parse_marker_expression(DependencyTokenizer& tokenizer) { return parse_marker(tokenizer, 0); }

}  // namespace pysec::python
