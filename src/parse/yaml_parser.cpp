// YAML through yaml-cpp's event parser, built straight into our Node tree.
//
// Why events and not YAML::Load: one pass over the text, and control over what
// yaml-cpp leaves to the caller: duplicate keys (accepted silently), aliases
// (shared, so an alias bomb is cheap to parse but exponential to walk), the
// position of empty values (it reports the next token), and the end of every
// scalar (it reports only the start).

#include <sstream>
#include <unordered_map>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "parse/parse.hpp"
#include "parse/parse_error.hpp"
#include "parse/yaml_scalar_extent.hpp"

namespace pysec {
namespace {

class TreeBuilder : public YAML::EventHandler {
public:
    explicit TreeBuilder(Document& document) : document_(document), text_(document.text()) {}

    const Node* root() const { return root_; }

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        Node& node = document_.new_node();
        node.kind = NodeKind::Null;
        place_null(node, mark_offset(mark));
        attach(node);
        complete(node, anchor);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = anchors_.find(anchor);
        if (it == anchors_.end() || it->second == nullptr) {
            throw ParseError("alias refers to an anchor that encloses it (recursive alias)", mark_offset(mark));
        }
        attach(*it->second);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        Node& node = document_.new_node();
        node.kind = NodeKind::Scalar;
        node.value = value;
        YamlScalarExtent extent = yaml_scalar_extent(text_, mark_offset(mark), value);
        node.begin = extent.begin;
        node.end = extent.end;
        node.style = extent.style;
        // yaml-cpp tags non-plain scalars "!" and leaves plain ones "?": only
        // an untagged plain scalar may be a number or boolean.
        bool plain = node.style == ScalarStyle::Plain && (tag.empty() || tag == "?");
        node.type = plain ? ScalarType::Untyped : ScalarType::String;
        attach(node);
        complete(node, anchor);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        open(NodeKind::Sequence, mark, anchor, style);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        open(NodeKind::Mapping, mark, anchor, style);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame {
        Node* node;
        YAML::anchor_t anchor;
        const Node* pending_key = nullptr;
    };

    std::size_t mark_offset(const YAML::Mark& mark) const {
        if (mark.pos < 0) return text_.size();
        return std::min(static_cast<std::size_t>(mark.pos), text_.size());
    }

    // yaml-cpp puts an empty value (`push:` then a newline) at the next token.
    // Give it a zero-width span right after its key's colon instead; an
    // explicit `~` or `null` keeps its own span.
    void place_null(Node& node, std::size_t mark) {
        node.begin = node.end = mark;
        if (stack_.empty() || !stack_.back().pending_key) return;
        std::size_t position = stack_.back().pending_key->end;
        while (position < text_.size() && (text_[position] == ' ' || text_[position] == '\t')) ++position;
        if (position < text_.size() && text_[position] == ':') ++position;
        std::size_t after_colon = position;
        while (position < text_.size() && (text_[position] == ' ' || text_[position] == '\t')) ++position;
        for (std::string_view word : {"~", "null", "Null", "NULL"}) {
            if (position == mark && text_.substr(position, word.size()) == word) {
                node.end = mark + word.size();
                return;
            }
        }
        node.begin = node.end = after_colon;
    }

    void open(NodeKind kind, const YAML::Mark& mark, YAML::anchor_t anchor, YAML::EmitterStyle::value style) {
        if (stack_.size() >= max_nesting_depth) {
            throw ParseError("nesting deeper than " + std::to_string(max_nesting_depth) + " levels",
                             mark_offset(mark));
        }
        Node& node = document_.new_node();
        node.kind = kind;
        node.flow = style == YAML::EmitterStyle::Flow;
        node.begin = node.end = skip_properties(text_, mark_offset(mark));
        attach(node);
        if (anchor != YAML::NullAnchor) anchors_[anchor] = nullptr;  // defined, not yet usable
        stack_.push_back(Frame{&node, anchor});
    }

    void close() {
        Frame frame = stack_.back();
        stack_.pop_back();
        Node& node = *frame.node;
        std::uint64_t weight = 1;
        if (node.is_sequence()) {
            for (const Node* item : node.items) weight += weight_of(item);
            if (!node.items.empty()) node.end = std::max(node.end, node.items.back()->end);
        } else {
            for (const auto& entry : node.entries) weight += weight_of(entry.key) + weight_of(entry.value);
            if (!node.entries.empty()) node.end = std::max(node.end, node.entries.back().value->end);
        }
        if (node.flow) node.end = closing_bracket_end(node);
        if (weight > max_yaml_expanded_nodes) {
            throw ParseError("aliases expand to more than " + std::to_string(max_yaml_expanded_nodes) +
                                 " nodes (an alias bomb?)",
                             node.begin);
        }
        weights_[&node] = weight;
        complete(node, frame.anchor);
    }

    std::uint64_t weight_of(const Node* node) const {
        auto it = weights_.find(node);
        return it == weights_.end() ? 1 : it->second;
    }

    // The end of a flow collection is its closing bracket, after the last item.
    std::size_t closing_bracket_end(const Node& node) const {
        char closing = node.is_mapping() ? '}' : ']';
        std::size_t position = node.end;
        if (position == node.begin) ++position;  // past the opening bracket of an empty collection
        bool in_comment = false;
        for (; position < text_.size(); ++position) {
            char c = text_[position];
            if (in_comment) {
                in_comment = c != '\n';
            } else if (c == '#') {
                in_comment = true;
            } else if (c == closing) {
                return position + 1;
            } else if (c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != ',') {
                break;
            }
        }
        return node.end;
    }

    void attach(Node& node) {
        if (stack_.empty()) {
            if (root_) throw ParseError("more than one root node", node.begin);
            root_ = &node;
            return;
        }
        Frame& frame = stack_.back();
        Node& parent = *frame.node;
        // A node reached through an alias keeps the parent of its anchor.
        bool first_parent = node.parent == nullptr;
        if (parent.is_sequence()) {
            parent.items.push_back(&node);
            if (first_parent) node.parent = &parent;
            return;
        }
        if (!frame.pending_key) {
            check_duplicate_key(parent, node);
            frame.pending_key = &node;
            if (first_parent) node.parent = &parent;
            return;
        }
        parent.entries.push_back(Node::Entry{frame.pending_key, &node});
        if (first_parent) {
            node.parent = &parent;
            node.key = frame.pending_key;
        }
        frame.pending_key = nullptr;
    }

    void check_duplicate_key(const Node& mapping, const Node& key) const {
        if (!key.is_scalar()) return;
        for (const auto& entry : mapping.entries) {
            if (entry.key->is_scalar() && entry.key->value == key.value) {
                auto first = document_.position(entry.key->begin);
                throw ParseError("duplicate key '" + key.value + "' (first defined at line " +
                                     std::to_string(first.line) + ")",
                                 key.begin);
            }
        }
    }

    void complete(Node& node, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) anchors_[anchor] = &node;
    }

    Document& document_;
    std::string_view text_;
    std::vector<Frame> stack_;
    std::unordered_map<YAML::anchor_t, Node*> anchors_;
    std::unordered_map<const Node*, std::uint64_t> weights_;
    const Node* root_ = nullptr;
};

// yaml-cpp prefixes messages with "yaml-cpp: error at line L, column C: ";
// the position is reported separately, so keep only the reason.
std::string reason_of(const YAML::Exception& error) {
    return error.msg.empty() ? std::string("invalid YAML") : error.msg;
}

}  // namespace

void parse_yaml(Document& document) {
    std::istringstream stream{std::string(document.text())};
    TreeBuilder builder(document);
    try {
        YAML::Parser parser(stream);
        if (!parser.HandleNextDocument(builder)) return;  // empty file or only comments
        TreeBuilder extra(document);
        if (parser.HandleNextDocument(extra)) {
            const Node* second = extra.root();
            throw ParseError("more than one YAML document; only single-document files are supported",
                             second ? second->begin : document.text().size());
        }
    } catch (const YAML::Exception& error) {
        std::size_t offset = error.mark.pos >= 0 ? static_cast<std::size_t>(error.mark.pos) : 0;
        throw ParseError(reason_of(error), std::min(offset, document.text().size()));
    }
    document.set_root(builder.root());
}

}  // namespace pysec
