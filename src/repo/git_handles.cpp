#include "repo/git_handles.hpp"

#include <mutex>

namespace pysec::git {

std::string last_error_message() {
    const git_error* error = git_error_last();
    return error && error->message ? error->message : "unknown libgit2 error";
}

void ensure_initialised(bool github_actions) {
    static std::once_flag once;
    std::call_once(once, [github_actions] {
        git_libgit2_init();
        // Blob ids are checked by git when objects are written; re-hashing on
        // every read halves read speed for no gain in a read-only scanner.
        git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
        // In the Actions container the workspace belongs to the runner's uid,
        // not ours.  Only there is the owner check switched off: locally it
        // protects users from repositories planted by someone else.
        if (github_actions) git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, 0);
    });
}

}  // namespace pysec::git
