#pragma once
// Every place the repository tells pip or uv where packages come from, and
// how much to trust it: requirement-file options (`-i`, `--extra-index-url`,
// `-f`, `--trusted-host`), pip.conf/pip.ini keys, PIP_*/UV_* variables in
// workflows, actions and dev containers, and uv settings (`index-url`,
// `extra-index-url`, `find-links`, `[[index]]`, `allow-insecure-host`,
// `index-strategy`, also under `[pip]`).  A setting that holds several values
// (a list, a whitespace-separated variable) gives one entry per value, each
// located at its own text.

#include <string>
#include <vector>

#include "model/project.hpp"
#include "model/uv_settings.hpp"

namespace pysec {

struct IndexSetting {
    enum class Kind {
        Index,          // replaces PyPI: -i/--index-url, PIP_INDEX_URL, uv `index-url`, UV_DEFAULT_INDEX, `[[index]]` default
        ExtraIndex,     // searched besides the default: --extra-index-url, UV_INDEX, `[[index]]` neither explicit nor default
        ExplicitIndex,  // `[[index]]` with `explicit = true`: only for packages pinned to it in sources
        FindLinks,      // -f/--find-links, PIP_FIND_LINKS, UV_FIND_LINKS, `find-links`
        TrustedHost,    // pip --trusted-host, `trusted-host`, PIP_TRUSTED_HOST
        InsecureHost,   // uv `allow-insecure-host`, UV_INSECURE_HOST
        IndexStrategy,  // uv `index-strategy`, UV_INDEX_STRATEGY
    };
    Kind kind = Kind::Index;
    bool uv = false;            // read by uv; otherwise by pip
    std::string setting;        // as written: `--extra-index-url`, `extra-index-url`, `PIP_TRUSTED_HOST`, `[[tool.uv.index]]`
    std::string origin;         // where: "requirements file", "pip.conf [global]", "workflow env", "`[tool.uv]` of pyproject.toml"
    std::string value;          // one URL, host or strategy; "" when an expression hides it
    bool opaque = false;        // the value comes from an expression or variable
    const Document* document = nullptr;
    std::size_t begin = 0;      // the value's text in the document
    std::size_t end = 0;
    bool exact = false;         // begin/end hold `value` verbatim (so offsets inside it are valid)
    const Node* node = nullptr; // the node holding it, when the file is a tree
    const UvIndex* index = nullptr;
    bool in_ci = false;         // a workflow or action sets it

    Location location(std::string message = {}) const {
        return Location{document->path(), document->span(begin, end), std::move(message)};
    }
};

// `settings` must outlive the result (entries point into it).
std::vector<IndexSetting> collect_index_settings(const Project& project, const std::vector<UvSettings>& settings);

// pypi.org and its file host: an "extra" index there shadows nothing.
bool is_pypi_url(std::string_view url);

}  // namespace pysec
