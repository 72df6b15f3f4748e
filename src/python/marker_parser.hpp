#pragma once
// packaging's `marker` grammar rule, shared by Marker::parse and the requirement
// parser (which reads a marker after ";" from the same token stream).

#include "python/dependency_tokenizer.hpp"
#include "python/marker.hpp"

namespace pysec::python {

//   marker      = marker_atom (BOOLOP marker_atom)*
//   marker_atom = WS? "(" WS? marker WS? ")" WS? | WS? marker_item WS?
//   marker_item = marker_var WS? marker_op WS? marker_var
// Throws TokenizerFailure.  Parentheses nest at most max_nesting_depth deep.
MarkerExpression parse_marker_expression(DependencyTokenizer& tokenizer);

}  // namespace pysec::python
