// mutable-source: a dependency taken from a git branch (or a ref that can
// move) instead of a fixed commit.

#include "core/text.hpp"
#include "parse/requirements_file.hpp"
#include "python/requirement.hpp"
#include "rules/all_rules.hpp"
#include "core/url_parts.hpp"
#include "rules/uv/uv_projects.hpp"
#include "rules/uv/vcs_reference.hpp"

namespace pysec {
namespace {

constexpr RuleInfo mutable_source_info{
    .id = "mutable-source",
    .title = "dependency from a git branch or movable ref instead of a commit",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "uv",
    .what = "- `[tool.uv.sources]` entries (also lists of sources with markers) with `git = ...` and a `branch`, "
            "or with neither `rev` nor `tag` (uv then takes the default branch), or whose `rev` has no digit at "
            "all (`rev = \"main\"`: a branch name; a commit or a version tag always has one). A `tag` is accepted "
            "there: uv.lock records the commit it resolved to.\n"
            "- VCS requirements (`name @ git+https://...`, a bare `git+https://...#egg=name`, `-e git+...`; also "
            "`hg+`, `svn+`, `bzr+`) whose revision is not a full commit hash (40 or 64 hex digits; a revision "
            "number for svn and bzr), in requirement files and in pyproject.toml's `[project] dependencies`, "
            "`optional-dependencies`, `[dependency-groups]`, `[build-system] requires` and uv's "
            "`dev-dependencies`, `constraint-dependencies` and `override-dependencies`. Tags count as movable here, "
            "since nothing records what they pointed to.\n"
            "A pyproject.toml under a test-data directory (`tests/`, `fixtures/`...) is a sample project and is left out; "
            "requirement files there are judged (CI installs them).",
    .why = "A branch is whatever its last push made it: anyone who can push there (or who takes over the "
           "account or repository) changes the code your next lock or install runs, with no version, review or "
           "hash in between. A tag can be deleted and re-created on another commit the same way.",
    .fix = "Pin the full commit (`rev = \"<40-hex commit>\"`, `git+https://...@<commit>`), and let an update bot "
           "move it.",
    .example = "Before:\n"
               "  [tool.uv.sources]\n"
               "  httpx = { git = \"https://github.com/encode/httpx\", branch = \"master\" }\n"
               "After:\n"
               "  [tool.uv.sources]\n"
               "  httpx = { git = \"https://github.com/encode/httpx\", rev = \"<40-hex commit>\" }\n",
};

bool has_digit(std::string_view text) {
    for (char c : text) {
        if (c >= '0' && c <= '9') return true;
    }
    return false;
}

// The VCS URL of a requirement: `name @ url`, or a bare URL (pip's legacy form).
std::optional<std::string> vcs_url_of(std::string_view requirement) {
    std::string_view text = trim(requirement);
    if (parse_vcs_url(text.substr(0, text.find_first_of(" \t;")))) {
        return std::string(text.substr(0, text.find_first_of(" \t;")));
    }
    auto parsed = python::Requirement::parse(text);
    if (parsed && parsed->url() && parse_vcs_url(*parsed->url())) return *parsed->url();
    return std::nullopt;
}

class MutableSourceRule final : public Rule {
public:
    const RuleInfo& info() const override { return mutable_source_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const ProjectFile& file : context.project.files()) {
            if (!file.document || file.failure) continue;
            if (file.kind == FileKind::Requirements) check_requirement_file(*file.document, sink);
            // A pyproject.toml under tests/ is a sample project; a requirement file there is
            // usually what CI installs for the tests, and is judged.
            if (file.kind == FileKind::Pyproject && !is_test_data_path(file.path)) check_pyproject(*file.document, sink);
        }
    }

private:
    void check_requirement_file(const Document& document, FindingSink& sink) const {
        RequirementsFile requirements = parse_requirements_file(document.text());
        for (const RequirementEntry& entry : requirements.entries) {
            if (entry.kind != RequirementEntry::Kind::Requirement && entry.kind != RequirementEntry::Kind::Editable) continue;
            auto url = vcs_url_of(entry.requirement);
            if (!url) continue;
            std::string message;
            if (!movable(*url, message)) continue;
            Finding finding = finding_at(
                Location{document.path(), document.span(entry.requirement_begin, entry.requirement_end), {}}, message);
            finding.help = pinned_help(*url);
            sink.add(std::move(finding));
        }
    }

    void check_pyproject(const Document& document, FindingSink& sink) const {
        const Node* root = document.root();
        if (!root || !root->is_mapping()) return;
        const Node* project = root->get("project");
        if (project && project->is_mapping()) {
            check_list(document, project->get("dependencies"), sink);
            if (const Node* optional = project->get("optional-dependencies"); optional && optional->is_mapping()) {
                for (const auto& entry : optional->entries) check_list(document, entry.value, sink);
            }
        }
        if (const Node* groups = root->get("dependency-groups"); groups && groups->is_mapping()) {
            for (const auto& entry : groups->entries) check_list(document, entry.value, sink);
        }
        if (const Node* build = root->get("build-system"); build && build->is_mapping()) {
            check_list(document, build->get("requires"), sink);
        }
        const Node* tool = root->get("tool");
        const Node* uv = tool && tool->is_mapping() ? tool->get("uv") : nullptr;
        if (!uv || !uv->is_mapping()) return;
        for (const char* key : {"dev-dependencies", "constraint-dependencies", "override-dependencies"}) {
            check_list(document, uv->get(key), sink);
        }
        if (const Node* sources = uv->get("sources"); sources && sources->is_mapping()) {
            for (const auto& entry : sources->entries) {
                if (entry.value->is_mapping()) check_source(document, entry.key->value, *entry.value, sink);
                if (entry.value->is_sequence()) {
                    for (const Node* item : entry.value->items) {
                        if (item->is_mapping()) check_source(document, entry.key->value, *item, sink);
                    }
                }
            }
        }
    }

    void check_list(const Document& document, const Node* list, FindingSink& sink) const {
        if (!list || !list->is_sequence()) return;
        for (const Node* item : list->items) {
            if (!item->is_scalar()) continue;
            auto url = vcs_url_of(item->value);
            if (!url) continue;
            std::string message;
            if (!movable(*url, message)) continue;
            Finding finding = finding_at(document, *item, message);
            finding.help = pinned_help(*url);
            sink.add(std::move(finding));
        }
    }

    // A VCS URL that does not name one commit; `message` says why.
    static bool movable(const std::string& url, std::string& message) {
        auto reference = parse_vcs_url(url);
        if (!reference) return false;
        std::string shown = "`" + without_credentials(url.substr(0, url.find('#'))) + "`";
        if (!reference->revision) {
            message = shown + " names no revision: every install takes whatever the default branch holds then";
            return true;
        }
        if (is_immutable_revision(reference->vcs, *reference->revision)) return false;
        message = shown + " installs `" + *reference->revision +
                  "`, a branch or tag that can be moved to other code; only a full commit hash is fixed";
        return true;
    }

    static std::string pinned_help(const std::string& url) {
        std::string base = without_credentials(url.substr(0, url.find('#')));
        auto reference = parse_vcs_url(url);
        if (reference && reference->revision) base = base.substr(0, base.rfind('@'));
        return base + "@<40-hex commit>";
    }

    void check_source(const Document& document, const std::string& package, const Node& source,
                      FindingSink& sink) const {
        const Node* git_node = source.get("git");
        if (!git_node || !git_node->is_scalar()) return;
        std::string repository = "`" + without_credentials(git_node->value) + "`";
        const Node* git = git_node;
        std::string help = "rev = \"<40-hex commit>\"";
        if (const Node* branch = source.get("branch")) {
            Finding finding = finding_at(document, *branch,
                                         "`" + package + "` follows branch `" + branch->value + "` of " + repository +
                                             ": each lock takes whatever was pushed there last");
            finding.help = help;
            sink.add(std::move(finding));
            return;
        }
        const Node* rev = source.get("rev");
        if (rev && rev->is_scalar()) {
            if (has_digit(rev->value)) return;
            Finding finding = finding_at(document, *rev,
                                         "`" + package + "` takes `rev = \"" + rev->value + "\"` of " + repository +
                                             ", which names a branch: each lock takes whatever was pushed there last");
            finding.help = help;
            sink.add(std::move(finding));
            return;
        }
        if (source.get("tag")) return;
        Finding finding = finding_at(document, *git,
                                     "`" + package + "` comes from " + repository +
                                         " with no `rev` or `tag`: each lock takes the head of the default branch");
        finding.help = help;
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_mutable_source_rule() { return std::make_unique<MutableSourceRule>(); }

}  // namespace pysec
