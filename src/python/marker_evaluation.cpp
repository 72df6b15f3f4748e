// Marker::evaluate, following packaging's Marker.evaluate.

#include <algorithm>
#include <array>
#include <variant>

#include "python/marker.hpp"
#include "python/package_name.hpp"
#include "python/python_text.hpp"
#include "python/specifier.hpp"

namespace pysec::python {

namespace {

using Value = std::variant<std::string, std::set<std::string>>;

// Variables whose values are versions: compared with PEP 440 specifiers.
constexpr std::array<std::string_view, 4> version_variables{
    "implementation_version", "platform_release", "python_full_version", "python_version"};

bool is_set_variable(std::string_view name) { return name == "extras" || name == "dependency_groups"; }

std::string repr(const Value& value) {
    if (const auto* text = std::get_if<std::string>(&value)) return python_repr(*text);
    std::string text = "{";
    for (const std::string& item : std::get<std::set<std::string>>(value)) {
        if (text.size() > 1) text += ", ";
        text += python_repr(item);
    }
    return text + "}";
}

class Evaluator {
public:
    Evaluator(const MarkerEnvironment& environment, MarkerContext context)
        : environment_(environment), context_(context) {}

    // Every comparison is evaluated, in order, so that an error anywhere is reported
    // as packaging reports it.  `and` binds tighter than `or`.
    std::optional<bool> evaluate(const MarkerExpression& expression) {
        bool any_group = false;
        bool current_group = true;
        for (std::size_t i = 0; i < expression.terms.size(); ++i) {
            if (i > 0 && i - 1 < expression.joins.size() && expression.joins[i - 1] == MarkerJoin::disjunction) {
                any_group = any_group || current_group;
                current_group = true;
            }
            auto value = evaluate(expression.terms[i]);
            if (!value) return std::nullopt;
            current_group = current_group && *value;
        }
        return any_group || current_group;
    }

    const std::string& error() const { return error_; }

private:
    std::optional<bool> evaluate(const MarkerExpression::Term& term) {
        if (term.comparison) return compare(*term.comparison);
        if (term.group.empty()) return true;
        return evaluate(term.group.front());
    }

    // The variable's value, with the context's defaults and packaging's repairs.
    std::optional<Value> lookup(const std::string& name) {
        if (auto value = environment_.values.find(name); value != environment_.values.end()) {
            if (name == "extra") return canonicalize_name(value->second);
            // An untagged CPython build reports "3.11.1+", which is not a version.
            if (name == "python_full_version" && value->second.ends_with('+')) return value->second + "local";
            return value->second;
        }
        if (auto set = environment_.sets.find(name); set != environment_.sets.end()) return set->second;
        if (name == "extra" && context_ == MarkerContext::metadata) return std::string();
        if (is_set_variable(name) && context_ == MarkerContext::lock_file) return std::set<std::string>();
        error_ = "Undefined environment name: " + python_repr(name);
        return std::nullopt;
    }

    std::optional<bool> compare(const MarkerComparison& comparison) {
        // The variable's value on its side, the other side's text on the other; with
        // two variables the right one counts as text, with two strings the right
        // one names the variable (both as packaging does).
        std::string key;
        Value left;
        Value right;
        if (comparison.left.is_variable) {
            key = comparison.left.text;
            auto value = lookup(key);
            if (!value) return std::nullopt;
            left = std::move(*value);
            right = comparison.right.text;
        } else {
            key = comparison.right.text;
            auto value = lookup(key);
            if (!value) return std::nullopt;
            left = comparison.left.text;
            right = std::move(*value);
        }
        auto* lhs = std::get_if<std::string>(&left);
        if (!lhs) return undefined(comparison.op, left, right);

        if (is_set_variable(key)) {
            *lhs = canonicalize_name(*lhs);
            if (auto* text = std::get_if<std::string>(&right)) {
                *text = canonicalize_name(*text);
            } else {
                std::set<std::string> names;
                for (const std::string& name : std::get<std::set<std::string>>(right)) {
                    names.insert(canonicalize_name(name));
                }
                right = std::move(names);
            }
        }
        return apply(comparison.op, *lhs, right, key);
    }

    std::optional<bool> apply(const std::string& op, const std::string& lhs, const Value& rhs,
                              const std::string& key) {
        const auto* text = std::get_if<std::string>(&rhs);
        bool is_version = std::find(version_variables.begin(), version_variables.end(), key) !=
                          version_variables.end();
        if (is_version && text) {
            if (auto specifier = Specifier::parse(op + *text)) return specifier->contains(std::string_view(lhs));
        }
        const auto* set = std::get_if<std::set<std::string>>(&rhs);
        bool equal = text && lhs == *text;
        if (op == "in" || op == "not in") {
            bool found = text ? text->find(lhs) != std::string::npos : set->count(lhs) > 0;
            return op == "in" ? found : !found;
        }
        // Strings have no order: < and > never hold, <= and >= mean equality.
        if (op == "<" || op == ">") return false;
        if (op == "<=" || op == ">=" || op == "==") return equal;
        if (op == "!=") return !equal;
        return undefined(op, lhs, rhs);
    }

    std::optional<bool> undefined(const std::string& op, const Value& lhs, const Value& rhs) {
        error_ = "Undefined <Op(" + python_repr(op) + ")> on " + repr(lhs) + " and " + repr(rhs) + ".";
        return std::nullopt;
    }

    const MarkerEnvironment& environment_;
    MarkerContext context_;
    std::string error_;
};

}  // namespace

MarkerEvaluation Marker::evaluate(const MarkerEnvironment& environment, MarkerContext context) const {
    Evaluator evaluator(environment, context);
    auto result = evaluator.evaluate(expression_);
    if (!result) return {false, evaluator.error()};
    return {*result, {}};
}

}  // namespace pysec::python
