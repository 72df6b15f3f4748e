#pragma once
// packaging's version pattern, shared by Version::parse and the specifier
// grammar (which embeds it after an operator).

#include <cstddef>
#include <optional>
#include <string_view>

#include "python/version.hpp"

namespace pysec::python {

struct VersionMatch {
    std::size_t length = 0;  // bytes of `text` that the version takes
    Version::Parts parts;
};

// Reads the version that starts `text` ("v1!2.0rc1.post2.dev3+local" and every
// alternative spelling) the way packaging's pattern matches it: greedily, each
// optional part taken whenever it is there, and not anchored at the end, so
// "1.0.*" reads as "1.0".  No whitespace is skipped.  nullopt when `text` does not
// start with a release number.
std::optional<VersionMatch> match_version(std::string_view text, bool allow_local = true);

}  // namespace pysec::python
