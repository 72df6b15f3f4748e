#include "python/python_string_literal.hpp"

#include "python/python_text.hpp"

namespace pysec::python {

namespace {

std::optional<char32_t> hex_value(std::string_view text, std::size_t& i, std::size_t digits) {
    if (i + digits > text.size()) return std::nullopt;
    char32_t value = 0;
    for (std::size_t k = 0; k < digits; ++k) {
        char c = text[i + k];
        char32_t digit = 0;
        if (c >= '0' && c <= '9') {
            digit = static_cast<char32_t>(c - '0');
        } else if (c >= 'a' && c <= 'f') {
            digit = static_cast<char32_t>(c - 'a' + 10);
        } else if (c >= 'A' && c <= 'F') {
            digit = static_cast<char32_t>(c - 'A' + 10);
        } else {
            return std::nullopt;
        }
        value = value * 16 + digit;
    }
    i += digits;
    return value;
}

}  // namespace

std::optional<std::string> evaluate_python_string_literal(std::string_view literal) {
    if (literal.size() < 2) return std::nullopt;
    std::string_view body = literal.substr(1, literal.size() - 2);
    std::string value;
    for (std::size_t i = 0; i < body.size();) {
        char c = body[i++];
        // A single-quoted string cannot span lines, and source code cannot hold NUL.
        if (c == '\n' || c == '\r' || c == '\0') return std::nullopt;
        if (c != '\\') {
            value += c;
            continue;
        }
        if (i == body.size()) return std::nullopt;  // the backslash escapes the closing quote
        char e = body[i++];
        switch (e) {
            case '\n':  // a line continuation
                break;
            case '\r':
                if (i < body.size() && body[i] == '\n') ++i;
                break;
            case '\\': case '\'': case '"':
                value += e;
                break;
            case 'a': value += '\a'; break;
            case 'b': value += '\b'; break;
            case 'f': value += '\f'; break;
            case 'n': value += '\n'; break;
            case 'r': value += '\r'; break;
            case 't': value += '\t'; break;
            case 'v': value += '\v'; break;
            case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
                char32_t code = static_cast<char32_t>(e - '0');
                for (int extra = 0; extra < 2 && i < body.size() && body[i] >= '0' && body[i] <= '7'; ++extra) {
                    code = code * 8 + static_cast<char32_t>(body[i++] - '0');
                }
                append_utf8(value, code);
                break;
            }
            case 'x': case 'u': case 'U': {
                std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                auto code = hex_value(body, i, digits);
                if (!code || *code > 0x10FFFF) return std::nullopt;
                append_utf8(value, *code);
                break;
            }
            case 'N':
                return std::nullopt;
            default:
                value += '\\';
                value += e;
                break;
        }
    }
    return value;
}

}  // namespace pysec::python
