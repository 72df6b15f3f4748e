// INI files as Python's configparser reads them (pip.conf, pip.ini, .pypirc),
// into the shared Node tree: {section: {key: value}}.  Keys are lower-case, a
// value may continue on more indented lines (joined with newlines), `#` and `;`
// start comments only at the beginning of a line, and a duplicate section or
// key is an error, as with configparser's default `strict=True`.

#include <string>

#include "core/text.hpp"
#include "parse/parse.hpp"
#include "parse/parse_error.hpp"

namespace pysec {
namespace {

struct Line {
    std::size_t begin;  // offset of the first character
    std::size_t end;    // offset of the line break (or the end of the text)
};

std::vector<Line> split_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t start = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    while (start <= text.size()) {
        std::size_t newline = text.find('\n', start);
        std::size_t end = newline == std::string_view::npos ? text.size() : newline;
        std::size_t content_end = end > start && text[end - 1] == '\r' ? end - 1 : end;
        lines.push_back(Line{start, content_end});
        if (newline == std::string_view::npos) break;
        start = newline + 1;
    }
    return lines;
}

class IniBuilder {
public:
    explicit IniBuilder(Document& document) : document_(document), text_(document.text()) {}

    const Node* build() {
        root_ = &document_.new_node();
        root_->kind = NodeKind::Mapping;
        for (const Line& line : split_lines(text_)) read_line(line);
        if (!root_->entries.empty()) root_->end = root_->entries.back().value->end;
        return root_;
    }

private:
    Node& scalar(std::size_t begin, std::size_t end, std::string value, const Node* parent) {
        Node& node = document_.new_node();
        node.kind = NodeKind::Scalar;
        node.type = ScalarType::String;
        node.begin = begin;
        node.end = end;
        node.value = std::move(value);
        node.parent = parent;
        return node;
    }

    void read_line(const Line& line) {
        std::string_view content = text_.substr(line.begin, line.end - line.begin);
        std::string_view stripped = trim(content);
        bool indented = !content.empty() && (content.front() == ' ' || content.front() == '\t');
        if (stripped.empty()) {
            last_value_ = nullptr;  // a blank line ends a continued value
            return;
        }
        if (stripped.front() == '#' || stripped.front() == ';') return;
        std::size_t first = line.begin + static_cast<std::size_t>(stripped.data() - content.data());
        if (indented && last_value_) {
            // A continuation line of the previous value.
            last_value_->value += "\n";
            last_value_->value += stripped;
            last_value_->end = first + stripped.size();
            return;
        }
        if (stripped.front() == '[') {
            auto close = stripped.find(']');
            if (close == std::string_view::npos) throw ParseError("section header is not closed", first);
            std::string name(stripped.substr(1, close - 1));
            for (const auto& entry : root_->entries) {
                if (entry.key->value == name) throw ParseError("duplicate section [" + name + "]", first);
            }
            Node& key = scalar(first, first + close + 1, name, root_);
            Node& section = document_.new_node();
            section.kind = NodeKind::Mapping;
            section.begin = first;
            section.end = first + close + 1;
            section.parent = root_;
            section.key = &key;
            root_->entries.push_back(Node::Entry{&key, &section});
            section_ = &section;
            last_value_ = nullptr;
            return;
        }
        auto separator = stripped.find_first_of("=:");
        if (separator == std::string_view::npos) {
            throw ParseError("expected `key = value`, a [section] or a comment", first);
        }
        if (!section_) throw ParseError("a key before the first [section]", first);
        std::string_view raw_key = trim(stripped.substr(0, separator));
        std::string name = to_lower(raw_key);
        for (const auto& entry : section_->entries) {
            if (entry.key->value == name) {
                throw ParseError("duplicate key '" + name + "' in [" + section_->key->value + "]", first);
            }
        }
        Node& key = scalar(first, first + raw_key.size(), name, section_);
        std::string_view after = stripped.substr(separator + 1);
        std::string_view value = trim(after);
        std::size_t value_begin = value.empty() ? first + separator + 1
                                                : line.begin + static_cast<std::size_t>(value.data() - content.data());
        Node& node = scalar(value_begin, value_begin + value.size(), std::string(value), section_);
        node.key = &key;
        section_->entries.push_back(Node::Entry{&key, &node});
        section_->end = node.end;
        last_value_ = &node;
    }

    Document& document_;
    std::string_view text_;
    Node* root_ = nullptr;
    Node* section_ = nullptr;
    Node* last_value_ = nullptr;
};

}  // namespace

void parse_ini(Document& document) { document.set_root(IniBuilder(document).build()); }

}  // namespace pysec
