#include "support/test_support.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <csignal>
#include <poll.h>
#include <pty.h>
#include <memory>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

#include <git2.h>

extern char** environ;

namespace pysec::test {
namespace fs = std::filesystem;

std::string source_dir() { return PYSEC_SOURCE_DIR; }
std::string shared_dir() { return PYSEC_SHARED_DIR; }

TempDir::TempDir() {
    std::string pattern = (fs::temp_directory_path() / "pysec-test-XXXXXX").string();
    if (!::mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
    path_ = fs::canonical(pattern).string();
}

TempDir::~TempDir() {
    std::error_code error;
    fs::remove_all(path_, error);
}

std::string TempDir::write(const std::string& relative, const std::string& content) const {
    fs::path full = fs::path(path_) / relative;
    fs::create_directories(full.parent_path());
    std::ofstream file(full, std::ios::binary);
    file << content;
    return full.string();
}

std::string read_file(const std::string& path) {
    std::ifstream file(path, std::ios::binary);
    if (!file) throw std::runtime_error("cannot read " + path);
    std::stringstream buffer;
    buffer << file.rdbuf();
    return buffer.str();
}

namespace {

struct ExecArguments {
    std::vector<std::string> env_strings;
    std::vector<char*> env;
    std::vector<std::string> argv_strings;
    std::vector<char*> argv;
};

std::unique_ptr<ExecArguments> exec_arguments(const std::vector<std::string>& argv, const ProcessOptions& options) {
    auto result = std::make_unique<ExecArguments>();
    std::map<std::string, std::string> variables;
    for (char** entry = environ; *entry; ++entry) {
        std::string text = *entry;
        auto equals = text.find('=');
        if (equals == std::string::npos) continue;
        std::string name = text.substr(0, equals);
        if (options.clean_env && name != "PATH") continue;
        variables[name] = text.substr(equals + 1);
    }
    for (const auto& [name, value] : options.env) {
        if (value) variables[name] = *value;
        else variables.erase(name);
    }
    for (const auto& [name, value] : variables) result->env_strings.push_back(name + "=" + value);
    for (auto& text : result->env_strings) result->env.push_back(text.data());
    result->env.push_back(nullptr);
    result->argv_strings = argv;
    for (auto& text : result->argv_strings) result->argv.push_back(text.data());
    result->argv.push_back(nullptr);
    return result;
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, const ProcessOptions& options) {
    auto exec = exec_arguments(argv, options);
    int out_pipe[2], err_pipe[2];
    if (::pipe(out_pipe) != 0 || ::pipe(err_pipe) != 0) throw std::runtime_error("pipe failed");
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(out_pipe[1], STDOUT_FILENO);
        ::dup2(err_pipe[1], STDERR_FILENO);
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        ::close(out_pipe[1]);
        ::close(err_pipe[1]);
        if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(127);
        ::execve(exec->argv[0], exec->argv.data(), exec->env.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    ProcessResult result;
    pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
    std::string* sinks[2] = {&result.out, &result.err};
    int open_count = 2;
    char buffer[65536];
    while (open_count > 0) {
        if (::poll(fds, 2, -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
            ssize_t got = ::read(fds[i].fd, buffer, sizeof buffer);
            if (got > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(got));
            } else {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open_count;
            }
        }
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

namespace {

ProcessOptions for_pysec(const ProcessOptions& options) {
    ProcessOptions adjusted = options;
    // Tests must not depend on the machine they run on.
    if (!adjusted.env.contains("GITHUB_ACTIONS")) adjusted.env["GITHUB_ACTIONS"] = std::nullopt;
    if (!adjusted.env.contains("NO_COLOR")) adjusted.env["NO_COLOR"] = "1";
    if (!adjusted.env.contains("TERM")) adjusted.env["TERM"] = "xterm";
    return adjusted;
}

std::vector<std::string> pysec_argv(const std::vector<std::string>& arguments) {
    std::vector<std::string> argv{PYSEC_BINARY};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    return argv;
}

}  // namespace

ProcessResult run_pysec(const std::vector<std::string>& arguments, const ProcessOptions& options) {
    return run_process(pysec_argv(arguments), for_pysec(options));
}

ProcessResult run_pysec_in_terminal(const std::vector<std::string>& arguments, const ProcessOptions& options) {
    auto exec = exec_arguments(pysec_argv(arguments), for_pysec(options));
    int master = -1;
    pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    if (pid < 0) throw std::runtime_error("forkpty failed");
    if (pid == 0) {
        if (!options.cwd.empty() && ::chdir(options.cwd.c_str()) != 0) ::_exit(127);
        ::execve(exec->argv[0], exec->argv.data(), exec->env.data());
        ::_exit(127);
    }
    ProcessResult result;
    char buffer[65536];
    while (true) {
        ssize_t got = ::read(master, buffer, sizeof buffer);
        if (got > 0) {
            result.out.append(buffer, static_cast<std::size_t>(got));
        } else if (got < 0 && errno == EINTR) {
            continue;
        } else {
            break;  // EIO once the child has closed the terminal
        }
    }
    ::close(master);
    int status = 0;
    ::waitpid(pid, &status, 0);
    result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return result;
}

namespace {

void check(int status, const char* what) {
    if (status != 0) {
        const git_error* error = git_error_last();
        throw std::runtime_error(std::string(what) + ": " + (error && error->message ? error->message : "?"));
    }
}

}  // namespace

namespace {

std::string commit_all(const std::string& directory, const std::string& message, std::optional<std::int64_t> time) {
    git_libgit2_init();
    git_repository* repository = nullptr;
    if (git_repository_open(&repository, directory.c_str()) != 0) {
        check(git_repository_init(&repository, directory.c_str(), 0), "git init");
    }
    git_index* index = nullptr;
    check(git_repository_index(&index, repository), "index");
    check(git_index_add_all(index, nullptr, 0, nullptr, nullptr), "add");
    check(git_index_write(index), "index write");
    git_oid tree_id, commit_id;
    check(git_index_write_tree(&tree_id, index), "write tree");
    git_tree* tree = nullptr;
    check(git_tree_lookup(&tree, repository, &tree_id), "tree lookup");
    git_signature* signature = nullptr;
    if (time) {
        check(git_signature_new(&signature, "pysec tests", "tests@example.invalid", *time, 0), "signature");
    } else {
        check(git_signature_now(&signature, "pysec tests", "tests@example.invalid"), "signature");
    }
    git_commit* parent = nullptr;
    git_oid head_id;
    bool has_parent = git_reference_name_to_id(&head_id, repository, "HEAD") == 0 &&
                      git_commit_lookup(&parent, repository, &head_id) == 0;
    const git_commit* parents[] = {parent};
    check(git_commit_create(&commit_id, repository, "HEAD", signature, signature, nullptr, message.c_str(), tree,
                            has_parent ? 1 : 0, parents),
          "commit");
    char text[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(text, sizeof text, &commit_id);
    git_commit_free(parent);
    git_signature_free(signature);
    git_tree_free(tree);
    git_index_free(index);
    git_repository_free(repository);
    return text;
}

}  // namespace

std::string git_commit_all(const std::string& directory, const std::string& message) {
    return commit_all(directory, message, std::nullopt);
}

std::string git_commit_all_at(const std::string& directory, const std::string& message, std::int64_t time) {
    return commit_all(directory, message, time);
}

}  // namespace pysec::test

namespace pysec::test {

void write_config_value(const std::string& repository, const std::string& name, const std::string& value) {
    git_libgit2_init();
    git_config* config = nullptr;
    check(git_config_open_ondisk(&config, (repository + "/config").c_str()), "open config");
    check(git_config_set_string(config, name.c_str(), value.c_str()), "set config");
    git_config_free(config);
}

}  // namespace pysec::test

namespace pysec::test {

BackgroundServer::BackgroundServer(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env) {
    ProcessOptions options;
    for (const auto& [name, value] : env) options.env[name] = value;
    auto exec = exec_arguments(argv, options);
    int out_pipe[2];
    if (::pipe(out_pipe) != 0) throw std::runtime_error("pipe failed");
    pid_t pid = ::fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        ::dup2(out_pipe[1], STDOUT_FILENO);
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        ::execve(exec->argv[0], exec->argv.data(), exec->env.data());
        ::_exit(127);
    }
    ::close(out_pipe[1]);
    pid_ = pid;
    std::string line;
    char c;
    while (::read(out_pipe[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(out_pipe[0]);
    if (line.rfind("PORT ", 0) != 0) throw std::runtime_error("server did not start: " + line);
    port_ = std::stoi(line.substr(5));
}

BackgroundServer::~BackgroundServer() {
    if (pid_ > 0) {
        ::kill(pid_, SIGTERM);
        int status = 0;
        ::waitpid(pid_, &status, 0);
    }
}

FakeGitHub::FakeGitHub(const std::string& scenario_json, const std::string& token, const std::string& tls_cert,
                       const std::string& tls_key)
    : tls_(!tls_cert.empty()) {
    std::string scenario = directory_.write("scenario.json", scenario_json);
    record_path_ = directory_.path() + "/records.json";
    std::vector<std::string> argv = {PYSEC_PYTHON, source_dir() + "/tests/tools/fake_github.py", "--record",
                                     record_path_, "--scenario", scenario, "--schema",
                                     shared_dir() + "/schemas/checkruns-schema.json"};
    if (tls_) {
        argv.insert(argv.end(), {"--tls-cert", tls_cert, "--tls-key", tls_key});
    }
    server_ = std::make_unique<BackgroundServer>(argv, std::map<std::string, std::string>{{"FAKE_GITHUB_TOKEN", token}});
}

std::string FakeGitHub::url() const {
    return std::string(tls_ ? "https" : "http") + "://127.0.0.1:" + std::to_string(server_->port());
}

std::string FakeGitHub::records_json() const { return read_file(record_path_); }

}  // namespace pysec::test
