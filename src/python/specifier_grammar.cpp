#include "python/specifier_grammar.hpp"

#include "python/python_text.hpp"
#include "python/version_grammar.hpp"

namespace pysec::python {

namespace {

// The version after an operator: == and != take a local label, or ".*" right
// after the release; ~= needs at least two release numbers.
std::size_t match_operand(std::string_view text, std::size_t operator_length) {
    std::string_view op = text.substr(0, operator_length);
    bool equality = op == "==" || op == "!=";
    std::size_t start = skip_python_whitespace(text, operator_length);
    auto version = match_version(text.substr(start), /*allow_local=*/equality);
    if (!version) return 0;
    const Version::Parts& parts = version->parts;
    if (op == "~=" && parts.release.size() < 2) return 0;
    std::size_t end = start + version->length;
    bool release_only = !parts.pre && !parts.post && !parts.dev && parts.local.empty();
    if (equality && release_only && text.substr(end, 2) == ".*") end += 2;
    return end;
}

}  // namespace

std::size_t match_specifier(std::string_view text) {
    if (text.starts_with("===")) {
        // An arbitrary string: anything up to whitespace, ";" or ")".
        std::size_t i = skip_python_whitespace(text, 3);
        while (i < text.size()) {
            DecodedChar decoded = decode_utf8(text, i);
            char32_t c = decoded.code_point;
            if (c == ';' || c == ')' || (decoded.valid && is_python_whitespace(c))) break;
            i += decoded.length;
        }
        return i;
    }
    for (std::string_view op : {"==", "!=", "~=", "<=", ">="}) {
        if (text.starts_with(op)) return match_operand(text, 2);
    }
    if (text.starts_with("<") || text.starts_with(">")) return match_operand(text, 1);
    return 0;
}

}  // namespace pysec::python
