#pragma once
// Distribution and extra names: PEP 503 normalization and the core metadata
// rule for what a valid name looks like.

#include <string>
#include <string_view>

namespace pysec::python {

// Lower-cases the name and turns every run of `-`, `_` and `.` into one `-`
// ("Foo.__Bar" -> "foo-bar"), so that two spellings of a name compare equal.
// Only ASCII letters are lower-cased; a name with other letters is not valid anyway.
std::string canonicalize_name(std::string_view name);

// ASCII letters and digits, with `.`, `_` and `-` allowed inside but not at either end.
bool is_valid_name(std::string_view name);

}  // namespace pysec::python
