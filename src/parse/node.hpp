#pragma once
// One tree for YAML, JSON and TOML documents, with the byte span of every key
// and value so that findings can point at the exact text.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pysec {

enum class NodeKind : std::uint8_t { Null, Scalar, Sequence, Mapping };

// How a scalar was written.  Rules care: `on: "push"` and `on: push` mean the
// same, but an `if:` written as a block scalar keeps a trailing newline.
enum class ScalarStyle : std::uint8_t { Plain, SingleQuoted, DoubleQuoted, Literal, Folded };

// JSON and TOML scalars know their type.  A YAML plain scalar is `Untyped`
// until a consumer asks (`as_bool`, `as_int`); quoted YAML scalars are strings.
enum class ScalarType : std::uint8_t { Untyped, String, Integer, Float, Boolean, DateTime };

class Node {
public:
    struct Entry {
        const Node* key;
        const Node* value;
    };

    NodeKind kind = NodeKind::Null;
    ScalarStyle style = ScalarStyle::Plain;
    ScalarType type = ScalarType::Untyped;
    bool flow = false;                 // YAML `{}`/`[]` collections
    std::size_t begin = 0;             // byte offsets into Document::text; end exclusive
    std::size_t end = 0;
    std::string value;                 // scalar content, decoded
    std::vector<const Node*> items;    // sequence
    std::vector<Entry> entries;        // mapping, in document order
    const Node* parent = nullptr;      // the enclosing collection
    const Node* key = nullptr;         // when this is a mapping value: its key

    bool is_null() const { return kind == NodeKind::Null; }
    bool is_scalar() const { return kind == NodeKind::Scalar; }
    bool is_sequence() const { return kind == NodeKind::Sequence; }
    bool is_mapping() const { return kind == NodeKind::Mapping; }

    // Mapping lookup by scalar key; the last entry wins, as in JSON.
    const Node* get(std::string_view name) const;
    const Entry* find(std::string_view name) const;
    // The scalar's text, or nullopt for anything that is not a scalar.
    std::optional<std::string_view> text() const;
    std::optional<std::string_view> text(std::string_view name) const;
    // YAML 1.2 core schema: true/True/TRUE/false/False/FALSE.
    std::optional<bool> as_bool() const;
    // Decimal integers (optionally signed); nullopt when not an integer.
    std::optional<long long> as_int() const;
};

}  // namespace pysec
