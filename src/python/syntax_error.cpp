#include "python/syntax_error.hpp"

namespace pysec::python {

std::string SyntaxError::to_string() const {
    if (!has_span) return message;
    std::string text = message + "\n    " + source + "\n    ";
    text.append(begin, ' ');
    if (end > begin) text.append(end - begin, '~');
    text += '^';
    return text;
}

}  // namespace pysec::python
