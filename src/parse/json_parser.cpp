// JSON with comments (`//`, `/* */`) and trailing commas, as Renovate and
// devcontainer files are written, into the shared Node tree; and JSON5
// (https://spec.json5.org), which Renovate reads from `.json5` files: unquoted
// keys, single-quoted strings, escaped line breaks, hex and signed numbers,
// leading or trailing decimal points, Infinity and NaN, more white space.
//
// nlohmann::json (3.11 on Debian 12) keeps no source positions, and findings
// must point at the key or value, so this small recursive-descent reader does
// the parsing; tests check that it agrees with nlohmann on the values.

#include <charconv>
#include <string>

#include "parse/parse.hpp"
#include "parse/parse_error.hpp"

namespace pysec {
namespace {

enum class Dialect { Jsonc, Json5 };

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex_digit(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
// ECMAScript identifier characters, approximated: ASCII letters, `$`, `_`, and
// any non-ASCII code point (JSON5 allows Unicode letters in keys).
bool is_identifier_start(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '$' || c == '_' ||
           static_cast<unsigned char>(c) >= 0x80;
}
bool is_identifier_part(char c) { return is_identifier_start(c) || is_digit(c); }

// Length of a JSON5 white-space code point other than ASCII space, tab and line breaks at `at`, or 0.
std::size_t json5_extra_space(std::string_view text, std::size_t at) {
    char c = text[at];
    if (c == '\v' || c == '\f') return 1;
    static constexpr std::string_view spaces[] = {
        "\xC2\xA0",      // U+00A0 no-break space
        "\xEF\xBB\xBF",  // U+FEFF byte order mark
        "\xE2\x80\xA8",  // U+2028 line separator
        "\xE2\x80\xA9",  // U+2029 paragraph separator
        "\xE1\x9A\x80",  // U+1680 ogham space mark
        "\xE2\x80\xAF",  // U+202F narrow no-break space
        "\xE2\x81\x9F",  // U+205F medium mathematical space
        "\xE3\x80\x80",  // U+3000 ideographic space
    };
    for (std::string_view space : spaces) {
        if (text.substr(at, space.size()) == space) return space.size();
    }
    // U+2000..U+200A: E2 80 80..8A
    if (text.substr(at, 2) == "\xE2\x80" && at + 2 < text.size()) {
        auto third = static_cast<unsigned char>(text[at + 2]);
        if (third >= 0x80 && third <= 0x8A) return 3;
    }
    return 0;
}

void append_utf8(std::string& out, char32_t code_point) {
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

class JsonReader {
public:
    JsonReader(Document& document, Dialect dialect) : document_(document), text_(document.text()), dialect_(dialect) {}

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
    bool json5() const { return dialect_ == Dialect::Json5; }

    [[noreturn]] void fail(const std::string& message) const { throw ParseError(message, position_); }

    char peek(std::size_t ahead = 0) const {
        return position_ + ahead < text_.size() ? text_[position_ + ahead] : '\0';
    }

    // An identifier character right after a number or literal (`1x`, `truex`); Unicode spaces are not.
    bool identifier_follows() const {
        return position_ < text_.size() && is_identifier_part(text_[position_]) && !json5_extra_space(text_, position_);
    }

    void skip_space() {
        while (position_ < text_.size()) {
            char c = text_[position_];
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
                ++position_;
            } else if (c == '/' && peek(1) == '/') {
                std::size_t newline = text_.find('\n', position_);
                position_ = newline == std::string_view::npos ? text_.size() : newline + 1;
            } else if (c == '/' && peek(1) == '*') {
                std::size_t close = text_.find("*/", position_ + 2);
                if (close == std::string_view::npos) fail("comment is not closed");
                position_ = close + 2;
            } else if (std::size_t width = json5() ? json5_extra_space(text_, position_) : 0) {
                position_ += width;
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
        if (c == '"' || (json5() && c == '\'')) return string_node();
        if (c == '-' || is_digit(c)) return json5() ? json5_number() : number();
        if (json5() && (c == '+' || c == '.' || c == 'I' || c == 'N')) return json5_number();
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
                if (json5() && identifier_follows()) fail("unexpected identifier; expected a value");
                return node;
            }
        }
        fail(std::string("unexpected character '") + c + "'; expected a value");
    }

    Node& key() {
        char c = peek();
        if (c == '"' || (json5() && c == '\'')) return string_node();
        if (json5() && (is_identifier_start(c) || c == '\\')) return identifier();
        fail(json5() ? "expected a key (a string or an identifier)" : "expected a quoted key");
    }

    Node& object(std::size_t depth) {
        Node& node = make(NodeKind::Mapping, position_);
        ++position_;
        skip_space();
        while (position_ < text_.size() && text_[position_] != '}') {
            Node& name = key();
            name.parent = &node;
            skip_space();
            if (position_ >= text_.size() || text_[position_] != ':') fail("expected ':' after the key");
            ++position_;
            skip_space();
            Node& item = value(depth + 1);
            item.parent = &node;
            item.key = &name;
            node.entries.push_back(Node::Entry{&name, &item});
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

    std::size_t digits() {
        std::size_t start = position_;
        while (position_ < text_.size() && is_digit(text_[position_])) ++position_;
        return position_ - start;
    }

    Node& number() {
        Node& node = make(NodeKind::Scalar, position_);
        node.type = ScalarType::Integer;
        auto required_digits = [&] {
            if (digits() == 0) fail("expected a digit");
        };
        if (text_[position_] == '-') ++position_;
        if (position_ < text_.size() && text_[position_] == '0') {
            ++position_;
        } else {
            required_digits();
        }
        if (position_ < text_.size() && text_[position_] == '.') {
            ++position_;
            required_digits();
            node.type = ScalarType::Float;
        }
        if (position_ < text_.size() && (text_[position_] == 'e' || text_[position_] == 'E')) {
            ++position_;
            if (position_ < text_.size() && (text_[position_] == '+' || text_[position_] == '-')) ++position_;
            required_digits();
            node.type = ScalarType::Float;
        }
        node.end = position_;
        node.value = text_.substr(node.begin, node.end - node.begin);
        return node;
    }

    // JSON5 numbers: an optional sign, then Infinity, NaN, 0x hex, or a
    // decimal with optional leading or trailing point.  Hex integers get their
    // decimal value so that `as_int` reads them; the rest keep their text.
    Node& json5_number() {
        Node& node = make(NodeKind::Scalar, position_);
        node.type = ScalarType::Integer;
        bool negative = false;
        if (peek() == '+' || peek() == '-') {
            negative = peek() == '-';
            ++position_;
        }
        if (text_.substr(position_, 8) == "Infinity" || text_.substr(position_, 3) == "NaN") {
            position_ += peek() == 'I' ? 8 : 3;
            node.type = ScalarType::Float;
            node.value = text_.substr(node.begin, position_ - node.begin);
        } else if (peek() == '0' && (peek(1) == 'x' || peek(1) == 'X')) {
            position_ += 2;
            std::size_t start = position_;
            while (position_ < text_.size() && is_hex_digit(text_[position_])) ++position_;
            if (position_ == start) fail("expected a hexadecimal digit");
            unsigned long long magnitude = 0;
            auto parsed = std::from_chars(text_.data() + start, text_.data() + position_, magnitude, 16);
            if (parsed.ec == std::errc{} && magnitude <= 0x7FFFFFFFFFFFFFFFULL) {
                node.value = (negative ? "-" : "") + std::to_string(magnitude);
            } else {
                node.type = ScalarType::Float;  // too large for an integer: keep the text
                node.value = text_.substr(node.begin, position_ - node.begin);
            }
        } else {
            std::size_t integer = digits();
            if (integer > 1 && text_[position_ - integer] == '0') {
                position_ -= integer - 1;
                fail("a number may not start with 0 (octal is not JSON5)");
            }
            std::size_t fraction = 0;
            if (peek() == '.') {
                ++position_;
                fraction = digits();
                node.type = ScalarType::Float;
            }
            if (integer == 0 && fraction == 0) fail("expected a digit");
            if (peek() == 'e' || peek() == 'E') {
                ++position_;
                if (peek() == '+' || peek() == '-') ++position_;
                if (digits() == 0) fail("expected a digit");
                node.type = ScalarType::Float;
            }
            node.value = text_.substr(node.begin, position_ - node.begin);
        }
        if (identifier_follows()) fail("unexpected character after a number");
        node.end = position_;
        return node;
    }

    unsigned hex(int count) {
        if (position_ + static_cast<std::size_t>(count) > text_.size()) fail("incomplete escape");
        unsigned value = 0;
        for (int i = 0; i < count; ++i) {
            char c = text_[position_++];
            value <<= 4;
            if (c >= '0' && c <= '9') value |= static_cast<unsigned>(c - '0');
            else if (c >= 'a' && c <= 'f') value |= static_cast<unsigned>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') value |= static_cast<unsigned>(c - 'A' + 10);
            else fail(count == 4 ? "invalid \\u escape" : "invalid \\x escape");
        }
        return value;
    }

    // After `\u`: one code point, joining a surrogate pair.
    char32_t unicode_escape() {
        char32_t code_point = hex(4);
        if (code_point >= 0xD800 && code_point <= 0xDBFF) {
            if (text_.substr(position_, 2) != "\\u") fail("unpaired surrogate in \\u escape");
            position_ += 2;
            unsigned low = hex(4);
            if (low < 0xDC00 || low > 0xDFFF) fail("unpaired surrogate in \\u escape");
            code_point = 0x10000 + ((code_point - 0xD800) << 10) + (low - 0xDC00);
        } else if (code_point >= 0xDC00 && code_point <= 0xDFFF) {
            fail("unpaired surrogate in \\u escape");
        }
        return code_point;
    }

    // A JSON5 escape other than the JSON ones; appends its value (nothing for a line continuation).
    void json5_escape(char escape, std::string& out) {
        switch (escape) {
            case '\'': out += '\''; return;
            case 'v': out += '\v'; return;
            case '0':
                if (is_digit(peek())) fail("invalid escape '\\0' before a digit");
                out += '\0';
                return;
            case 'x': append_utf8(out, hex(2)); return;
            case '\n': return;
            case '\r':
                if (peek() == '\n') ++position_;
                return;
            default: break;
        }
        if (is_digit(escape)) fail(std::string("invalid escape '\\") + escape + "'");
        if (text_.substr(position_ - 1, 3) == "\xE2\x80\xA8" || text_.substr(position_ - 1, 3) == "\xE2\x80\xA9") {
            position_ += 2;  // an escaped U+2028/U+2029 continues the line
            return;
        }
        // Any other character stands for itself (`\a` is `a`), whole code point.
        out += escape;
        while (position_ < text_.size() && (static_cast<unsigned char>(text_[position_]) & 0xC0) == 0x80) {
            out += text_[position_++];
        }
    }

    Node& string_node() {
        Node& node = make(NodeKind::Scalar, position_);
        node.type = ScalarType::String;
        char quote = text_[position_];
        node.style = quote == '"' ? ScalarStyle::DoubleQuoted : ScalarStyle::SingleQuoted;
        ++position_;
        while (true) {
            if (position_ >= text_.size()) fail("string is not closed");
            char c = text_[position_];
            if (c == quote) break;
            if (json5() ? (c == '\n' || c == '\r') : static_cast<unsigned char>(c) < 0x20) {
                fail(json5() ? "line break in string (escape it with a backslash)" : "control character in string");
            }
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
                case 'u': append_utf8(node.value, unicode_escape()); break;
                default:
                    if (!json5()) fail(std::string("invalid escape '\\") + escape + "'");
                    json5_escape(escape, node.value);
            }
        }
        node.end = ++position_;
        return node;
    }

    // A JSON5 unquoted key: an ECMAScript identifier name, `\u` escapes allowed.
    Node& identifier() {
        Node& node = make(NodeKind::Scalar, position_);
        node.type = ScalarType::String;
        bool first = true;
        while (position_ < text_.size()) {
            char c = text_[position_];
            if (c == '\\') {
                if (peek(1) != 'u') fail("expected \\u in an identifier");
                position_ += 2;
                append_utf8(node.value, unicode_escape());
            } else if (first ? is_identifier_start(c) : is_identifier_part(c)) {
                if (json5_extra_space(text_, position_)) break;  // U+00A0 and friends end the name
                node.value += c;
                ++position_;
            } else {
                break;
            }
            first = false;
        }
        if (node.value.empty()) fail("expected a key");
        node.end = position_;
        return node;
    }

    Document& document_;
    std::string_view text_;
    Dialect dialect_;
    std::size_t position_ = 0;
};

}  // namespace

void parse_json(Document& document) { document.set_root(JsonReader(document, Dialect::Jsonc).read()); }

void parse_json5(Document& document) { document.set_root(JsonReader(document, Dialect::Json5).read()); }

}  // namespace pysec
