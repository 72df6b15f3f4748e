#include "rules/uv/vcs_reference.hpp"

#include "core/text.hpp"

namespace pysec {

std::optional<VcsReference> parse_vcs_url(std::string_view url) {
    auto plus = url.find('+');
    auto separator = url.find("://");
    if (plus == std::string_view::npos || separator == std::string_view::npos || plus > separator) return std::nullopt;
    std::string vcs = to_lower(url.substr(0, plus));
    if (vcs != "git" && vcs != "hg" && vcs != "svn" && vcs != "bzr") return std::nullopt;
    VcsReference reference;
    reference.vcs = vcs;
    std::string_view rest = url.substr(separator + 3);
    rest = rest.substr(0, rest.find_first_of("#?"));
    auto path_begin = rest.find('/');
    if (path_begin == std::string_view::npos) return reference;
    std::string_view path = rest.substr(path_begin);
    auto at = path.rfind('@');
    if (at != std::string_view::npos && at + 1 < path.size()) reference.revision = std::string(path.substr(at + 1));
    return reference;
}

bool is_full_hex_commit(std::string_view text) {
    if (text.size() != 40 && text.size() != 64) return false;
    for (char c : text) {
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
    }
    return true;
}

bool is_immutable_revision(std::string_view vcs, std::string_view revision) {
    if (vcs == "svn" || vcs == "bzr") {
        std::string_view number = revision.starts_with('r') ? revision.substr(1) : revision;
        if (number.empty()) return false;
        for (char c : number) {
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
    return is_full_hex_commit(revision);
}

}  // namespace pysec
