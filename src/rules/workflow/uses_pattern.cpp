#include "rules/workflow/uses_pattern.hpp"

#include "core/text.hpp"

namespace pysec {

std::optional<UsesPattern> UsesPattern::parse(std::string_view text) {
    UsesPattern pattern;
    pattern.text_ = std::string(text);
    if (text == "*") {
        pattern.owner_ = "*";
        return pattern;
    }
    auto slash = text.find('/');
    if (slash == std::string_view::npos || text.find('@') != std::string_view::npos) return std::nullopt;
    std::string_view owner = text.substr(0, slash);
    std::string_view rest = text.substr(slash + 1);
    auto second = rest.find('/');
    std::string_view repo = rest.substr(0, second);
    bool has_path = second != std::string_view::npos;
    std::string_view path = has_path ? rest.substr(second + 1) : std::string_view{};
    auto has_star = [](std::string_view part) { return part.find('*') != std::string_view::npos; };
    if (owner.empty() || has_star(owner) || repo.empty() || (has_path && (path.empty() || has_star(path)))) {
        return std::nullopt;
    }
    if (has_star(repo) && (repo != "*" || has_path)) return std::nullopt;
    pattern.owner_ = to_lower(owner);
    pattern.repo_ = to_lower(repo);
    pattern.path_ = to_lower(path);
    return pattern;
}

bool UsesPattern::matches(const UsesReference& reference) const {
    if (reference.kind != UsesReference::Kind::Repository) return false;
    if (owner_ == "*") return true;
    if (to_lower(reference.owner) != owner_) return false;
    if (repo_ == "*") return true;
    if (to_lower(reference.repo) != repo_) return false;
    return path_.empty() || to_lower(reference.subpath) == path_;
}

}  // namespace pysec
