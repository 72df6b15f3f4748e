#include "parse/parse.hpp"

#include <cstring>

#include "parse/parse_error.hpp"

namespace pysec {
namespace {

std::string describe_byte(unsigned char byte) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string text = "0x";
    text += digits[byte >> 4];
    text += digits[byte & 0xF];
    return text;
}

void check_is_text(std::string_view text) {
    if (auto nul = text.find('\0'); nul != std::string_view::npos) {
        throw ParseError("binary content (NUL byte); expected a text file", nul);
    }
    if (auto bad = find_invalid_utf8(text)) {
        throw ParseError("not valid UTF-8 (byte " + describe_byte(static_cast<unsigned char>(text[*bad])) + ")",
                         *bad);
    }
}

}  // namespace

ParsedFile parse_document(std::string path, std::string text, DocumentFormat format) {
    ParsedFile result;
    result.document = std::make_unique<Document>(std::move(path), std::move(text), format);
    Document& document = *result.document;
    try {
        check_is_text(document.text());
        switch (format) {
            case DocumentFormat::Yaml: parse_yaml(document); break;
            case DocumentFormat::Json: parse_json(document); break;
            case DocumentFormat::Json5: parse_json5(document); break;
            case DocumentFormat::Toml: parse_toml(document); break;
            case DocumentFormat::Ini: parse_ini(document); break;
            case DocumentFormat::Text: break;
        }
    } catch (const ParseError& error) {
        Position position = error.position();
        if (position.line == 0) position = document.position(error.offset());
        result.failure = ParseFailure{error.what(), position};
        document.set_root(nullptr);
    } catch (const std::exception& error) {
        // A library threw something other than its documented parse error:
        // still only this file is lost.
        result.failure = ParseFailure{std::string("cannot parse: ") + error.what(), Position{1, 1}};
        document.set_root(nullptr);
    }
    return result;
}

}  // namespace pysec
