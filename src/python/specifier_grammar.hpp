#pragma once
// The shape of one version specifier, shared by Specifier::parse and the
// requirement tokenizer, which both use packaging's specifier pattern.

#include <cstddef>
#include <string_view>

namespace pysec::python {

// Length of the specifier that starts `text`, matched as packaging's regular
// expression matches it (greedy, not anchored at the end): "==1.0.*",
// "~= 1.4.2", ">=2.0rc1", "===anything-but-space".  0 when none starts here.
// The operator may be followed by whitespace; ~= needs two release numbers;
// only == and != take ".*" or a local label.
std::size_t match_specifier(std::string_view text);

}  // namespace pysec::python
