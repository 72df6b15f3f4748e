#pragma once
// Which contexts can reach an expression's value: the question behind
// template injection.  `a && b` yields b (or a falsy a, which is empty);
// `a || b` either; format/join/toJSON/fromJSON their arguments; comparisons,
// `!` and the boolean functions (contains, startsWith, ...) only true/false.

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "expr/expression.hpp"

namespace pysec::expr {

struct ContextUse {
    std::string path;  // `github.event.issue.title`, `matrix.python`, ...
    std::size_t begin;  // span in the expression text
    std::size_t end;
};

std::vector<ContextUse> contexts_reaching_value(const Expr& expression);

// Every context the expression reads, whether or not it reaches the value.
std::vector<ContextUse> all_contexts(const Expr& expression);

// Calls anywhere in the expression (name, node), for rules about functions.
void for_each_call(const Expr& expression, const std::function<void(const Expr&)>& visit);

}  // namespace pysec::expr
