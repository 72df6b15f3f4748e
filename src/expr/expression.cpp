#include "expr/expression.hpp"

#include <cctype>
#include <charconv>

namespace pysec::expr {
namespace {

bool is_identifier_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_identifier_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-'; }

std::string lower(std::string_view text) {
    std::string result(text);
    for (char& c : result) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return result;
}

// Recursive descent with GitHub's precedence: || < && < == != < < <= > >= < ! < postfix.
class Parser {
public:
    explicit Parser(std::string_view text) : text_(text) {}

    std::unique_ptr<Expr> parse() {
        skip_space();
        auto expression = parse_or(0);
        skip_space();
        if (position_ < text_.size()) fail("unexpected '" + std::string(1, text_[position_]) + "'");
        return expression;
    }

private:
    static constexpr std::size_t max_depth = 100;

    [[noreturn]] void fail(const std::string& message) const { throw ExpressionError(message, position_); }

    void skip_space() {
        while (position_ < text_.size() && std::isspace(static_cast<unsigned char>(text_[position_]))) ++position_;
    }

    bool accept(std::string_view token) {
        skip_space();
        if (text_.substr(position_, token.size()) != token) return false;
        position_ += token.size();
        return true;
    }

    std::unique_ptr<Expr> make(ExprKind kind, std::size_t begin) {
        auto expression = std::make_unique<Expr>();
        expression->kind = kind;
        expression->begin = begin;
        expression->end = position_;
        return expression;
    }

    std::unique_ptr<Expr> binary(BinaryOp op, std::unique_ptr<Expr> left, std::unique_ptr<Expr> right) {
        auto expression = std::make_unique<Expr>();
        expression->kind = ExprKind::Binary;
        expression->op = op;
        expression->begin = left->begin;
        expression->end = right->end;
        expression->children.push_back(std::move(left));
        expression->children.push_back(std::move(right));
        return expression;
    }

    void check_depth(std::size_t depth) const {
        if (depth > max_depth) throw ExpressionError("expression nested too deeply", position_);
    }

    std::unique_ptr<Expr> parse_or(std::size_t depth) {
        check_depth(depth);
        auto left = parse_and(depth + 1);
        while (accept("||")) left = binary(BinaryOp::Or, std::move(left), parse_and(depth + 1));
        return left;
    }

    std::unique_ptr<Expr> parse_and(std::size_t depth) {
        auto left = parse_equality(depth);
        while (accept("&&")) left = binary(BinaryOp::And, std::move(left), parse_equality(depth));
        return left;
    }

    std::unique_ptr<Expr> parse_equality(std::size_t depth) {
        auto left = parse_comparison(depth);
        while (true) {
            if (accept("==")) left = binary(BinaryOp::Equal, std::move(left), parse_comparison(depth));
            else if (accept("!=")) left = binary(BinaryOp::NotEqual, std::move(left), parse_comparison(depth));
            else return left;
        }
    }

    std::unique_ptr<Expr> parse_comparison(std::size_t depth) {
        auto left = parse_unary(depth);
        while (true) {
            if (accept("<=")) left = binary(BinaryOp::LessEqual, std::move(left), parse_unary(depth));
            else if (accept(">=")) left = binary(BinaryOp::GreaterEqual, std::move(left), parse_unary(depth));
            else if (accept("<")) left = binary(BinaryOp::Less, std::move(left), parse_unary(depth));
            else if (accept(">")) left = binary(BinaryOp::Greater, std::move(left), parse_unary(depth));
            else return left;
        }
    }

    std::unique_ptr<Expr> parse_unary(std::size_t depth) {
        skip_space();
        std::size_t begin = position_;
        if (position_ < text_.size() && text_[position_] == '!' &&
            (position_ + 1 >= text_.size() || text_[position_ + 1] != '=')) {
            ++position_;
            check_depth(depth + 1);
            auto operand = parse_unary(depth + 1);
            auto expression = make(ExprKind::Not, begin);
            expression->end = operand->end;
            expression->children.push_back(std::move(operand));
            return expression;
        }
        return parse_postfix(depth);
    }

    std::unique_ptr<Expr> parse_postfix(std::size_t depth) {
        auto base = parse_primary(depth);
        while (true) {
            skip_space();
            if (position_ >= text_.size()) return base;
            char c = text_[position_];
            std::size_t begin = base->begin;
            if (c == '.') {
                ++position_;
                skip_space();
                if (accept("*")) {
                    auto star = make(ExprKind::Star, begin);
                    star->children.push_back(std::move(base));
                    base = std::move(star);
                    continue;
                }
                if (position_ >= text_.size() || !is_identifier_start(text_[position_])) fail("expected a property name");
                std::size_t name_begin = position_;
                while (position_ < text_.size() && is_identifier_char(text_[position_])) ++position_;
                auto member = make(ExprKind::Member, begin);
                member->name = text_.substr(name_begin, position_ - name_begin);
                member->children.push_back(std::move(base));
                base = std::move(member);
            } else if (c == '[') {
                ++position_;
                skip_space();
                if (accept("*")) {
                    if (!accept("]")) fail("expected ']'");
                    auto star = make(ExprKind::Star, begin);
                    star->children.push_back(std::move(base));
                    base = std::move(star);
                    continue;
                }
                check_depth(depth + 1);
                auto index = parse_or(depth + 1);
                if (!accept("]")) fail("expected ']'");
                auto access = make(ExprKind::Index, begin);
                access->children.push_back(std::move(base));
                access->children.push_back(std::move(index));
                base = std::move(access);
            } else {
                return base;
            }
        }
    }

    std::unique_ptr<Expr> parse_primary(std::size_t depth) {
        skip_space();
        if (position_ >= text_.size()) fail("unexpected end of expression");
        std::size_t begin = position_;
        char c = text_[position_];
        if (c == '(') {
            ++position_;
            check_depth(depth + 1);
            auto inner = parse_or(depth + 1);
            if (!accept(")")) fail("expected ')'");
            return inner;
        }
        if (c == '\'') return parse_string();
        if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '.') return parse_number();
        if (!is_identifier_start(c)) fail("unexpected '" + std::string(1, c) + "'");
        while (position_ < text_.size() && is_identifier_char(text_[position_])) ++position_;
        std::string word = lower(text_.substr(begin, position_ - begin));
        skip_space();
        if (position_ < text_.size() && text_[position_] == '(') {
            ++position_;
            auto call = make(ExprKind::Call, begin);
            call->name = word;
            skip_space();
            if (!accept(")")) {
                do {
                    check_depth(depth + 1);
                    call->children.push_back(parse_or(depth + 1));
                } while (accept(","));
                if (!accept(")")) fail("expected ',' or ')'");
            }
            call->end = position_;
            return call;
        }
        if (word == "true" || word == "false") {
            auto literal = make(ExprKind::Boolean, begin);
            literal->end = begin + word.size();
            literal->name = word;
            return literal;
        }
        if (word == "null") {
            auto literal = make(ExprKind::Null, begin);
            literal->end = begin + word.size();
            return literal;
        }
        auto identifier = make(ExprKind::Identifier, begin);
        identifier->end = begin + word.size();
        identifier->name = word;
        return identifier;
    }

    std::unique_ptr<Expr> parse_string() {
        std::size_t begin = position_++;
        std::string value;
        while (true) {
            if (position_ >= text_.size()) {
                position_ = begin;
                fail("string is not closed");
            }
            char c = text_[position_++];
            if (c == '\'') {
                if (position_ < text_.size() && text_[position_] == '\'') {
                    value += '\'';
                    ++position_;
                    continue;
                }
                break;
            }
            value += c;
        }
        auto literal = make(ExprKind::String, begin);
        literal->name = std::move(value);
        return literal;
    }

    std::unique_ptr<Expr> parse_number() {
        std::size_t begin = position_;
        while (position_ < text_.size() &&
               (std::isalnum(static_cast<unsigned char>(text_[position_])) || text_[position_] == '.' ||
                text_[position_] == '-' || text_[position_] == '+')) {
            // Stop a sign that starts the next operand of a binary minus (not in the grammar anyway).
            if ((text_[position_] == '-' || text_[position_] == '+') && position_ > begin &&
                text_[position_ - 1] != 'e' && text_[position_ - 1] != 'E') {
                break;
            }
            ++position_;
        }
        std::string_view digits = text_.substr(begin, position_ - begin);
        double value = 0;
        bool hex = digits.starts_with("0x") || digits.starts_with("0X");
        bool valid = false;
        if (hex) {
            long long integer = 0;
            auto result = std::from_chars(digits.data() + 2, digits.data() + digits.size(), integer, 16);
            valid = result.ec == std::errc{} && result.ptr == digits.data() + digits.size();
        } else {
            std::string_view body = digits.starts_with("+") ? digits.substr(1) : digits;
            auto result = std::from_chars(body.data(), body.data() + body.size(), value);
            valid = !body.empty() && result.ec == std::errc{} && result.ptr == body.data() + body.size();
        }
        if (!valid) {
            position_ = begin;
            fail("invalid number '" + std::string(digits) + "'");
        }
        auto literal = make(ExprKind::Number, begin);
        literal->name = digits;
        return literal;
    }

    std::string_view text_;
    std::size_t position_ = 0;
};

}  // namespace

std::unique_ptr<Expr> parse_expression(std::string_view text) { return Parser(text).parse(); }

std::optional<std::string> context_path(const Expr& expression) {
    switch (expression.kind) {
        case ExprKind::Identifier: return expression.name;
        case ExprKind::Member: {
            auto base = context_path(*expression.children[0]);
            if (!base) return std::nullopt;
            return *base + "." + lower(expression.name);
        }
        case ExprKind::Star: {
            auto base = context_path(*expression.children[0]);
            if (!base) return std::nullopt;
            return *base + ".*";
        }
        case ExprKind::Index: {
            auto base = context_path(*expression.children[0]);
            if (!base) return std::nullopt;
            const Expr& index = *expression.children[1];
            if (index.kind == ExprKind::String) return *base + "." + lower(index.name);
            return *base + ".*";  // a number or a computed index: any element
        }
        default: return std::nullopt;
    }
}

namespace {

bool truthy(const Expr& literal, const std::string& value) {
    switch (literal.kind) {
        case ExprKind::Null: return false;
        case ExprKind::Boolean: return value == "true";
        case ExprKind::Number: return value != "0" && value != "-0" && value != "0.0";
        default: return !value.empty();
    }
}

// `format('{0} and {1}', a, b)`, with `{{`/`}}` as literal braces.
std::optional<std::string> apply_format(const std::string& pattern, const std::vector<std::string>& arguments) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        char c = pattern[i];
        if (c == '{' && i + 1 < pattern.size() && pattern[i + 1] == '{') {
            out += '{';
            ++i;
        } else if (c == '}' && i + 1 < pattern.size() && pattern[i + 1] == '}') {
            out += '}';
            ++i;
        } else if (c == '{') {
            auto close = pattern.find('}', i);
            if (close == std::string::npos) return std::nullopt;
            std::size_t index = 0;
            auto result = std::from_chars(pattern.data() + i + 1, pattern.data() + close, index);
            if (result.ec != std::errc{} || index >= arguments.size()) return std::nullopt;
            out += arguments[index];
            i = close;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

std::optional<std::string> constant_value(const Expr& expression) {
    switch (expression.kind) {
        case ExprKind::Null: return std::string();
        case ExprKind::Boolean:
        case ExprKind::Number:
        case ExprKind::String: return expression.name;
        case ExprKind::Binary: {
            if (expression.op != BinaryOp::And && expression.op != BinaryOp::Or) return std::nullopt;
            const Expr& left = *expression.children[0];
            auto left_value = constant_value(left);
            if (!left_value || !left.is_literal()) return std::nullopt;
            bool left_true = truthy(left, *left_value);
            if (expression.op == BinaryOp::And) return left_true ? constant_value(*expression.children[1]) : left_value;
            return left_true ? left_value : constant_value(*expression.children[1]);
        }
        case ExprKind::Call: {
            std::vector<std::string> arguments;
            for (const auto& child : expression.children) {
                auto value = constant_value(*child);
                if (!value) return std::nullopt;
                arguments.push_back(*value);
            }
            if (expression.name == "format" && !arguments.empty()) {
                return apply_format(arguments[0], {arguments.begin() + 1, arguments.end()});
            }
            if ((expression.name == "tojson" || expression.name == "fromjson") && arguments.size() == 1) {
                const Expr& argument = *expression.children[0];
                if (expression.name == "tojson" && argument.kind == ExprKind::String) {
                    return "\"" + arguments[0] + "\"";
                }
                if (expression.name == "fromjson" && arguments[0].size() >= 2 && arguments[0].front() == '"' &&
                    arguments[0].back() == '"') {
                    return arguments[0].substr(1, arguments[0].size() - 2);
                }
                return arguments[0];
            }
            return std::nullopt;
        }
        default: return std::nullopt;
    }
}

}  // namespace pysec::expr
