#pragma once
// The value an environment variable has when a command of a `run:` step
// starts, as far as the files tell: `X=1 cmd`, `env X=1 cmd`, an earlier
// `export X=1` in the same script, the step's, job's and workflow's `env:`,
// and `X=1` written to $GITHUB_ENV by an earlier step of the job.  Used for
// settings such as PIP_REQUIRE_HASHES and UV_LOCKED that change what a
// command does.

#include <optional>
#include <string>
#include <string_view>

#include "rules/workflow/workflow_sites.hpp"

namespace pysec {

enum class EnvSetting {
    Unset,     // not set anywhere we can see
    Enabled,   // set to a true value (1, true, yes, on, ...), or to an expression we cannot evaluate
    Disabled,  // set to a false or empty value
};

// pip's and uv's reading of a boolean variable; an expression (`${{ ... }}`)
// or a shell variable counts as enabled, so that a rule does not accuse a
// setting it cannot see.
EnvSetting env_setting_of_value(std::string_view value);

// Where the value comes from: `node` is the `env:` value for the three
// `env:` levels, null for the command line, the script and $GITHUB_ENV.
struct EnvLookup {
    EnvSetting setting = EnvSetting::Unset;
    const Node* node = nullptr;
};

EnvLookup env_lookup(const StepSite& site, const shell::Command& command, std::string_view variable);

inline EnvSetting env_setting(const StepSite& site, const shell::Command& command, std::string_view variable) {
    return env_lookup(site, command, variable).setting;
}

inline bool env_enabled(const StepSite& site, const shell::Command& command, std::string_view variable) {
    return env_setting(site, command, variable) == EnvSetting::Enabled;
}

// The job can reach secrets other than GITHUB_TOKEN (`secrets.X` anywhere in
// it): code installed by one step could read them in a later one.
bool job_uses_secrets(const Document& document, const WorkflowJob& job);

// The repository directory a command runs in ("" for the root): the step's
// `working-directory` (or the job's and workflow's `defaults.run`), then any
// `cd <literal path>` before it in the script.  Nullopt when an expression, a
// variable or an absolute path makes it unknowable.
std::optional<std::string> command_directory(const StepSite& site, const shell::Command& command);

}  // namespace pysec
