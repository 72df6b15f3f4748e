#pragma once
// Expressions whose value is fixed when the workflow is written: literals,
// and operators and pure functions over them.  obfuscation reports them
// (they hide a plain value); unsound-ternary asks whether a branch is a
// falsy constant.

#include "expr/expression.hpp"

namespace pysec {

// Literals, `!`/comparisons/`&&`/`||` of constants, and the pure functions
// format, contains, startsWith, endsWith, join, toJSON, fromJSON over
// constants.  Status functions (`always()`, `success()`) and `hashFiles`
// depend on the run and are not constant.
bool is_constant_expression(const expr::Expr& expression);

// A constant that GitHub treats as false: `false`, `null`, `0`, `''`, and
// `fromJSON('false')`, `format('')`, ... that evaluate to one.
bool is_falsy_constant(const expr::Expr& expression);

}  // namespace pysec
