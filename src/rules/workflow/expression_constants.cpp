#include "rules/workflow/expression_constants.hpp"

#include <charconv>
#include <string>

#include "core/text.hpp"

namespace pysec {
namespace {

bool is_zero(std::string_view number) {
    if (number.starts_with("+")) number.remove_prefix(1);
    if (number.starts_with("0x") || number.starts_with("0X")) {
        return number.substr(2).find_first_not_of('0') == std::string_view::npos;
    }
    double value = 1;
    auto result = std::from_chars(number.data(), number.data() + number.size(), value);
    return result.ec == std::errc{} && value == 0;
}

}  // namespace

bool is_constant_expression(const expr::Expr& expression) {
    switch (expression.kind) {
        case expr::ExprKind::Null:
        case expr::ExprKind::Boolean:
        case expr::ExprKind::Number:
        case expr::ExprKind::String: return true;
        case expr::ExprKind::Not:
        case expr::ExprKind::Binary:
            for (const auto& child : expression.children) {
                if (!is_constant_expression(*child)) return false;
            }
            return true;
        case expr::ExprKind::Call: {
            const std::string& name = expression.name;
            bool pure = name == "format" || name == "contains" || name == "startswith" || name == "endswith" ||
                        name == "join" || name == "tojson" || name == "fromjson";
            if (!pure || expression.children.empty()) return false;
            for (const auto& child : expression.children) {
                if (!is_constant_expression(*child)) return false;
            }
            return true;
        }
        default: return false;
    }
}

bool is_falsy_constant(const expr::Expr& expression) {
    switch (expression.kind) {
        case expr::ExprKind::Null: return true;
        case expr::ExprKind::Boolean: return expression.name == "false";
        case expr::ExprKind::Number: return is_zero(expression.name);
        case expr::ExprKind::String: return expression.name.empty();
        case expr::ExprKind::Call: {
            if (!is_constant_expression(expression)) return false;
            if (expression.name == "fromjson" && expression.children.size() == 1 &&
                expression.children[0]->kind == expr::ExprKind::String) {
                std::string_view json = trim(expression.children[0]->name);
                return json == "false" || json == "null" || json == "\"\"" || (!json.empty() && is_zero(json));
            }
            if (expression.name == "format") {
                auto value = expr::constant_value(expression);
                return value && value->empty();
            }
            return false;
        }
        default: return false;
    }
}

}  // namespace pysec
