#include "rules/dependabot/dependabot_vocabulary.hpp"

#include <algorithm>
#include <initializer_list>

namespace pysec {
namespace {

bool one_of(std::string_view value, std::initializer_list<std::string_view> names) {
    return std::find(names.begin(), names.end(), value) != names.end();
}

}  // namespace

bool is_dependabot_top_level_key(std::string_view key) {
    return one_of(key, {"version", "updates", "registries", "enable-beta-ecosystems", "multi-ecosystem-groups"});
}

bool is_dependabot_update_key(std::string_view key) {
    return one_of(key, {"allow", "assignees", "commit-message", "cooldown", "directories", "directory",
                        "exclude-paths", "groups", "ignore", "insecure-external-code-execution", "labels",
                        "milestone", "name", "open-pull-requests-limit", "package-ecosystem",
                        "pull-request-branch-name", "rebase-strategy", "registries", "schedule", "target-branch",
                        "vendor", "versioning-strategy", "patterns", "multi-ecosystem-group",
                        // Retired in 2025 in favour of CODEOWNERS; Dependabot ignores it rather than failing.
                        "reviewers"});
}

bool is_dependabot_cooldown_key(std::string_view key) {
    return one_of(key, {"default-days", "semver-major-days", "semver-minor-days", "semver-patch-days", "include",
                        "exclude"});
}

bool is_dependabot_ecosystem(std::string_view ecosystem) {
    return one_of(ecosystem, {"bazel", "bun", "bundler", "cargo", "composer", "conda", "deno", "devcontainers",
                              "docker", "docker-compose", "dotnet-sdk", "elm", "github-actions", "gitsubmodule",
                              "gomod", "gradle", "helm", "julia", "maven", "mix", "nix", "npm", "nuget", "opentofu",
                              "pip", "pre-commit", "pub", "rust-toolchain", "sbt", "swift", "terraform", "uv",
                              "vcpkg"});
}

bool is_dependabot_schedule_interval(std::string_view interval) {
    return one_of(interval, {"daily", "weekly", "monthly", "quarterly", "semiannually", "yearly", "cron"});
}

bool is_dependabot_schedule_day(std::string_view day) {
    return one_of(day, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"});
}

}  // namespace pysec
