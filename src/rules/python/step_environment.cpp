#include "rules/python/step_environment.hpp"

#include <optional>

#include "core/text.hpp"
#include "rules/python/requirement_hashes.hpp"
#include "shell/invocation.hpp"

namespace pysec {
namespace {

// `NAME=value` -> value, when the name matches.
std::optional<std::string_view> assigned_value(std::string_view word, std::string_view variable) {
    if (word.size() > variable.size() && word.starts_with(variable) && word[variable.size()] == '=') {
        return word.substr(variable.size() + 1);
    }
    return std::nullopt;
}

std::optional<EnvLookup> from_env_map(const Node* env, std::string_view variable) {
    if (!env || !env->is_mapping()) return std::nullopt;
    const Node* value = env->get(variable);
    if (!value) return std::nullopt;
    if (!value->is_scalar()) return EnvLookup{EnvSetting::Enabled, value};
    return EnvLookup{env_setting_of_value(value->value), value};
}

// Assignments on the command line: `X=1 cmd` and `env X=1 cmd`.
std::optional<EnvSetting> from_command(const shell::Command& command, std::string_view variable) {
    std::optional<EnvSetting> found;
    for (const shell::Word& word : command.assignments) {
        if (auto value = assigned_value(word.text, variable)) found = env_setting_of_value(*value);
    }
    shell::Invocation invocation = shell::invocation_of(command);
    for (const shell::Word& word : command.words) {
        if (&word == invocation.program_word) break;
        if (auto value = assigned_value(word.text, variable)) found = env_setting_of_value(*value);
    }
    return found;
}

// `export X=1` (or a bare `X=1`) earlier in the same script.
std::optional<EnvSetting> from_script(const WorkflowStep& step, const shell::Command& command,
                                      std::string_view variable) {
    std::optional<EnvSetting> found;
    for (const shell::Command& earlier : step.commands) {
        if (&earlier == &command || earlier.begin >= command.begin) break;
        if (earlier.words.empty()) {
            for (const shell::Word& word : earlier.assignments) {
                if (auto value = assigned_value(word.text, variable)) found = env_setting_of_value(*value);
            }
            continue;
        }
        if (earlier.words[0].text != "export") continue;
        for (std::size_t i = 1; i < earlier.words.size(); ++i) {
            if (auto value = assigned_value(earlier.words[i].text, variable)) found = env_setting_of_value(*value);
        }
    }
    return found;
}

// `echo "X=1" >> "$GITHUB_ENV"` in an earlier step of the job.
std::optional<EnvSetting> from_github_env(const WorkflowJob& job, const WorkflowStep& step,
                                          std::string_view variable) {
    std::optional<EnvSetting> found;
    for (const WorkflowStep& earlier : job.steps) {
        if (&earlier == &step) break;
        for (const shell::Command& command : earlier.commands) {
            bool to_github_env = false;
            for (const shell::Redirect& redirect : command.redirects) {
                if (redirect.target.text.find("GITHUB_ENV") != std::string::npos) to_github_env = true;
            }
            if (!to_github_env || command.words.empty()) continue;
            for (std::size_t i = 1; i < command.words.size(); ++i) {
                if (auto value = assigned_value(command.words[i].text, variable)) found = env_setting_of_value(*value);
            }
        }
    }
    return found;
}

const Node* defaults_working_directory(const Node* owner) {
    const Node* defaults = owner && owner->is_mapping() ? owner->get("defaults") : nullptr;
    const Node* run = defaults && defaults->is_mapping() ? defaults->get("run") : nullptr;
    return run && run->is_mapping() ? run->get("working-directory") : nullptr;
}

// A literal directory relative to `base`; nullopt when it cannot be known.
std::optional<std::string> join_directory(const std::string& base, std::string_view path) {
    if (path.empty() || path.front() == '/' || path.front() == '~' || path.find('$') != std::string_view::npos ||
        path == "-") {
        return std::nullopt;
    }
    auto joined = resolve_relative_path(base, path);
    if (!joined) {
        // `.` or a path that normalises to the root
        std::string text = base.empty() ? std::string(path) : base + "/" + std::string(path);
        bool is_root = true;
        for (char c : text) {
            if (c != '.' && c != '/') is_root = false;
        }
        if (is_root && text.find("..") == std::string::npos) return std::string();
        return std::nullopt;
    }
    return joined;
}

}  // namespace

bool job_uses_secrets(const Document& document, const WorkflowJob& job) {
    std::string_view text = document.source(*job.node);
    for (std::size_t at = text.find("secrets."); at != std::string_view::npos; at = text.find("secrets.", at + 8)) {
        if (!text.substr(at + 8).starts_with("GITHUB_TOKEN")) return true;
    }
    for (std::size_t at = text.find("secrets["); at != std::string_view::npos; at = text.find("secrets[", at + 8)) {
        return true;
    }
    return job.secrets != nullptr;  // `secrets: inherit` or a map passed to a reusable workflow
}

std::optional<std::string> command_directory(const StepSite& site, const shell::Command& command) {
    const Node* configured = site.step.working_directory;
    if (!configured && site.job) configured = defaults_working_directory(site.job->node);
    if (!configured && site.workflow) configured = defaults_working_directory(site.workflow->root);
    std::optional<std::string> directory = std::string();
    if (configured) {
        if (!configured->is_scalar()) return std::nullopt;
        directory = join_directory("", configured->value);
    }
    for (const shell::Command& earlier : site.step.commands) {
        if (&earlier == &command || earlier.begin >= command.begin) break;
        if (earlier.depth > command.depth || earlier.words.empty() || earlier.words[0].text != "cd") continue;
        if (earlier.words.size() < 2) {
            directory = std::nullopt;  // `cd` alone: the home directory
        } else if (directory) {
            directory = join_directory(*directory, earlier.words[1].text);
        }
    }
    return directory;
}

EnvSetting env_setting_of_value(std::string_view value) {
    std::string lower = to_lower(trim(value));
    if (lower.find("${{") != std::string::npos || lower.starts_with("$")) return EnvSetting::Enabled;
    for (std::string_view truthy : {"1", "true", "yes", "y", "on", "t"}) {
        if (lower == truthy) return EnvSetting::Enabled;
    }
    return EnvSetting::Disabled;
}

EnvLookup env_lookup(const StepSite& site, const shell::Command& command, std::string_view variable) {
    if (auto setting = from_command(command, variable)) return {*setting, nullptr};
    if (auto setting = from_script(site.step, command, variable)) return {*setting, nullptr};
    if (auto lookup = from_env_map(site.step.env, variable)) return *lookup;
    if (site.job) {
        if (auto setting = from_github_env(*site.job, site.step, variable)) return {*setting, nullptr};
        if (auto lookup = from_env_map(site.job->env, variable)) return *lookup;
    }
    if (site.workflow) {
        if (auto lookup = from_env_map(site.workflow->env, variable)) return *lookup;
    }
    return {};
}

}  // namespace pysec
