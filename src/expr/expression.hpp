#pragma once
// GitHub Actions expressions (the text inside `${{ }}`): literals, contexts
// with `.name`, `['name']` and `*` access, `!`, comparisons, `&&`, `||`,
// parentheses and function calls, each node with its span in the source.

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace pysec::expr {

enum class ExprKind {
    Null,
    Boolean,
    Number,
    String,
    Identifier,  // a context name: github, env, matrix, ...
    Member,      // base.name        (children[0] = base; `name` holds the name)
    Index,       // base[index]      (children[0] = base, children[1] = index)
    Star,        // base.* / base[*] (children[0] = base)
    Call,        // name(args...)    (`name` holds the function, lower-case)
    Not,         // !operand
    Binary,      // children[0] op children[1]
};

enum class BinaryOp { Or, And, Equal, NotEqual, Less, LessEqual, Greater, GreaterEqual };

struct Expr {
    ExprKind kind;
    std::size_t begin = 0;  // offsets into the parsed text; end exclusive
    std::size_t end = 0;
    std::string name;       // literal text, identifier, member name, function name
    BinaryOp op = BinaryOp::Or;
    std::vector<std::unique_ptr<Expr>> children;

    bool is_literal() const {
        return kind == ExprKind::Null || kind == ExprKind::Boolean || kind == ExprKind::Number ||
               kind == ExprKind::String;
    }
};

class ExpressionError : public std::runtime_error {
public:
    ExpressionError(std::string message, std::size_t offset)
        : std::runtime_error(std::move(message)), offset_(offset) {}
    std::size_t offset() const { return offset_; }

private:
    std::size_t offset_;
};

// Parses one expression; throws ExpressionError.
std::unique_ptr<Expr> parse_expression(std::string_view text);

// The dotted, lower-case path of a context access, `*` for stars and computed
// indexes: `github.event.pull_request.title`, `github.event.commits.*.message`.
// Nullopt when the expression is not a context access (a literal, a call, ...).
std::optional<std::string> context_path(const Expr& expression);

// Evaluates literal-only expressions (`'x'`, `format('{0}', 'y')`,
// `fromJSON(toJSON('z'))`, `true && 'a'`) as GitHub would, as text; nullopt
// when any context is involved.
std::optional<std::string> constant_value(const Expr& expression);

}  // namespace pysec::expr
