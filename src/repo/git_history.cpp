#include "repo/git_history.hpp"

#include <string>

namespace pysec::git {
namespace {

// The blob id at `path` in the commit's tree; nullopt when it has none there.
std::optional<git_oid> blob_at(git_commit* commit, const std::string& path) {
    git_tree* raw_tree = nullptr;
    if (git_commit_tree(&raw_tree, commit) != 0) return std::nullopt;
    Tree tree(raw_tree);
    git_tree_entry* raw_entry = nullptr;
    if (git_tree_entry_bypath(&raw_entry, tree.get(), path.c_str()) != 0) return std::nullopt;
    TreeEntry entry(raw_entry);
    return *git_tree_entry_id(entry.get());
}

bool same_blob(const std::optional<git_oid>& a, const std::optional<git_oid>& b) {
    if (!a || !b) return a.has_value() == b.has_value();
    return git_oid_equal(&*a, &*b) != 0;
}

}  // namespace

std::optional<std::int64_t> last_change_time(git_repository* repository, const git_oid& start, std::string_view path,
                                             std::size_t limit) {
    std::string path_text(path);
    git_commit* raw_commit = nullptr;
    if (git_commit_lookup(&raw_commit, repository, &start) != 0) return std::nullopt;
    Commit commit(raw_commit);
    std::optional<git_oid> current = blob_at(commit.get(), path_text);
    if (!current) return std::nullopt;
    for (std::size_t walked = 0; walked < limit; ++walked) {
        std::int64_t time = git_commit_time(commit.get());
        if (git_commit_parentcount(commit.get()) == 0) return time;  // the root commit added it
        git_commit* raw_parent = nullptr;
        // A shallow clone has no parent objects: take this commit as the change.
        if (git_commit_parent(&raw_parent, commit.get(), 0) != 0) return time;
        Commit parent(raw_parent);
        if (!same_blob(blob_at(parent.get(), path_text), current)) return time;
        commit = std::move(parent);
    }
    return std::nullopt;
}

}  // namespace pysec::git
