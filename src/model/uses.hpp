#pragma once
// The value of a `uses:` key: `owner/repo[/path]@ref`, `./local`, `docker://image`.

#include <string>
#include <string_view>

namespace pysec {

struct UsesReference {
    enum class Kind { Repository, Local, Docker, Invalid };
    Kind kind = Kind::Invalid;
    std::string owner;
    std::string repo;
    std::string subpath;  // "" or "path/inside/repo" (actions in subfolders, reusable workflows)
    std::string ref;      // after '@'; empty when absent
    bool has_ref = false;

    // "owner/repo", the unit GitHub resolves refs in.
    std::string slug() const { return owner + "/" + repo; }
    // "owner/repo/subpath" or "owner/repo".
    std::string action_path() const { return subpath.empty() ? slug() : slug() + "/" + subpath; }
};

UsesReference parse_uses(std::string_view text);

// A full 40-hex (SHA-1) or 64-hex (SHA-256) commit id.
bool is_commit_sha(std::string_view ref);

}  // namespace pysec
