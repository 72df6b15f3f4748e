#pragma once
// The revision of a pip-style VCS URL (`git+https://host/org/repo.git@v1.2#egg=x`):
// the text after the last `@` of the path, before any `#fragment` or `?query`
// (pip's VersionControl.get_url_rev_and_auth).  An `@` in the host part is
// user-info, not a revision.

#include <optional>
#include <string>
#include <string_view>

namespace pysec {

struct VcsReference {
    std::string vcs;                      // git, hg, svn, bzr
    std::optional<std::string> revision;  // as written, when there is one
};

// Nullopt when `url` is not `<vcs>+<scheme>://...`.
std::optional<VcsReference> parse_vcs_url(std::string_view url);

// A revision that names one immutable commit: 40 (SHA-1) or 64 (SHA-256) hex
// digits for git and hg, a revision number for svn and bzr.
bool is_immutable_revision(std::string_view vcs, std::string_view revision);

bool is_full_hex_commit(std::string_view text);

}  // namespace pysec
