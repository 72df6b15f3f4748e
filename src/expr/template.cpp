#include "expr/template.hpp"

namespace pysec::expr {

std::vector<TemplateExpression> find_template_expressions(std::string_view text) {
    std::vector<TemplateExpression> result;
    std::size_t position = 0;
    while (true) {
        std::size_t open = text.find("${{", position);
        if (open == std::string_view::npos) break;
        bool in_string = false;
        std::size_t close = std::string_view::npos;
        for (std::size_t i = open + 3; i + 1 < text.size(); ++i) {
            if (text[i] == '\'') in_string = !in_string;  // '' inside a string toggles twice
            if (!in_string && text[i] == '}' && text[i + 1] == '}') {
                close = i;
                break;
            }
        }
        if (close == std::string_view::npos) break;
        result.push_back(TemplateExpression{open, close + 2, open + 3, close});
        position = close + 2;
    }
    return result;
}

}  // namespace pysec::expr
