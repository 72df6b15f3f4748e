// TOML through toml++, converted into the shared Node tree so that rules and
// fingerprints treat pyproject.toml and uv.lock like any other document.

#include <algorithm>
#include <charconv>
#include <sstream>

#include <toml++/toml.h>

#include "parse/parse.hpp"
#include "parse/parse_error.hpp"

namespace pysec {
namespace {

class TomlConverter {
public:
    explicit TomlConverter(Document& document) : document_(document) {}

    Node& convert(const toml::node& source, const Node* parent) {
        Node& node = document_.new_node();
        node.parent = parent;
        set_span(node, source.source());
        if (const auto* table = source.as_table()) {
            node.kind = NodeKind::Mapping;
            for (auto&& [name, child] : *table) {
                Node& key = document_.new_node();
                key.kind = NodeKind::Scalar;
                key.type = ScalarType::String;
                key.value = name.str();
                key.parent = &node;
                set_span(key, name.source());
                Node& value = convert(child, &node);
                value.key = &key;
                node.entries.push_back(Node::Entry{&key, &value});
            }
            // toml++ keeps keys sorted; documents read in the order they were written.
            std::stable_sort(node.entries.begin(), node.entries.end(),
                             [](const Node::Entry& a, const Node::Entry& b) { return a.key->begin < b.key->begin; });
            if (!node.entries.empty()) node.end = std::max(node.end, node.entries.back().value->end);
        } else if (const auto* array = source.as_array()) {
            node.kind = NodeKind::Sequence;
            for (const toml::node& child : *array) node.items.push_back(&convert(child, &node));
            if (!node.items.empty()) node.end = std::max(node.end, node.items.back()->end);
        } else {
            node.kind = NodeKind::Scalar;
            set_scalar(node, source);
        }
        return node;
    }

private:
    void set_span(Node& node, const toml::source_region& region) {
        const LineIndex& lines = document_.lines();
        node.begin = lines.offset(Position{region.begin.line, region.begin.column});
        node.end = std::max(node.begin, lines.offset(Position{region.end.line, region.end.column}));
    }

    static void set_scalar(Node& node, const toml::node& source) {
        switch (source.type()) {
            case toml::node_type::string:
                node.type = ScalarType::String;
                node.value = source.as_string()->get();
                break;
            case toml::node_type::integer:
                node.type = ScalarType::Integer;
                node.value = std::to_string(source.as_integer()->get());
                break;
            case toml::node_type::floating_point: {
                node.type = ScalarType::Float;
                char buffer[64];
                auto result = std::to_chars(buffer, buffer + sizeof buffer, source.as_floating_point()->get());
                node.value.assign(buffer, result.ptr);
                break;
            }
            case toml::node_type::boolean:
                node.type = ScalarType::Boolean;
                node.value = source.as_boolean()->get() ? "true" : "false";
                break;
            default: {
                // date, time and date-time: keep toml++'s RFC 3339 rendering.
                node.type = ScalarType::DateTime;
                std::ostringstream text;
                source.visit([&](auto&& value) { text << value; });
                node.value = text.str();
                break;
            }
        }
    }

    Document& document_;
};

}  // namespace

void parse_toml(Document& document) {
    try {
        toml::table table = toml::parse(document.text(), document.path());
        document.set_root(&TomlConverter(document).convert(table, nullptr));
    } catch (const toml::parse_error& error) {
        const auto& begin = error.source().begin;
        throw ParseError(std::string(error.description()), Position{begin.line, begin.column});
    }
}

}  // namespace pysec
