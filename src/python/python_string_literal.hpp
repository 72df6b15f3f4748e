#pragma once
// The value of a quoted string in a marker.  packaging evaluates it as a Python
// literal (ast.literal_eval), so escapes such as "\t" or "\x41" are resolved and
// malformed ones make the marker invalid.

#include <optional>
#include <string>
#include <string_view>

namespace pysec::python {

// `literal` includes its quotes ('...' or "...", the closing quote being the first
// after the opening one).  nullopt when Python would reject it: a backslash
// escaping the closing quote, a bad \x, \u, \U or \N escape, a line break or a
// NUL character.  \N{NAME} escapes are rejected: resolving them needs Unicode's
// name table.  Unknown escapes ("\d") keep their backslash, as Python does.
std::optional<std::string> evaluate_python_string_literal(std::string_view literal);

}  // namespace pysec::python
