#pragma once
// How far the value of a context can be trusted inside code (`run:`,
// github-script), i.e. who can choose its text.

#include <string_view>

namespace pysec::expr {

enum class Trust {
    Attacker,  // free text anyone can set: titles, bodies, branch names, commit messages, ...
    Input,     // `inputs.*` / `github.event.inputs.*`: depends on the input's declared type
    Env,       // `env.*`: depends on where the variable is defined
    Matrix,    // `matrix.*`: depends on the matrix values
    Unknown,   // set somewhere pysec cannot see: step and job outputs, `vars.*`, ...
    Safe,      // numbers, ids, SHAs, enums, timestamps, secrets, fixed names
};

struct ContextTrust {
    Trust trust;
    std::string_view why;  // a short reason, for messages
};

// `path` is a lower-case context path as `context_path` builds it.
ContextTrust classify_context(std::string_view path);

}  // namespace pysec::expr
