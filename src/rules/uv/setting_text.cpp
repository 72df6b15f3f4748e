#include "rules/uv/setting_text.hpp"

#include "core/text.hpp"

namespace pysec {

std::string shorten(std::string_view text, std::size_t limit) {
    if (text.size() <= limit) return std::string(text);
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    return std::string(text.substr(0, cut)) + "…";
}

std::string setting_text(const Document& document, const Node* key, const Node& value) {
    std::string name = key ? key->value : std::string();
    switch (document.format()) {
        case DocumentFormat::Toml:
            return name + " = " + shorten(collapse_whitespace(document.source(value)));
        case DocumentFormat::Ini:
            return name + " = " + shorten(collapse_whitespace(value.value));
        default:
            return name + ": " + shorten(collapse_whitespace(value.value));
    }
}

}  // namespace pysec
