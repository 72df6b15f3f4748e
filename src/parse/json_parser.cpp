// JSON with comments (`//`, `/* */`) and trailing commas, as Renovate and
// devcontainer files are written, into the shared Node tree.
//
// nlohmann::json (3.11 on Debian 12) keeps no source positions, and findings
// must point at the key or value, so this small recursive-descent reader does
// the parsing; tests check that it agrees with nlohmann on the values.

#include <string>

#include "parse/parse.hpp"
#include "parse/parse_error.hpp"

namespace pysec {
namespace {

class JsonReader {
public:
    explicit JsonReader(Document& document) : document_(document), text_(document.text()) {}

    const Node* read() {
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") position_ = 3;
        skip_space();
        if (position_ >= text_.size()) return nullptr;  // empty file
        const Node* root = &value(0);
        skip_space();
        if (position_ < text_.size()) fail("unexpected text after the JSON value");
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& message) const { throw ParseError(message, position_); }

    void skip_space() {
        while (position_ < text_.size()) {
            char c = text_[position_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++position_;
            } else if (c == '/' && position_ + 1 < text_.size() && text_[position_ + 1] == '/') {
                std::size_t newline = text_.find('\n', position_);
                position_ = newline == std::string_view::npos ? text_.size() : newline + 1;
            } else if (c == '/' && position_ + 1 < text_.size() && text_[position_ + 1] == '*') {
                std::size_t close = text_.find("*/", position_ + 2);
                if (close == std::string_view::npos) fail("comment is not closed");
                position_ = close + 2;
            } else {
                return;
            }
        }
    }

    Node& make(NodeKind kind, std::size_t begin) {
        Node& node = document_.new_node();
        node.kind = kind;
        node.begin = begin;
        return node;
    }

    Node& value(std::size_t depth) {
        if (depth >= max_nesting_depth) fail("nesting deeper than " + std::to_string(max_nesting_depth) + " levels");
        if (position_ >= text_.size()) fail("unexpected end of file; expected a value");
        char c = text_[position_];
        if (c == '{') return object(depth);
        if (c == '[') return array(depth);
        if (c == '"') return string_node();
        if (c == '-' || (c >= '0' && c <= '9')) return number();
        for (auto [word, kind, type] : {std::tuple{"true", NodeKind::Scalar, ScalarType::Boolean},
                                        std::tuple{"false", NodeKind::Scalar, ScalarType::Boolean},
                                        std::tuple{"null", NodeKind::Null, ScalarType::Untyped}}) {
            std::string_view literal{word};
            if (text_.substr(position_, literal.size()) == literal) {
                Node& node = make(kind, position_);
                node.type = type;
                if (kind == NodeKind::Scalar) node.value = literal;
                position_ += literal.size();
                node.end = position_;
                return node;
            }
        }
        fail(std::string("unexpected character '") + c + "'; expected a value");
    }

    Node& object(std::size_t depth) {
        Node& node = make(NodeKind::Mapping, position_);
        ++position_;
        skip_space();
        while (position_ < text_.size() && text_[position_] != '}') {
            if (text_[position_] != '"') fail("expected a quoted key");
            Node& key = string_node();
            key.parent = &node;
            skip_space();
            if (position_ >= text_.size() || text_[position_] != ':') fail("expected ':' after the key");
            ++position_;
            skip_space();
            Node& item = value(depth + 1);
            item.parent = &node;
            item.key = &key;
            node.entries.push_back(Node::Entry{&key, &item});
            skip_space();
            if (position_ < text_.size() && text_[position_] == ',') {
                ++position_;
                skip_space();
            } else if (position_ < text_.size() && text_[position_] != '}') {
                fail("expected ',' or '}'");
            }
        }
        if (position_ >= text_.size()) fail("object is not closed");
        node.end = ++position_;
        return node;
    }

    Node& array(std::size_t depth) {
        Node& node = make(NodeKind::Sequence, position_);
        ++position_;
        skip_space();
        while (position_ < text_.size() && text_[position_] != ']') {
            Node& item = value(depth + 1);
            item.parent = &node;
            node.items.push_back(&item);
            skip_space();
            if (position_ < text_.size() && text_[position_] == ',') {
                ++position_;
                skip_space();
            } else if (position_ < text_.size() && text_[position_] != ']') {
                fail("expected ',' or ']'");
            }
        }
        if (position_ >= text_.size()) fail("array is not closed");
        node.end = ++position_;
        return node;
    }

    Node& number() {
        Node& node = make(NodeKind::Scalar, position_);
        node.type = ScalarType::Integer;
        auto digits = [&] {
            std::size_t start = position_;
            while (position_ < text_.size() && text_[position_] >= '0' && text_[position_] <= '9') ++position_;
            if (position_ == start) fail("expected a digit");
        };
        if (text_[position_] == '-') ++position_;
        if (position_ < text_.size() && text_[position_] == '0') {
            ++position_;
        } else {
            digits();
        }
        if (position_ < text_.size() && text_[position_] == '.') {
            ++position_;
            digits();
            node.type = ScalarType::Float;
        }
        if (position_ < text_.size() && (text_[position_] == 'e' || text_[position_] == 'E')) {
            ++position_;
            if (position_ < text_.size() && (text_[position_] == '+' || text_[position_] == '-')) ++position_;
            digits();
            node.type = ScalarType::Float;
        }
        node.end = position_;
        node.value = text_.substr(node.begin, node.end - node.begin);
        return node;
    }

    unsigned hex4() {
        if (position_ + 4 > text_.size()) fail("incomplete \\u escape");
        unsigned value = 0;
        for (int i = 0; i < 4; ++i) {
            char c = text_[position_++];
            value <<= 4;
            if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
            else fail("invalid \\u escape");
        }
        return value;
    }

    static void append_utf8(std::string& out, char32_t code_point) {
        if (code_point < 0x80) {
            out += static_cast<char>(code_point);
        } else if (code_point < 0x800) {
            out += static_cast<char>(0xC0 | (code_point >> 6));
            out += static_cast<char>(0x80 | (code_point & 0x3F));
        } else if (code_point < 0x10000) {
            out += static_cast<char>(0xE0 | (code_point >> 12));
            out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code_point & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (code_point >> 18));
            out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (code_point & 0x3F));
        }
    }

    Node& string_node() {
        Node& node = make(NodeKind::Scalar, position_);
        node.type = ScalarType::String;
        node.style = ScalarStyle::DoubleQuoted;
        ++position_;
        while (true) {
            if (position_ >= text_.size()) fail("string is not closed");
            char c = text_[position_];
            if (c == '"') break;
            if (static_cast<unsigned char>(c) < 0x20) fail("control character in string");
            if (c != '\\') {
                node.value += c;
                ++position_;
                continue;
            }
            ++position_;
            if (position_ >= text_.size()) fail("string is not closed");
            char escape = text_[position_++];
            switch (escape) {
                case '"': node.value += '"'; break;
                case '\\': node.value += '\\'; break;
                case '/': node.value += '/'; break;
                case 'b': node.value += '\b'; break;
                case 'f': node.value += '\f'; break;
                case 'n': node.value += '\n'; break;
                case 'r': node.value += '\r'; break;
                case 't': node.value += '\t'; break;
                case 'u': {
                    char32_t code_point = hex4();
                    if (code_point >= 0xD800 && code_point <= 0xDBFF) {
                        if (text_.substr(position_, 2) != "\\u") fail("unpaired surrogate in \\u escape");
                        position_ += 2;
                        unsigned low = hex4();
                        if (low < 0xDC00 || low > 0xDFFF) fail("unpaired surrogate in \\u escape");
                        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
                    } else if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
                        fail("unpaired surrogate in \\u escape");
                    }
                    append_utf8(node.value, code_point);
                    break;
                }
                default: fail(std::string("invalid escape '\\") + escape + "'");
            }
        }
        node.end = ++position_;
        return node;
    }

    Document& document_;
    std::string_view text_;
    std::size_t position_ = 0;
};

}  // namespace

void parse_json(Document& document) { document.set_root(JsonReader(document).read()); }

}  // namespace pysec
