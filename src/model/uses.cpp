#include "model/uses.hpp"

#include <algorithm>
#include <cctype>

namespace pysec {

bool is_commit_sha(std::string_view ref) {
    if (ref.size() != 40 && ref.size() != 64) return false;
    return std::all_of(ref.begin(), ref.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

UsesReference parse_uses(std::string_view text) {
    UsesReference uses;
    if (text.starts_with("./") || text.starts_with("../") || text.starts_with("$/")) {
        uses.kind = UsesReference::Kind::Local;
        return uses;
    }
    if (text.starts_with("docker://")) {
        uses.kind = UsesReference::Kind::Docker;
        return uses;
    }
    std::string_view path = text;
    if (auto at = text.rfind('@'); at != std::string_view::npos) {
        uses.ref = text.substr(at + 1);
        uses.has_ref = true;
        path = text.substr(0, at);
    }
    auto first = path.find('/');
    if (first == std::string_view::npos || first == 0) return uses;  // Invalid
    uses.owner = path.substr(0, first);
    std::string_view rest = path.substr(first + 1);
    auto second = rest.find('/');
    uses.repo = rest.substr(0, second);
    if (second != std::string_view::npos) uses.subpath = rest.substr(second + 1);
    if (uses.repo.empty()) return uses;
    uses.kind = UsesReference::Kind::Repository;
    return uses;
}

}  // namespace pysec
