// use-trusted-publishing: uploads to PyPI with a long-lived token instead of
// PyPI's trusted publishing (OIDC).

#include <algorithm>
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "model/publishing.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/action_inputs.hpp"
#include "shell/invocation.hpp"

namespace pysec {
namespace {

constexpr RuleInfo use_trusted_publishing_info{
    .id = "use-trusted-publishing",
    .title = "PyPI upload with a long-lived token instead of trusted publishing",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "An upload to PyPI or TestPyPI that authenticates with an API token rather than with "
            "trusted publishing:\n"
            "- `pypa/gh-action-pypi-publish` given a `password:`, when `repository-url` is unset or "
            "points at pypi.org or test.pypi.org (reported at the `password:` value);\n"
            "- `twine upload` (also `python -m twine upload`), `uv publish`, `hatch publish`, `pdm "
            "publish`, `poetry publish`, `flit publish` and `maturin publish`/`upload` in a `run:` "
            "(reported at the command), unless they name another index (`--repository-url`, "
            "`--publish-url`, `-r`/`--repository` other than pypi/testpypi, or the tool's "
            "environment variable for it) or pass `--dry-run`.\n\n"
            "Severity:\n"
            "- medium: a token is visibly handed to the upload: the action's `password:`, the tool's "
            "token variable in the step, job or workflow `env:` or in front of the command "
            "(`TWINE_PASSWORD`, `UV_PUBLISH_TOKEN`, `UV_PUBLISH_PASSWORD`, `POETRY_PYPI_TOKEN_*`, "
            "`POETRY_HTTP_BASIC_*_PASSWORD`, `HATCH_INDEX_AUTH`, `PDM_PUBLISH_PASSWORD`, "
            "`FLIT_PASSWORD`, `MATURIN_PYPI_TOKEN`, `MATURIN_PASSWORD`), a `--password`/`--token`/"
            "`--auth` option, or an earlier `poetry config pypi-token.*` in the job; the token's "
            "place is a related location;\n"
            "- low: the same, in a job that already has `id-token: write`: the token overrides "
            "trusted publishing, and deleting it (and the secret) is all that is left to do;\n"
            "- informational: a publishing command with no visible token in a job without "
            "`id-token: write`, whose credentials come from somewhere pysec cannot see (a "
            "`.pypirc`, a keyring, a variable exported by an earlier step).\n"
            "A publishing command in a job with `id-token: write` and no visible token is not "
            "reported: the tools use trusted publishing there. In composite actions, where the "
            "caller's permissions are unknown, only visible tokens are reported.",
    .why = "A PyPI API token is a long-lived secret: it works from anywhere until someone revokes it, "
           "so one leak (a log line, a compromised action or dependency in the job, a poisoned "
           "cache) lets an attacker publish malicious releases at any time later. Tokens stolen from "
           "CI were how the attackers of the Ultralytics releases (December 2024) came back for a "
           "second round of malicious uploads. Trusted publishing exchanges the job's OIDC identity "
           "for a token that lives 15 minutes and works only for that project, so there is nothing "
           "to steal in advance, and PyPI records which workflow published each file.",
    .fix = "Register the workflow as a trusted publisher in the project's PyPI settings (Publishing "
           "tab), give the publishing job `permissions: id-token: write` (ideally with an "
           "`environment:`), remove the `password:` or token variable, and then delete the token on "
           "PyPI and the secret on GitHub. `pypa/gh-action-pypi-publish`, `uv publish`, `twine` 6.1+, "
           "`pdm` and `hatch` pick up trusted publishing by themselves.",
    .example = "Before:\n"
               "  - uses: pypa/gh-action-pypi-publish@76f52bc884231f62b9a034ebfe128415bbaabdfc # v1.12.4\n"
               "    with:\n"
               "      password: ${{ secrets.PYPI_API_TOKEN }}\n"
               "After:\n"
               "  permissions:\n"
               "    id-token: write\n"
               "  ...\n"
               "  - uses: pypa/gh-action-pypi-publish@76f52bc884231f62b9a034ebfe128415bbaabdfc # v1.12.4\n",
};

struct ToolCredentials {
    std::string_view tool;  // as PublishSite::tool starts
    std::array<std::string_view, 3> token_options;
    std::array<std::string_view, 3> token_variables;
    std::array<std::string_view, 2> repository_variables;
};

// Where each tool takes a token from, and where it is told to use another index.
constexpr std::array tool_credentials = {
    ToolCredentials{"twine", {"-p", "--password", ""}, {"TWINE_PASSWORD", "", ""},
                    {"TWINE_REPOSITORY_URL", "TWINE_REPOSITORY"}},
    ToolCredentials{"uv", {"-t", "--token", "--password"}, {"UV_PUBLISH_TOKEN", "UV_PUBLISH_PASSWORD", ""},
                    {"UV_PUBLISH_URL", "UV_PUBLISH_INDEX"}},
    ToolCredentials{"hatch", {"-a", "--auth", ""}, {"HATCH_INDEX_AUTH", "", ""}, {"HATCH_INDEX_REPO", ""}},
    ToolCredentials{"pdm", {"-P", "--password", ""}, {"PDM_PUBLISH_PASSWORD", "", ""}, {"PDM_PUBLISH_REPO", ""}},
    ToolCredentials{"poetry", {"-p", "--password", ""}, {"", "", ""}, {"", ""}},
    ToolCredentials{"flit", {"", "", ""}, {"FLIT_PASSWORD", "", ""}, {"FLIT_INDEX_URL", ""}},
    ToolCredentials{"maturin", {"-p", "--password", ""}, {"MATURIN_PYPI_TOKEN", "MATURIN_PASSWORD", ""},
                    {"MATURIN_REPOSITORY_URL", "MATURIN_REPOSITORY"}},
};

constexpr std::array repository_options = {"--repository-url", "--repository", "-r", "--publish-url", "--index",
                                           "--repo", "--index-url"};

const ToolCredentials* credentials_of(std::string_view tool) {
    std::string_view program = tool.substr(0, tool.find(' '));
    for (const ToolCredentials& credentials : tool_credentials) {
        if (credentials.tool == program) return &credentials;
    }
    return nullptr;
}

// pypi.org, test.pypi.org and the names the tools give them.
bool names_pypi(std::string_view value) {
    std::string lower = to_lower(trim(value));
    if (lower == "pypi" || lower == "testpypi" || lower == "main" || lower == "test") return true;
    return lower.find("://upload.pypi.org") != std::string::npos || lower.find("://test.pypi.org") != std::string::npos;
}

bool is_poetry_token_variable(std::string_view name) {
    return name.starts_with("POETRY_PYPI_TOKEN_") ||
           (name.starts_with("POETRY_HTTP_BASIC_") && name.ends_with("_PASSWORD"));
}

bool is_token_variable(const ToolCredentials& credentials, std::string_view name) {
    if (name.empty()) return false;
    if (credentials.tool == "poetry") return is_poetry_token_variable(name);
    return std::find(credentials.token_variables.begin(), credentials.token_variables.end(), name) !=
           credentials.token_variables.end();
}

// The value of `--option value` or `--option=value`.
std::optional<std::string> option_value(const shell::Invocation& invocation, std::string_view option) {
    for (std::size_t i = 0; i < invocation.arguments.size(); ++i) {
        std::string_view text = invocation.arguments[i]->text;
        if (text == option && i + 1 < invocation.arguments.size()) return invocation.arguments[i + 1]->text;
        if (text.starts_with(option) && text.size() > option.size() && text[option.size()] == '=') {
            return std::string(text.substr(option.size() + 1));
        }
    }
    return std::nullopt;
}

const shell::Word* option_word(const shell::Invocation& invocation, std::string_view option) {
    if (option.empty()) return nullptr;
    for (const shell::Word* word : invocation.arguments) {
        std::string_view text = word->text;
        if (text == option || (text.starts_with(option) && text.size() > option.size() && text[option.size()] == '=')) {
            return word;
        }
    }
    return nullptr;
}

// Where a job's steps run and what they can see.
struct JobScope {
    const Document& document;
    const Workflow* workflow = nullptr;  // null for a composite action
    const WorkflowJob* job = nullptr;
    const std::vector<WorkflowStep>& steps;
    std::optional<bool> id_token;  // nullopt when unknown (composite actions)
};

// The `env:` entries a step sees, nearest first.
std::vector<const Node*> env_maps(const JobScope& scope, const WorkflowStep& step) {
    std::vector<const Node*> maps{step.env};
    if (scope.job) maps.push_back(scope.job->env);
    if (scope.workflow) maps.push_back(scope.workflow->env);
    return maps;
}

const Node::Entry* env_entry(const JobScope& scope, const WorkflowStep& step,
                             const std::function<bool(std::string_view)>& wanted) {
    for (const Node* map : env_maps(scope, step)) {
        if (!map || !map->is_mapping()) continue;
        for (auto it = map->entries.rbegin(); it != map->entries.rend(); ++it) {
            if (wanted(it->key->value)) return &*it;
        }
    }
    return nullptr;
}

bool names_another_index(const JobScope& scope, const WorkflowStep& step, const ToolCredentials& credentials,
                         const shell::Invocation& invocation) {
    for (std::string_view option : repository_options) {
        if (auto value = option_value(invocation, option)) return !names_pypi(*value);
    }
    for (std::string_view variable : credentials.repository_variables) {
        if (variable.empty()) continue;
        const Node::Entry* entry = env_entry(scope, step, [&](std::string_view name) { return name == variable; });
        if (entry) return !entry->value->is_scalar() || !names_pypi(entry->value->value);
    }
    return false;
}

bool has_value(const Node* value) {
    return value && value->is_scalar() && !trim(value->value).empty();
}

class UseTrustedPublishingRule final : public Rule {
public:
    const RuleInfo& info() const override { return use_trusted_publishing_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            for (const WorkflowJob& job : workflow.jobs) {
                const Permissions& permissions = job.permissions.present() ? job.permissions : workflow.permissions;
                JobScope scope{*workflow.document, &workflow, &job, job.steps,
                               permissions.access("id-token") == "write"};
                check_job(scope, sink);
            }
        }
        for (const ActionDefinition& action : context.project.actions()) {
            check_job(JobScope{*action.document, nullptr, nullptr, action.steps, std::nullopt}, sink);
        }
    }

private:
    void check_job(const JobScope& scope, FindingSink& sink) const {
        for (const WorkflowStep& step : scope.steps) {
            if (is_pypi_publish_action(step)) check_action(scope, step, sink);
        }
        for (const PublishSite& site : publish_sites(scope.steps)) {
            if (site.target == PublishSite::Target::PyPI && site.command) check_command(scope, site, sink);
        }
    }

    void check_action(const JobScope& scope, const WorkflowStep& step, FindingSink& sink) const {
        const Node* password = step.input_node("password");
        if (!has_value(password)) return;
        const Node* url = step.input_node("repository-url");
        if (!url) url = step.input_node("repository_url");
        if (url) {
            auto text = constant_input(url);
            if (!text || !names_pypi(*text)) return;
        }
        std::string message = "`" + step.uses_reference->action_path() +
                              "` uploads with a long-lived API token from `password:`";
        message += scope.id_token == true
                       ? ", which overrides the trusted publishing this job is already allowed (`id-token: write`)"
                       : " instead of PyPI's trusted publishing";
        Finding finding = finding_at(scope.document, *password, std::move(message));
        finding.severity = scope.id_token == true ? Severity::Low : Severity::Medium;
        finding.help = scope.id_token == true ? "remove `password:` (and delete the token and the secret)"
                                              : "remove `password:` and give the job `permissions: id-token: write`";
        sink.add(std::move(finding));
    }

    void check_command(const JobScope& scope, const PublishSite& site, FindingSink& sink) const {
        const ToolCredentials* credentials = credentials_of(site.tool);
        if (!credentials) return;
        shell::Invocation invocation = shell::invocation_of(*site.command);
        if (shell::has_argument(invocation, "--dry-run")) return;
        const WorkflowStep& step = *site.step;
        if (names_another_index(scope, step, *credentials, invocation)) return;
        std::optional<Location> token = token_location(scope, step, *site.command, *credentials, invocation);
        if (!token && scope.id_token != false) return;
        std::string message = "`" + site.tool + "` uploads to PyPI ";
        Finding finding = finding_at(run_location(scope.document, step, site.command->begin, site.command->end),
                                     std::string{});
        if (token) {
            message += scope.id_token == true
                           ? "with a long-lived token, which overrides the trusted publishing this job is "
                             "already allowed (`id-token: write`)"
                           : "with a long-lived token instead of PyPI's trusted publishing";
            finding.severity = scope.id_token == true ? Severity::Low : Severity::Medium;
            finding.related.push_back(std::move(*token));
            finding.help = scope.id_token == true ? "remove the token (and delete it and the secret)"
                                                  : "remove the token and give the job `permissions: id-token: write`";
        } else {
            message += "with credentials configured outside this job's view, in a job without `id-token: "
                       "write`; trusted publishing needs no stored credentials";
            finding.severity = Severity::Informational;
            finding.help = "give the job `permissions: id-token: write` and register it as a trusted publisher";
        }
        finding.message = std::move(message);
        sink.add(std::move(finding));
    }

    std::optional<Location> token_location(const JobScope& scope, const WorkflowStep& step,
                                           const shell::Command& command, const ToolCredentials& credentials,
                                           const shell::Invocation& invocation) const {
        for (std::string_view option : credentials.token_options) {
            if (const shell::Word* word = option_word(invocation, option)) {
                return run_location(scope.document, step, word->begin, word->end, "the token is passed here");
            }
        }
        auto is_token = [&](std::string_view name) { return is_token_variable(credentials, name); };
        for (const shell::Word& assignment : command.assignments) {
            std::string_view name = std::string_view(assignment.text).substr(0, assignment.text.find('='));
            if (is_token(name)) {
                return run_location(scope.document, step, assignment.begin, assignment.end, "the token is set here");
            }
        }
        // `export TWINE_PASSWORD=...` earlier in the same script.
        for (const shell::Command& earlier : step.commands) {
            if (earlier.begin >= command.begin) break;
            if (earlier.words.empty() || earlier.words.front().text != "export") continue;
            for (const shell::Word& word : earlier.words) {
                if (is_token(std::string_view(word.text).substr(0, word.text.find('=')))) {
                    return run_location(scope.document, step, word.begin, word.end, "the token is exported here");
                }
            }
        }
        if (const Node::Entry* entry = env_entry(scope, step, is_token); entry && has_value(entry->value)) {
            return scope.document.location(*entry->key, "the token is passed here");
        }
        if (credentials.tool == "poetry") return poetry_configured_token(scope, step, command);
        return std::nullopt;
    }

    // `poetry config pypi-token.pypi "$TOKEN"` in the job before the upload.
    std::optional<Location> poetry_configured_token(const JobScope& scope, const WorkflowStep& publish_step,
                                                    const shell::Command& publish) const {
        for (const WorkflowStep& step : scope.steps) {
            for (const shell::Command& command : step.commands) {
                if (&step == &publish_step && command.begin >= publish.begin) return std::nullopt;
                shell::Invocation invocation = shell::invocation_of(command);
                const shell::Word* verb = shell::first_operand(invocation);
                if (invocation.program != "poetry" || !verb || verb->text != "config") continue;
                for (const shell::Word* word : invocation.arguments) {
                    if (word->text.starts_with("pypi-token.") || word->text.starts_with("http-basic.")) {
                        return run_location(scope.document, step, command.begin, command.end,
                                            "the token is configured here");
                    }
                }
            }
            if (&step == &publish_step) break;
        }
        return std::nullopt;
    }
};

}  // namespace

std::unique_ptr<Rule> make_use_trusted_publishing_rule() { return std::make_unique<UseTrustedPublishingRule>(); }

}  // namespace pysec
