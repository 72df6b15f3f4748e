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

std::string pull_request_head_sha(const std::string& event_path) {
    if (event_path.empty()) return {};
    std::ifstream file(event_path);
    if (!file) return {};
    nlohmann::json event = nlohmann::json::parse(file, nullptr, false);
    if (event.is_discarded()) return {};
    const auto* head = &event;
    for (const char* key : {"pull_request", "head", "sha"}) {
        if (!head->is_object() || !head->contains(key)) return {};
        head = &(*head)[key];
    }
    return head->is_string() ? head->get<std::string>() : std::string{};
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
    inputs.annotations = input_or("annotations", "commands");
    inputs.has_token = !input_or("token", "").empty();

    env.workspace = environment("GITHUB_WORKSPACE");
    env.step_summary = environment("GITHUB_STEP_SUMMARY");
    env.output = environment("GITHUB_OUTPUT");
    if (auto server = environment("GITHUB_SERVER_URL"); !server.empty()) env.server_url = server;
    env.repository = environment("GITHUB_REPOSITORY");
    env.sha = environment("GITHUB_SHA");
    env.event_name = environment("GITHUB_EVENT_NAME");
    env.github_actions = environment("GITHUB_ACTIONS") == "true";
    env.head_sha = env.sha;
    if (env.event_name == "pull_request" || env.event_name == "pull_request_target") {
        if (auto head = pull_request_head_sha(environment("GITHUB_EVENT_PATH")); !head.empty()) env.head_sha = head;
    }
    return env;
}

}  // namespace pysec
