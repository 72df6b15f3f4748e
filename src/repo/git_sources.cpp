#include "repo/git_sources.hpp"

#include <algorithm>
#include <ctime>
#include <set>

#include "repo/git_history.hpp"
#include "repo/safe_file.hpp"

namespace pysec {
namespace {

EntryType entry_type(git_filemode_t mode) {
    switch (mode) {
        case GIT_FILEMODE_LINK: return EntryType::Symlink;
        case GIT_FILEMODE_COMMIT: return EntryType::Submodule;
        default: return EntryType::File;
    }
}

bool under_prefix(std::string_view path, std::string_view prefix) { return path.starts_with(prefix); }

}  // namespace

GitWorktreeSource::GitWorktreeSource(git::Repository repository, std::string prefix)
    : repository_(std::move(repository)), prefix_(std::move(prefix)) {
    const char* workdir = git_repository_workdir(repository_.get());
    workdir_ = workdir ? workdir : ".";
}

std::string GitWorktreeSource::description() const {
    std::string root = workdir_;
    if (root.size() > 1 && root.back() == '/') root.pop_back();
    return "git work tree of " + root + (prefix_.empty() ? "" : " (" + prefix_ + ")");
}

std::vector<SourceEntry> GitWorktreeSource::entries() {
    git_index* raw_index = nullptr;
    if (git_repository_index(&raw_index, repository_.get()) != 0) {
        throw SourceRequestError("cannot read the git index: " + git::last_error_message());
    }
    git::Index index(raw_index);
    std::vector<SourceEntry> result;
    std::set<std::string_view> seen;  // a conflicted path has up to three stages
    std::size_t count = git_index_entrycount(index.get());
    result.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const git_index_entry* entry = git_index_get_byindex(index.get(), i);
        std::string_view path = entry->path;
        if (!under_prefix(path, prefix_) || !seen.insert(path).second) continue;
        result.push_back(SourceEntry{std::string(path), entry_type(static_cast<git_filemode_t>(entry->mode))});
    }
    return result;
}

std::string GitWorktreeSource::read(const SourceEntry& entry, std::uint64_t max_size) {
    return read_file_beneath(workdir_, entry.path, max_size);
}

std::optional<std::string> GitWorktreeSource::read_path(std::string_view path, std::uint64_t max_size) {
    return read_file_beneath_if_present(workdir_, path, max_size);
}

std::optional<std::int64_t> GitWorktreeSource::last_change_time(std::string_view path) {
    std::string path_text(path);
    unsigned int status = 0;
    if (git_status_file(&status, repository_.get(), path_text.c_str()) != 0) return std::nullopt;
    constexpr unsigned int changed = GIT_STATUS_INDEX_NEW | GIT_STATUS_INDEX_MODIFIED | GIT_STATUS_INDEX_RENAMED |
                                     GIT_STATUS_INDEX_TYPECHANGE | GIT_STATUS_WT_NEW | GIT_STATUS_WT_MODIFIED |
                                     GIT_STATUS_WT_RENAMED | GIT_STATUS_WT_TYPECHANGE;
    if (status & changed) return static_cast<std::int64_t>(std::time(nullptr));
    git_oid head;
    // An unborn branch: nothing is committed yet, so the file is new.
    if (git_reference_name_to_id(&head, repository_.get(), "HEAD") != 0) {
        return static_cast<std::int64_t>(std::time(nullptr));
    }
    return git::last_change_time(repository_.get(), head, path);
}

GitTreeSource::GitTreeSource(git::Repository repository, const std::string& revision, std::string prefix,
                             std::vector<std::string> only)
    : repository_(std::move(repository)), prefix_(std::move(prefix)), only_(std::move(only)) {
    git_object* raw_object = nullptr;
    if (git_revparse_single(&raw_object, repository_.get(), revision.c_str()) != 0) {
        throw SourceRequestError("cannot resolve revision '" + revision + "': " + git::last_error_message());
    }
    git::Object object(raw_object);
    git_object* raw_tree = nullptr;
    if (git_object_peel(&raw_tree, object.get(), GIT_OBJECT_TREE) != 0) {
        throw SourceRequestError("revision '" + revision + "' does not name a commit or tree: " +
                                 git::last_error_message());
    }
    tree_.reset(reinterpret_cast<git_tree*>(raw_tree));
    git_object* raw_commit = nullptr;
    if (git_object_peel(&raw_commit, object.get(), GIT_OBJECT_COMMIT) == 0) {
        git::Object commit(raw_commit);
        commit_ = *git_object_id(commit.get());
    }
    char short_id[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(short_id, 13, git_object_id(object.get()));
    description_ = std::string(git_object_type(object.get()) == GIT_OBJECT_COMMIT ? "commit " : "tree ") +
                   short_id + " (" + revision + ")";
}

std::vector<SourceEntry> GitTreeSource::entries() {
    struct Walk {
        std::vector<SourceEntry> entries;
        const std::string* prefix;
    } walk{{}, &prefix_};
    auto callback = [](const char* root, const git_tree_entry* entry, void* payload) -> int {
        auto& state = *static_cast<Walk*>(payload);
        git_object_t type = git_tree_entry_type(entry);
        std::string path = std::string(root) + git_tree_entry_name(entry);
        if (type == GIT_OBJECT_TREE) {
            // Skip subtrees that cannot contain anything under the prefix.
            std::string directory = path + "/";
            bool relevant = directory.starts_with(*state.prefix) || state.prefix->starts_with(directory);
            return relevant ? 0 : 1;
        }
        if (!path.starts_with(*state.prefix)) return 0;
        state.entries.push_back(SourceEntry{std::move(path), entry_type(git_tree_entry_filemode(entry))});
        return 0;
    };
    if (git_tree_walk(tree_.get(), GIT_TREEWALK_PRE, callback, &walk) != 0) {
        throw SourceRequestError("cannot walk the tree: " + git::last_error_message());
    }
    if (only_.empty()) return std::move(walk.entries);
    std::vector<SourceEntry> selected;
    for (const std::string& path : only_) {
        auto it = std::find_if(walk.entries.begin(), walk.entries.end(),
                               [&](const SourceEntry& entry) { return entry.path == path; });
        if (it == walk.entries.end()) throw SourceRequestError(path + ": not in " + description_);
        SourceEntry entry = *it;
        entry.named = true;
        selected.push_back(std::move(entry));
    }
    return selected;
}

std::string GitTreeSource::read_blob(const git_oid& id, std::string_view path, std::uint64_t max_size) {
    git_odb* raw_odb = nullptr;
    if (git_repository_odb(&raw_odb, repository_.get()) != 0) {
        throw SourceError(SourceError::Reason::Unreadable, std::string(path) + ": " + git::last_error_message());
    }
    git::Odb odb(raw_odb);
    std::size_t size = 0;
    git_object_t type = GIT_OBJECT_INVALID;
    if (git_odb_read_header(&size, &type, odb.get(), &id) == 0 && size > max_size) {
        throw SourceError(SourceError::Reason::TooLarge, std::string(path) + ": file too large", size);
    }
    git_blob* raw_blob = nullptr;
    if (git_blob_lookup(&raw_blob, repository_.get(), &id) != 0) {
        throw SourceError(SourceError::Reason::Unreadable, std::string(path) + ": " + git::last_error_message());
    }
    git::Blob blob(raw_blob);
    const char* data = static_cast<const char*>(git_blob_rawcontent(blob.get()));
    return std::string(data, static_cast<std::size_t>(git_blob_rawsize(blob.get())));
}

std::string GitTreeSource::read(const SourceEntry& entry, std::uint64_t max_size) {
    auto content = read_path(entry.path, max_size);
    if (!content) throw SourceError(SourceError::Reason::Missing, entry.path + ": not in the tree");
    return *content;
}

std::optional<std::int64_t> GitTreeSource::last_change_time(std::string_view path) {
    if (!commit_) return std::nullopt;
    return git::last_change_time(repository_.get(), *commit_, path);
}

std::optional<std::string> GitTreeSource::read_path(std::string_view path, std::uint64_t max_size) {
    git_tree_entry* raw_entry = nullptr;
    std::string path_text(path);
    if (git_tree_entry_bypath(&raw_entry, tree_.get(), path_text.c_str()) != 0) return std::nullopt;
    git::TreeEntry entry(raw_entry);
    switch (git_tree_entry_filemode(entry.get())) {
        case GIT_FILEMODE_LINK:
            throw SourceError(SourceError::Reason::Symlink, path_text + ": is a symlink");
        case GIT_FILEMODE_BLOB:
        case GIT_FILEMODE_BLOB_EXECUTABLE: return read_blob(*git_tree_entry_id(entry.get()), path, max_size);
        default: return std::nullopt;
    }
}

}  // namespace pysec
