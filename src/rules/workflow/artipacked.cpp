// artipacked: `actions/checkout` leaves the job's token in `.git/config`.

#include <string>
#include <vector>

#include "core/text.hpp"
#include "parse/scalar_source_map.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/action_inputs.hpp"

namespace pysec {
namespace {

constexpr RuleInfo artipacked_info{
    .id = "artipacked",
    .title = "checkout persists the token in .git/config",
    .severity = Severity::Medium,
    .confidence = Confidence::Low,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "An `actions/checkout` step (in a workflow job or a composite action) that does not set "
            "`persist-credentials: false`: the checkout then writes the job's token (or the `token:` it "
            "was given) into `.git/config`, where every later step, and anything that packs up the "
            "directory, can read it. Reported at the `uses:` value with low confidence.\n\n"
            "The confidence rises when a later `actions/upload-artifact` step of the same job uploads "
            "the whole workspace: a `path:` (any line of a multi-line path) that is `.`, `./`, `..`, "
            "`../` or `${{ github.workspace }}`. It is high when that upload includes hidden files, "
            "where `.git/` lives (`include-hidden-files: true`, or upload-artifact older than v4.4, "
            "read from the ref or from the `# vX.Y.Z` comment after a SHA pin), and medium otherwise "
            "(upload-artifact v4.4 and later skip hidden files by default, but one input brings them "
            "back). The upload is a related location.\n\n"
            "`persist-credentials: true` written out is a deliberate choice (a later step pushes with "
            "the token): it is reported only to the auditor persona, at the value. A value that is an "
            "expression is read as the default, since pysec cannot tell what it will be.",
    .why = "A token in `.git/config` outlives the step that needed it. Palo Alto Unit 42's "
           "\"ArtiPACKED\" research (August 2024) found popular open-source projects (from Google, "
           "Microsoft, Red Hat, Canonical, ...) uploading their checkout, `.git/config` and token "
           "included, as a public artifact that anyone could download while the job still ran: the "
           "token could push code or releases. Even without an upload, every later step, including "
           "third-party actions and build scripts from dependencies, can read and exfiltrate it.",
    .fix = "Add `persist-credentials: false` to every checkout. A step that really needs to push can "
           "pass the token explicitly (`git push https://x-access-token:${GH_TOKEN}@github.com/...` "
           "with `GH_TOKEN` in that step's `env:`), so that no other step sees it. Upload only the "
           "directories you mean to publish (`dist/`), never the workspace.",
    .example = "Before:\n"
               "  - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0\n"
               "After:\n"
               "  - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0\n"
               "    with:\n"
               "      persist-credentials: false\n",
};

bool is_action(const WorkflowStep& step, std::string_view path) {
    if (!step.uses_reference || step.uses_reference->kind != UsesReference::Kind::Repository) return false;
    return to_lower(step.uses_reference->action_path()) == path;
}

// `${{ github.workspace }}` with any spacing, and a trailing `/` or `/.`.
bool is_workspace_expression(std::string_view line) {
    for (std::string_view suffix : {"/.", "/"}) {
        if (line.ends_with(suffix) && line.size() > suffix.size()) line.remove_suffix(suffix.size());
    }
    return sole_context(line) == "github.workspace";
}

bool is_workspace_path(std::string_view line) {
    return line == "." || line == "./" || line == ".." || line == "../" || line == "./." ||
           is_workspace_expression(line);
}

// The first line of an upload's `path:` that uploads the whole workspace, as an
// offset range in the value; nullopt when none does.
std::optional<std::pair<std::size_t, std::size_t>> workspace_line(const Node& path) {
    const std::string& value = path.value;
    std::size_t start = 0;
    while (start <= value.size()) {
        std::size_t end = value.find('\n', start);
        if (end == std::string::npos) end = value.size();
        std::string_view line = std::string_view(value).substr(start, end - start);
        std::string_view trimmed = trim(line);
        if (is_workspace_path(trimmed)) {
            std::size_t offset = start + static_cast<std::size_t>(line.find(trimmed.front()));
            return std::make_pair(offset, offset + trimmed.size());
        }
        start = end + 1;
    }
    return std::nullopt;
}

// upload-artifact uploads hidden files (`.git/`) before v4.4.0 or when told to.
bool uploads_hidden_files(const Document& document, const WorkflowStep& upload) {
    if (auto include = boolean_input(upload.input_node("include-hidden-files"))) return *include;
    auto version = action_version(document, *upload.uses, *upload.uses_reference);
    if (!version) return false;
    if (version->major != 4) return version->major < 4;
    return version->minor && *version->minor < 4;  // `@v4` follows the latest v4.x
}

struct WorkspaceUpload {
    const WorkflowStep* step;
    Location location;  // the `path:` line
    bool hidden_files;
};

std::optional<WorkspaceUpload> workspace_upload(const Document& document, const WorkflowStep& step) {
    if (!is_action(step, "actions/upload-artifact")) return std::nullopt;
    const Node* path = step.input_node("path");
    if (!path || !path->is_scalar()) return std::nullopt;
    auto line = workspace_line(*path);
    if (!line) return std::nullopt;
    bool hidden = uploads_hidden_files(document, step);
    Location location = ScalarSourceMap(document, *path).location(
        line->first, line->second,
        hidden ? "uploads the workspace, `.git/config` and its token included"
               : "uploads the workspace (hidden files such as `.git/config` are skipped unless "
                 "`include-hidden-files: true`)");
    return WorkspaceUpload{&step, std::move(location), hidden};
}

class ArtipackedRule final : public Rule {
public:
    const RuleInfo& info() const override { return artipacked_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const Workflow& workflow : context.project.workflows()) {
            for (const WorkflowJob& job : workflow.jobs) check_steps(*workflow.document, job.steps, sink);
        }
        for (const ActionDefinition& action : context.project.actions()) {
            check_steps(*action.document, action.steps, sink);
        }
    }

private:
    void check_steps(const Document& document, const std::vector<WorkflowStep>& steps, FindingSink& sink) const {
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const WorkflowStep& checkout = steps[i];
            if (!is_action(checkout, "actions/checkout")) continue;
            const Node* persist = checkout.input_node("persist-credentials");
            std::optional<bool> persisted = boolean_input(persist);
            if (persisted == false) continue;
            std::vector<WorkspaceUpload> uploads;
            for (std::size_t j = i + 1; j < steps.size(); ++j) {
                if (auto upload = workspace_upload(document, steps[j])) uploads.push_back(std::move(*upload));
            }
            report(document, checkout, persisted == true ? persist : nullptr, uploads, sink);
        }
    }

    void report(const Document& document, const WorkflowStep& checkout, const Node* explicit_true,
                const std::vector<WorkspaceUpload>& uploads, FindingSink& sink) const {
        std::string name = "`" + checkout.uses_reference->action_path() + "`";
        std::string message;
        if (explicit_true) {
            message = "`persist-credentials: true` keeps the job's token in `.git/config` for every later step";
        } else {
            message = name + " keeps the job's token in `.git/config` for every later step (no "
                      "`persist-credentials: false`)";
        }
        bool hidden = false;
        for (const WorkspaceUpload& upload : uploads) hidden = hidden || upload.hidden_files;
        if (!uploads.empty()) {
            message += hidden ? ", and a later step uploads the workspace with it as an artifact"
                              : ", and a later step uploads the workspace as an artifact";
        }
        Finding finding = finding_at(document, explicit_true ? *explicit_true : *checkout.uses, std::move(message));
        if (!uploads.empty()) finding.confidence = hidden ? Confidence::High : Confidence::Medium;
        if (explicit_true) finding.persona = Persona::Auditor;
        for (const WorkspaceUpload& upload : uploads) finding.related.push_back(upload.location);
        finding.help = explicit_true || checkout.with ? "persist-credentials: false"
                                                      : "with:\n  persist-credentials: false";
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_artipacked_rule() { return std::make_unique<ArtipackedRule>(); }

}  // namespace pysec
