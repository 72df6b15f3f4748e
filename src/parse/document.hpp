#pragma once
// A parsed file: its text, a line index, and (for YAML/JSON/TOML) a node tree.

#include <deque>
#include <memory>
#include <string>
#include <string_view>

#include "core/location.hpp"
#include "core/text.hpp"
#include "parse/node.hpp"

namespace pysec {

enum class DocumentFormat { Yaml, Json, Json5, Toml, Ini, Text };

// Owns the text that nodes and the line index point into, so it is neither
// copyable nor movable: hold it through std::unique_ptr.
class Document {
public:
    Document(std::string path, std::string text, DocumentFormat format);
    Document(const Document&) = delete;
    Document& operator=(const Document&) = delete;

    const std::string& path() const { return path_; }
    std::string_view text() const { return text_; }
    const LineIndex& lines() const { return lines_; }
    DocumentFormat format() const { return format_; }
    const Node* root() const { return root_; }

    Position position(std::size_t offset) const { return lines_.position(offset); }
    Span span(std::size_t begin, std::size_t end) const { return {position(begin), position(end)}; }
    Span span(const Node& node) const { return span(node.begin, node.end); }
    std::string_view source(const Node& node) const;
    Location location(const Node& node, std::string message = {}) const;

    // A readable path to the node that survives edits elsewhere in the file:
    // mapping keys by name and sequence items by an identifying field
    // (`jobs.test.steps[uses=actions/checkout@v4]`), by index only as a last resort.
    std::string key_path(const Node& node) const;

    // Building (parsers only).
    Node& new_node();
    void set_root(const Node* root) { root_ = root; }

private:
    std::string path_;
    std::string text_;
    LineIndex lines_;
    DocumentFormat format_;
    std::deque<Node> arena_;
    const Node* root_ = nullptr;
};

}  // namespace pysec
