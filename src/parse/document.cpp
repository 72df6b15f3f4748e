#include "parse/document.hpp"

#include <array>

namespace pysec {

Document::Document(std::string path, std::string text, DocumentFormat format)
    : path_(std::move(path)), text_(std::move(text)), lines_(text_), format_(format) {}

std::string_view Document::source(const Node& node) const {
    if (node.begin >= text_.size() || node.end < node.begin) return {};
    return std::string_view{text_}.substr(node.begin, node.end - node.begin);
}

Location Document::location(const Node& node, std::string message) const {
    return Location{path_, span(node), std::move(message)};
}

Node& Document::new_node() { return arena_.emplace_back(); }

namespace {

// Fields that name a sequence item better than its index does.
constexpr std::array identifying_fields = {"id", "name", "package-ecosystem", "directory", "repo",
                                           "uses", "version", "run"};

std::string item_identity(const Node& item, std::size_t index) {
    std::string identity;
    if (item.is_mapping()) {
        for (const char* field : identifying_fields) {
            auto value = item.text(field);
            if (!value || value->empty()) continue;
            if (!identity.empty()) identity += ',';
            identity += field;
            identity += '=';
            identity += collapse_whitespace(value->substr(0, 80));
        }
    } else if (item.is_scalar()) {
        identity = collapse_whitespace(std::string_view{item.value}.substr(0, 80));
    }
    return identity.empty() ? std::to_string(index) : identity;
}

}  // namespace

std::string Document::key_path(const Node& node) const {
    std::vector<std::string> parts;
    const Node* current = &node;
    while (current && current->parent) {
        const Node* parent = current->parent;
        if (parent->is_mapping()) {
            if (current->key) {
                parts.push_back(current->key->value);
            } else {
                // `current` is itself a key.
                parts.push_back(current->value);
            }
        } else if (parent->is_sequence()) {
            std::size_t index = 0;
            for (; index < parent->items.size() && parent->items[index] != current; ++index) {
            }
            std::string part = "[";
            part += item_identity(*current, index);
            part += ']';
            parts.push_back(std::move(part));
        }
        current = parent;
    }
    std::string result;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (!result.empty() && (*it)[0] != '[') result += '.';
        result += *it;
    }
    return result;
}

}  // namespace pysec
