// self-repository: a local `uses: ./path` that could name this repository's
// action at the running commit with the self-repository form `$/path`.

#include <algorithm>
#include <string>
#include <vector>

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/action_inputs.hpp"

namespace pysec {
namespace {

constexpr RuleInfo self_repository_info{
    .id = "self-repository",
    .title = "local action could use the self-repository form $/",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A step's `uses: ./path` (in a workflow job or a composite action) that names an action of "
            "this repository and means this repository at the running commit, so that it can be "
            "written `uses: $/path`, GitHub's self-repository form (July 2026). Reported at the `uses:` "
            "value, with the rewrite as help.\n\n"
            "pysec reports only rewrites that keep the meaning:\n"
            "- the path, after `./`, is the directory of an `action.yml`/`action.yaml` in the scanned "
            "repository (so scanning single files reports nothing);\n"
            "- in a job, the last `actions/checkout` before the step whose `path:` holds that "
            "directory checks out this repository at the running commit: no `repository:` other than "
            "`${{ github.repository }}`, no `ref:` other than `${{ github.sha }}` or `${{ github.ref "
            "}}`. A checkout into a subdirectory is stripped from the suggestion (`./src/.github/"
            "actions/x` after a checkout with `path: src` becomes `$/.github/actions/x`). A job "
            "without any such checkout is reported too: there `./` cannot work at all;\n"
            "- not in a workflow that has `workflow_call`: called from another repository, its `./` "
            "means the caller's checkout, which `$/` would change.\n"
            "`uses: ./` (the repository's root action, as action repositories test themselves), "
            "`../` paths, and reusable-workflow calls (`jobs.<id>.uses: ./.github/workflows/x.yml`, "
            "which GitHub already resolves at the caller's commit) are not reported. The `$/` form "
            "is not available on GitHub Enterprise Server: disable this rule there.",
    .why = "`./path` is resolved in the job's workspace, that is, in whatever the job has checked out "
           "when the step runs: it needs a checkout first (and its token and `contents: read`), and "
           "it silently follows a later checkout of another ref or repository, such as a pull "
           "request's head in a `pull_request_target` workflow, which then runs the attacker's "
           "version of your action. `$/path` always resolves to this repository at the commit that "
           "is running, needs no checkout, and keeps the action pinned to the same commit as the "
           "workflow that calls it.",
    .fix = "Replace `./` with `$/` in the `uses:` (the help line gives the exact value). A job whose "
           "checkout existed only to make the action available can then drop the checkout.",
    .example = "Before:\n"
               "  - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0\n"
               "    with:\n"
               "      persist-credentials: false\n"
               "  - uses: ./.github/actions/setup\n"
               "After:\n"
               "  - uses: $/.github/actions/setup\n",
};

// What an `actions/checkout` step put where.
struct Checkout {
    std::string path;  // relative to the workspace, "" for the workspace itself
    bool running_commit = false;
};

std::string normalize_path(std::string_view path) {
    path = trim(path);
    while (path.starts_with("./")) path.remove_prefix(2);
    while (path.ends_with('/')) path.remove_suffix(1);
    if (path == ".") return {};
    return std::string(path);
}

// `${{ github.repository }}`, `${{ github.sha }}`: the expression alone, as a context path.
std::optional<std::string> sole_context_of(const Node* value) {
    if (!value || !value->is_scalar()) return std::nullopt;
    return sole_context(value->value);
}

Checkout read_checkout(const WorkflowStep& step) {
    Checkout checkout;
    const Node* path = step.input_node("path");
    checkout.path = path && path->is_scalar() ? normalize_path(path->value) : std::string{};
    const Node* repository = step.input_node("repository");
    const Node* ref = step.input_node("ref");
    bool same_repository = !repository || sole_context_of(repository) == "github.repository";
    auto ref_context = sole_context_of(ref);
    bool same_ref = !ref || ref_context == "github.sha" || ref_context == "github.ref";
    checkout.running_commit = same_repository && same_ref;
    return checkout;
}

bool contains_path(std::string_view directory, std::string_view path) {
    return directory.empty() || path == directory ||
           (path.starts_with(directory) && path.size() > directory.size() && path[directory.size()] == '/');
}

bool is_checkout(const WorkflowStep& step) { return step.action_slug() == "actions/checkout"; }

class SelfRepositoryRule final : public Rule {
public:
    const RuleInfo& info() const override { return self_repository_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        std::vector<std::string> action_directories;
        for (const ActionDefinition& action : context.project.actions()) {
            std::string_view path = action.document->path();
            auto slash = path.rfind('/');
            action_directories.push_back(slash == std::string_view::npos ? std::string{}
                                                                         : std::string(path.substr(0, slash)));
        }
        auto is_action_directory = [&](const std::string& path) {
            return !path.empty() &&
                   std::find(action_directories.begin(), action_directories.end(), path) != action_directories.end();
        };
        for (const Workflow& workflow : context.project.workflows()) {
            if (workflow.has_trigger("workflow_call")) continue;
            for (const WorkflowJob& job : workflow.jobs) {
                std::vector<Checkout> checkouts;
                for (const WorkflowStep& step : job.steps) {
                    if (is_checkout(step)) {
                        checkouts.push_back(read_checkout(step));
                        continue;
                    }
                    auto path = local_path(step);
                    if (!path) continue;
                    const Checkout* source = nullptr;
                    for (auto it = checkouts.rbegin(); it != checkouts.rend(); ++it) {
                        if (contains_path(it->path, *path)) {
                            source = &*it;
                            break;
                        }
                    }
                    if (source && !source->running_commit) continue;
                    // The path inside this repository: without the checkout's directory.
                    std::string inside = *path;
                    if (source && !source->path.empty()) {
                        inside = path->substr(std::min(path->size(), source->path.size() + 1));
                    }
                    if (is_action_directory(inside)) report(*workflow.document, step, inside, sink);
                }
            }
        }
        for (const ActionDefinition& action : context.project.actions()) {
            for (const WorkflowStep& step : action.steps) {
                auto path = local_path(step);
                if (path && is_action_directory(*path)) report(*action.document, step, *path, sink);
            }
        }
    }

private:
    // The path of a `uses: ./path` step, normalised; nullopt for anything else.
    static std::optional<std::string> local_path(const WorkflowStep& step) {
        if (!step.uses || !step.uses->is_scalar()) return std::nullopt;
        std::string_view text = trim(step.uses->value);
        if (!text.starts_with("./")) return std::nullopt;
        std::string path = normalize_path(text);
        if (path.empty() || path.starts_with("../") || path == "..") return std::nullopt;
        return path;
    }

    void report(const Document& document, const WorkflowStep& step, const std::string& inside,
                FindingSink& sink) const {
        std::string written(trim(step.uses->value));
        Finding finding = finding_at(document, *step.uses,
                                     "`" + written + "` runs whatever the workspace holds at that path; `$/" + inside +
                                         "` names this repository's action at the running commit, checkout or not");
        finding.help = "uses: $/" + inside;
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_self_repository_rule() { return std::make_unique<SelfRepositoryRule>(); }

}  // namespace pysec
