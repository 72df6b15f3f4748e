#pragma once
// Finding `${{ ... }}` in YAML string values.

#include <cstddef>
#include <string_view>
#include <vector>

namespace pysec::expr {

struct TemplateExpression {
    std::size_t begin;        // offset of `${{` in the string
    std::size_t end;          // offset just after `}}`
    std::size_t inner_begin;  // the expression text between the braces
    std::size_t inner_end;
    std::string_view inner(std::string_view text) const { return text.substr(inner_begin, inner_end - inner_begin); }
};

// Every complete `${{ }}` in order; a `}}` inside a quoted string does not
// close the expression.  An unclosed `${{` ends the search.
std::vector<TemplateExpression> find_template_expressions(std::string_view text);

}  // namespace pysec::expr
