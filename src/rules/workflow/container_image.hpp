#pragma once
// A container image reference as written in a workflow (`container:`,
// `services.*.image`, `uses: docker://...`, an action's `runs.image`):
// `[registry[:port]/]path[:tag][@digest]`.

#include <string>
#include <string_view>

namespace pysec {

struct ImageReference {
    std::string name;    // registry and path, without tag or digest
    std::string tag;     // "" when absent
    std::string digest;  // after `@`, "" when absent
    bool has_tag = false;
    bool has_digest = false;

    // Pinned to content: a `@sha256:` digest (Docker ignores the tag then).
    bool pinned_by_digest() const { return has_digest && digest.starts_with("sha256:"); }
};

// Parses `text`, dropping a leading `docker://`.
ImageReference parse_image_reference(std::string_view text);

}  // namespace pysec
