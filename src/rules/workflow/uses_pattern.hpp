#pragma once
// Patterns that name actions in a rule's config, as unpinned-uses' policies
// do: `owner/repo/path` (that action), `owner/repo` (the repository and every
// action in it), `owner/*` (every repository of the owner), `*` (anything).
// GitHub owner and repository names are case-insensitive, and so are patterns.

#include <optional>
#include <string>
#include <string_view>

#include "model/uses.hpp"

namespace pysec {

class UsesPattern {
public:
    // Nullopt when `text` is not one of the four forms.
    static std::optional<UsesPattern> parse(std::string_view text);

    bool matches(const UsesReference& reference) const;
    const std::string& text() const { return text_; }

private:
    std::string text_;    // as written
    std::string owner_;   // lower-case; "*" for the catch-all
    std::string repo_;    // lower-case; "*" for every repository of the owner
    std::string path_;    // lower-case subpath; "" for the whole repository
};

}  // namespace pysec
