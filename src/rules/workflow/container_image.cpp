#include "rules/workflow/container_image.hpp"

#include "core/text.hpp"

namespace pysec {

ImageReference parse_image_reference(std::string_view text) {
    text = trim(text);
    if (starts_with_icase(text, "docker://")) text.remove_prefix(9);
    ImageReference reference;
    if (auto at = text.find('@'); at != std::string_view::npos) {
        reference.has_digest = true;
        reference.digest = to_lower(text.substr(at + 1));
        text = text.substr(0, at);
    }
    // A `:` after the last `/` starts the tag; one before it is a registry port.
    std::size_t last_slash = text.rfind('/');
    std::size_t colon = text.find(':', last_slash == std::string_view::npos ? 0 : last_slash + 1);
    if (colon != std::string_view::npos) {
        reference.has_tag = true;
        reference.tag = std::string(text.substr(colon + 1));
        text = text.substr(0, colon);
    }
    reference.name = std::string(text);
    return reference;
}

}  // namespace pysec
