// Chooses the source for a scan request: git work tree, a commit's tree, the
// plain file system, or named files.

#include <filesystem>
#include <sys/stat.h>

#include "repo/filesystem_sources.hpp"
#include "repo/git_sources.hpp"

namespace pysec {
namespace fs = std::filesystem;
namespace {

struct Discovery {
    git::Repository repository;
    std::string failure;  // why no repository was opened; empty when none was found at all
};

Discovery discover_repository(const std::string& start) {
    git_repository* raw = nullptr;
    int status = git_repository_open_ext(&raw, start.c_str(), 0, nullptr);
    if (status == 0) return Discovery{git::Repository(raw), {}};
    std::string message = git::last_error_message();
    // libgit2 1.5 reports a repository owned by another user as GIT_ENOTFOUND
    // ("config value 'safe.directory' was not found"), not as GIT_EOWNER.
    if (message.find("safe.directory") != std::string::npos) {
        return Discovery{nullptr, "it is owned by another user (" + message + ")"};
    }
    if (status == GIT_ENOTFOUND) return Discovery{nullptr, {}};
    return Discovery{nullptr, message};
}

// The repository root that paths are made relative to.
std::string root_of(git_repository* repository) {
    const char* workdir = git_repository_workdir(repository);
    std::string root = workdir ? workdir : git_repository_path(repository);
    return fs::weakly_canonical(root).string();
}

// "sub/dir/" for a directory below the root, "" for the root itself.
std::string prefix_below(const std::string& root, const fs::path& directory) {
    std::string relative = fs::weakly_canonical(directory).lexically_relative(root).generic_string();
    if (relative.empty() || relative == ".") return {};
    if (relative.starts_with("..")) return {};
    return relative + "/";
}

std::string normalise_display(const std::string& path) {
    std::string text = fs::path(path).lexically_normal().generic_string();
    while (text.starts_with("./")) text.erase(0, 2);
    return text;
}

std::unique_ptr<Source> open_directory(const std::string& directory, const SourceRequest& request, Notices& notices) {
    Discovery discovery = discover_repository(directory);
    if (!discovery.repository) {
        if (request.revision) {
            throw SourceRequestError("--rev needs a git repository, and " + directory + " is not in one" +
                                     (discovery.failure.empty() ? "" : " (" + discovery.failure + ")"));
        }
        notices.add((discovery.failure.empty() ? directory + " is not inside a git repository"
                                               : "cannot open the git repository at " + directory + ": " +
                                                     discovery.failure) +
                    "; scanning the file system, untracked files included");
        return std::make_unique<FileSystemSource>(directory);
    }
    git::Repository repository = std::move(discovery.repository);
    std::string prefix = prefix_below(root_of(repository.get()), directory);
    if (request.revision) {
        return std::make_unique<GitTreeSource>(std::move(repository), *request.revision, prefix);
    }
    if (git_repository_is_bare(repository.get())) {
        // A bare repository has no work tree and an empty index: scan HEAD.
        notices.add(directory + " is a bare repository; scanning the tree of HEAD");
        return std::make_unique<GitTreeSource>(std::move(repository), "HEAD", prefix);
    }
    return std::make_unique<GitWorktreeSource>(std::move(repository), prefix);
}

std::unique_ptr<Source> open_named_files(const std::vector<std::string>& paths, const SourceRequest& request) {
    fs::path first_parent = fs::path(paths.front()).parent_path();
    Discovery discovery = discover_repository(first_parent.empty() ? "." : first_parent.string());
    std::string root = discovery.repository && !git_repository_is_bare(discovery.repository.get())
                           ? root_of(discovery.repository.get())
                           : std::string{};
    std::vector<NamedFile> files;
    std::vector<std::string> relative_paths;
    for (const std::string& path : paths) {
        std::string display = normalise_display(path);
        if (!root.empty()) {
            std::string relative =
                fs::weakly_canonical(fs::absolute(path).parent_path()).lexically_relative(root).generic_string();
            if (!relative.starts_with("..")) {
                display = normalise_display(relative + "/" + fs::path(path).filename().string());
            }
        }
        files.push_back(NamedFile{display, path});
        relative_paths.push_back(display);
    }
    if (request.revision) {
        if (root.empty()) throw SourceRequestError("--rev needs the named files to be inside a git repository");
        return std::make_unique<GitTreeSource>(std::move(discovery.repository), *request.revision, "",
                                               std::move(relative_paths));
    }
    return std::make_unique<NamedFilesSource>(std::move(files), root.empty() ? fs::current_path().string() : root);
}

}  // namespace

std::unique_ptr<Source> open_source(const SourceRequest& request, Notices& notices) {
    git::ensure_initialised(request.github_actions);
    std::vector<std::string> paths = request.paths.empty() ? std::vector<std::string>{"."} : request.paths;
    std::size_t directories = 0;
    for (const std::string& path : paths) {
        struct stat info {};
        // The top-level argument may be a symlink the user chose; below it, nothing is followed.
        if (::stat(path.c_str(), &info) != 0 && ::lstat(path.c_str(), &info) != 0) {
            throw SourceRequestError(path + ": no such file or directory");
        }
        if (S_ISDIR(info.st_mode)) ++directories;
    }
    if (directories > 0 && paths.size() > 1) {
        throw SourceRequestError("give either one directory or one or more files, not both");
    }
    if (directories == 1) return open_directory(paths.front(), request, notices);
    return open_named_files(paths, request);
}

}  // namespace pysec
