#pragma once
// Which packages a uv project pins to an index declared `explicit = true`:
// `[[tool.uv.index]]` entries and `[tool.uv.sources]` that name them.  Such a
// package can only come from that index, and nothing else comes from it, so
// resolving it from a second registry is a deliberate choice, not a mix-up.

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "model/project.hpp"

namespace pysec {

class ExplicitIndexPins {
public:
    // Reads every pyproject.toml (and uv.toml, for indexes) in `directory` ("" for
    // the root) and below: a workspace declares its indexes at the root and
    // sources in any member.
    ExplicitIndexPins(const Project& project, std::string_view directory);

    // `canonical_name` is pinned, by sources that name only explicit indexes,
    // to an index whose URL is `registry`.
    bool pins(std::string_view canonical_name, std::string_view registry) const;

private:
    std::map<std::string, std::string> explicit_index_urls_;    // index name -> normalized URL
    std::set<std::string> non_explicit_indexes_;
    std::map<std::string, std::set<std::string>> sources_;      // canonical package -> index names
    std::set<std::string> not_only_indexes_;                    // packages with a non-index source too
};

}  // namespace pysec
