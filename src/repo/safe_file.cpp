#include "repo/safe_file.hpp"

#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "repo/source.hpp"

namespace pysec {
namespace {

class FileDescriptor {
public:
    explicit FileDescriptor(int fd) : fd_(fd) {}
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    int get() const { return fd_; }

private:
    int fd_;
};

[[noreturn]] void throw_open_error(int error, std::string_view what) {
    std::string name(what);
    if (error == ENOENT || error == ENOTDIR) {
        throw SourceError(SourceError::Reason::Missing, name + ": no such file");
    }
    if (error == ELOOP) throw SourceError(SourceError::Reason::Symlink, name + ": is a symlink");
    throw SourceError(SourceError::Reason::Unreadable, name + ": " + std::strerror(error));
}

std::string read_open_file(int fd, std::string_view what, std::uint64_t max_size) {
    struct stat info {};
    if (::fstat(fd, &info) != 0) throw_open_error(errno, what);
    if (!S_ISREG(info.st_mode)) {
        throw SourceError(SourceError::Reason::Unreadable, std::string(what) + ": not a regular file");
    }
    auto size = static_cast<std::uint64_t>(info.st_size);
    if (size > max_size) {
        throw SourceError(SourceError::Reason::TooLarge, std::string(what) + ": file too large", size);
    }
    std::string content(size, '\0');
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t got = ::read(fd, content.data() + done, content.size() - done);
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) throw_open_error(errno, what);
        if (got == 0) break;
        done += static_cast<std::size_t>(got);
    }
    content.resize(done);
    return content;
}

// O_NONBLOCK keeps a planted FIFO from hanging the scan; fstat rejects it.
constexpr int file_flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK;

}  // namespace

std::string read_file_beneath(const std::string& root, std::string_view relative, std::uint64_t max_size) {
    FileDescriptor directory(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (directory.get() < 0) throw_open_error(errno, root);
    int current = directory.get();
    std::string_view rest = relative;
    std::vector<std::unique_ptr<FileDescriptor>> opened;
    while (true) {
        auto slash = rest.find('/');
        if (slash == std::string_view::npos) break;
        std::string component(rest.substr(0, slash));
        rest.remove_prefix(slash + 1);
        if (component.empty() || component == ".") continue;
        if (component == "..") {
            throw SourceError(SourceError::Reason::Unreadable, std::string(relative) + ": path leaves the root");
        }
        int next = ::openat(current, component.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
        if (next < 0) {
            int error = errno;
            // A symlinked directory fails with ENOTDIR under O_NOFOLLOW|O_DIRECTORY.
            struct stat info {};
            if (::fstatat(current, component.c_str(), &info, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(info.st_mode)) {
                error = ELOOP;
            }
            throw_open_error(error, relative);
        }
        opened.push_back(std::make_unique<FileDescriptor>(next));
        current = next;
    }
    std::string name(rest);
    FileDescriptor file(::openat(current, name.c_str(), file_flags));
    if (file.get() < 0) throw_open_error(errno, relative);
    return read_open_file(file.get(), relative, max_size);
}

std::optional<std::string> read_file_beneath_if_present(const std::string& root, std::string_view relative,
                                                        std::uint64_t max_size) {
    try {
        return read_file_beneath(root, relative, max_size);
    } catch (const SourceError& error) {
        if (error.reason() == SourceError::Reason::Missing) return std::nullopt;
        throw;
    }
}

std::string read_named_file(const std::string& path, std::uint64_t max_size) {
    FileDescriptor file(::open(path.c_str(), file_flags));
    if (file.get() < 0) throw_open_error(errno, path);
    return read_open_file(file.get(), path, max_size);
}

}  // namespace pysec
