#include "action/action_environment.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <fstream>

#include <nlohmann/json.hpp>

#include "core/text.hpp"

namespace pysec {
namespace {

std::string environment(const char* name) {
    const char* value = std::getenv(name);
    return value ? value : "";
}

// The runner upper-cases the input name and replaces spaces with `_`;
// hyphens stay.
std::string input_variable(const std::string& name) {
    std::string variable = "INPUT_";
    for (char c : name) variable += c == ' ' ? '_' : static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return variable;
}

std::string input_or(const std::string& name, std::string fallback) {
    auto value = action_input(name);
    return value && !value->empty() ? *value : fallback;
}

nlohmann::json read_event(const std::string& event_path) {
    if (event_path.empty()) return nullptr;
    std::ifstream file(event_path);
    if (!file) return nullptr;
    nlohmann::json event = nlohmann::json::parse(file, nullptr, false);
    return event.is_discarded() ? nlohmann::json(nullptr) : event;
}

// The string at a path of keys in the event payload, or "".
std::string event_string(const nlohmann::json& event, std::initializer_list<const char*> keys) {
    const nlohmann::json* node = &event;
    for (const char* key : keys) {
        if (!node->is_object() || !node->contains(key)) return {};
        node = &(*node)[key];
    }
    return node->is_string() ? node->get<std::string>() : std::string{};
}

}  // namespace

std::optional<std::string> action_input(const std::string& name) {
    const char* value = std::getenv(input_variable(name).c_str());
    if (!value) return std::nullopt;
    return std::string(trim(value));
}

ActionEnvironment read_action_environment() {
    ActionEnvironment env;
    ActionInputs& inputs = env.inputs;
    inputs.path = input_or("path", ".");
    inputs.config = input_or("config", "");
    inputs.min_severity = input_or("min-severity", "informational");
    inputs.min_confidence = input_or("min-confidence", "low");
    inputs.persona = input_or("persona", "regular");
    inputs.fail_on = input_or("fail-on", "medium");
    inputs.sarif_file = input_or("sarif-file", "");
    inputs.summary = to_lower(input_or("summary", "true")) != "false";
    inputs.annotations = input_or("annotations", "check-run");
    inputs.max_annotations = input_or("max-annotations", "1000");
    inputs.token = input_or("token", "");

    env.workspace = environment("GITHUB_WORKSPACE");
    env.step_summary = environment("GITHUB_STEP_SUMMARY");
    env.output = environment("GITHUB_OUTPUT");
    if (auto server = environment("GITHUB_SERVER_URL"); !server.empty()) env.server_url = server;
    env.repository = environment("GITHUB_REPOSITORY");
    env.sha = environment("GITHUB_SHA");
    env.event_name = environment("GITHUB_EVENT_NAME");
    env.github_actions = environment("GITHUB_ACTIONS") == "true";
    if (auto api = environment("GITHUB_API_URL"); !api.empty()) env.api_url = api;
    if (auto run_id = environment("GITHUB_RUN_ID"); !run_id.empty() && !env.repository.empty()) {
        env.run_url = env.server_url + "/" + env.repository + "/actions/runs/" + run_id;
    }
    env.head_sha = env.sha;
    if (env.event_name == "pull_request" || env.event_name == "pull_request_target") {
        nlohmann::json event = read_event(environment("GITHUB_EVENT_PATH"));
        if (auto head = event_string(event, {"pull_request", "head", "sha"}); !head.empty()) env.head_sha = head;
        std::string head_repo = event_string(event, {"pull_request", "head", "repo", "full_name"});
        std::string base_repo = event_string(event, {"pull_request", "base", "repo", "full_name"});
        env.fork_pull_request = env.event_name == "pull_request" && !head_repo.empty() && head_repo != base_repo;
    }
    return env;
}

}  // namespace pysec
