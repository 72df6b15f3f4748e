// pysec-bench-spawn RESULT_FILE PROGRAM [ARGS...]: run PROGRAM in a child and
// write that child's exit code, peak RSS and CPU time to RESULT_FILE.
//
// bench/run.py cannot take the peak RSS from its own wait4(): on Linux a
// child's ru_maxrss keeps the high-water mark of the memory it had before
// exec, which for a child forked from Python is the whole Python process
// (tens of MiB once the corpus list is loaded). Forked from this small
// process instead, the child starts at about 1-2 MiB, below anything measured.

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: pysec-bench-spawn RESULT_FILE PROGRAM [ARGS...]\n");
        return 2;
    }
    pid_t child = fork();
    if (child < 0) {
        std::fprintf(stderr, "pysec-bench-spawn: fork: %s\n", std::strerror(errno));
        return 2;
    }
    if (child == 0) {
        execvp(argv[2], argv + 2);
        std::fprintf(stderr, "pysec-bench-spawn: %s: %s\n", argv[2], std::strerror(errno));
        _exit(127);
    }
    int status = 0;
    rusage usage{};
    while (wait4(child, &status, 0, &usage) < 0) {
        if (errno != EINTR) {
            std::fprintf(stderr, "pysec-bench-spawn: wait4: %s\n", std::strerror(errno));
            return 2;
        }
    }
    int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    std::FILE* result = std::fopen(argv[1], "w");
    if (!result) {
        std::fprintf(stderr, "pysec-bench-spawn: %s: %s\n", argv[1], std::strerror(errno));
        return 2;
    }
    std::fprintf(result, "exit %d\nmaxrss_kib %ld\nuser %ld.%06ld\nsystem %ld.%06ld\n", code, usage.ru_maxrss,
                 static_cast<long>(usage.ru_utime.tv_sec), static_cast<long>(usage.ru_utime.tv_usec),
                 static_cast<long>(usage.ru_stime.tv_sec), static_cast<long>(usage.ru_stime.tv_usec));
    std::fclose(result);
    return code;
}
