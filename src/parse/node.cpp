#include "parse/node.hpp"

#include <charconv>

namespace pysec {

const Node::Entry* Node::find(std::string_view name) const {
    if (kind != NodeKind::Mapping) return nullptr;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it) {
        if (it->key->kind == NodeKind::Scalar && it->key->value == name) return &*it;
    }
    return nullptr;
}

const Node* Node::get(std::string_view name) const {
    const Entry* entry = find(name);
    return entry ? entry->value : nullptr;
}

std::optional<std::string_view> Node::text() const {
    if (kind != NodeKind::Scalar) return std::nullopt;
    return std::string_view{value};
}

std::optional<std::string_view> Node::text(std::string_view name) const {
    const Node* child = get(name);
    return child ? child->text() : std::nullopt;
}

std::optional<bool> Node::as_bool() const {
    if (kind != NodeKind::Scalar) return std::nullopt;
    if (type != ScalarType::Untyped && type != ScalarType::Boolean) return std::nullopt;
    if (value == "true" || value == "True" || value == "TRUE") return true;
    if (value == "false" || value == "False" || value == "FALSE") return false;
    return std::nullopt;
}

std::optional<long long> Node::as_int() const {
    if (kind != NodeKind::Scalar) return std::nullopt;
    if (type != ScalarType::Untyped && type != ScalarType::Integer) return std::nullopt;
    std::string_view digits = value;
    if (!digits.empty() && digits.front() == '+') digits.remove_prefix(1);
    long long result = 0;
    auto parsed = std::from_chars(digits.data(), digits.data() + digits.size(), result);
    if (parsed.ec != std::errc{} || parsed.ptr != digits.data() + digits.size() || digits.empty()) return std::nullopt;
    return result;
}

}  // namespace pysec
