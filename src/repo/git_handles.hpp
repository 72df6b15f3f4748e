#pragma once
// RAII owners for the libgit2 objects pysec uses, and the library's lifetime.

#include <memory>
#include <stdexcept>
#include <string>

#include <git2.h>

namespace pysec::git {

template <typename T, void (*Free)(T*)>
struct Deleter {
    void operator()(T* pointer) const { Free(pointer); }
};

using Repository = std::unique_ptr<git_repository, Deleter<git_repository, git_repository_free>>;
using Index = std::unique_ptr<git_index, Deleter<git_index, git_index_free>>;
using Object = std::unique_ptr<git_object, Deleter<git_object, git_object_free>>;
using Tree = std::unique_ptr<git_tree, Deleter<git_tree, git_tree_free>>;
using TreeEntry = std::unique_ptr<git_tree_entry, Deleter<git_tree_entry, git_tree_entry_free>>;
using Blob = std::unique_ptr<git_blob, Deleter<git_blob, git_blob_free>>;
using Commit = std::unique_ptr<git_commit, Deleter<git_commit, git_commit_free>>;
using Odb = std::unique_ptr<git_odb, Deleter<git_odb, git_odb_free>>;
using RevWalk = std::unique_ptr<git_revwalk, Deleter<git_revwalk, git_revwalk_free>>;
using Diff = std::unique_ptr<git_diff, Deleter<git_diff, git_diff_free>>;

// libgit2's last error as text, for messages.
std::string last_error_message();

// Initialises libgit2 once per process and applies pysec's options.
void ensure_initialised(bool github_actions);

}  // namespace pysec::git
