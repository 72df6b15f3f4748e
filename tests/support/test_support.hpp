#pragma once
// Helpers shared by the tests: temporary directories, running the pysec
// binary with a chosen environment, and building git repositories with libgit2.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace pysec::test {

std::string source_dir();
std::string shared_dir();

class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }
    // Writes `relative` (creating directories) and returns its full path.
    std::string write(const std::string& relative, const std::string& content) const;

private:
    std::string path_;
};

std::string read_file(const std::string& path);

struct ProcessResult {
    int exit_code = -1;
    std::string out;
    std::string err;
};

struct ProcessOptions {
    std::string cwd;
    // Variables to set ("VALUE") or unset (nullopt) on top of this process's environment.
    std::map<std::string, std::optional<std::string>> env;
    bool clean_env = false;  // start from an empty environment (PATH kept)
};

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options = {});
ProcessResult run_pysec(const std::vector<std::string>& arguments, const ProcessOptions& options = {});
// Runs with standard output (and error) on a pseudo-terminal, as in an interactive shell.
ProcessResult run_pysec_in_terminal(const std::vector<std::string>& arguments, const ProcessOptions& options = {});

// `git init` + add everything + commit, through libgit2.  Returns the commit id.
std::string git_commit_all(const std::string& directory, const std::string& message);
// The same with author and committer time `time` (seconds since the epoch, UTC),
// for tests of history: commits made one after another get the times chosen.
std::string git_commit_all_at(const std::string& directory, const std::string& message, std::int64_t time);

}  // namespace pysec::test

namespace pysec::test {
// Sets a value in a repository's config (e.g. core.bare) through libgit2.
void write_config_value(const std::string& repository, const std::string& name, const std::string& value);
}  // namespace pysec::test

namespace pysec::test {

// A server started for a test and stopped (SIGTERM) when it goes out of scope.
// Its first line of standard output must be "PORT <n>".
class BackgroundServer {
public:
    BackgroundServer(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});
    ~BackgroundServer();
    BackgroundServer(const BackgroundServer&) = delete;
    BackgroundServer& operator=(const BackgroundServer&) = delete;
    int port() const { return port_; }

private:
    int pid_ = -1;
    int port_ = 0;
};

// The fake GitHub API of tests/tools/fake_github.py, validating Check Runs
// request bodies against the REST API's schema and recording every request.
class FakeGitHub {
public:
    explicit FakeGitHub(const std::string& scenario_json = "{}", const std::string& token = "",
                        const std::string& tls_cert = "", const std::string& tls_key = "");
    std::string url() const;
    std::string records_json() const;  // the recorded requests, as JSON text

private:
    TempDir directory_;
    std::string record_path_;
    std::unique_ptr<BackgroundServer> server_;
    bool tls_;
};

}  // namespace pysec::test
