// forbidden-uses: actions a project's own policy denies (opt-in).

#include <string>
#include <vector>

#include "rules/all_rules.hpp"
#include "rules/workflow/uses_pattern.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo forbidden_uses_info{
    .id = "forbidden-uses",
    .title = "action forbidden by the project's policy",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "Opt-in: nothing is reported until `.github/pysec.yml` configures it, with exactly one of\n"
            "- `rules.forbidden-uses.config.deny: [patterns]`: every repository `uses:` matching a "
            "pattern is reported;\n"
            "- `rules.forbidden-uses.config.allow: [patterns]`: every repository `uses:` matching "
            "none is reported.\n"
            "Patterns are those of unpinned-uses' policies: `owner/repo/path` (that action), "
            "`owner/repo` (the repository and every action in it), `owner/*` (every repository of the "
            "owner) and `*`; case-insensitive, refs ignored. Checked: workflow steps, composite-action "
            "steps and reusable-workflow jobs. Local (`./`, `$/`) and `docker://` references are never "
            "forbidden. The same `config` shape as zizmor's `forbidden-uses` is accepted.",
    .why = "An organisation may vet the actions it lets into its workflows, or ban one after an "
           "incident, as many did with tj-actions/changed-files after its compromise in March 2025. "
           "GitHub's allowed-actions setting enforces such a list only when a workflow runs; a check "
           "in CI catches a forbidden action in the pull request that adds it, and works for "
           "repositories outside the organisation too.",
    .fix = "Replace the action with an allowed one, or with a `run:` step; or change the policy in "
           "`.github/pysec.yml` if the action should be allowed.",
    .example = "Config:\n"
               "  rules:\n"
               "    forbidden-uses:\n"
               "      config:\n"
               "        deny: [tj-actions/*]\n"
               "Before:\n"
               "  - uses: tj-actions/changed-files@ed68ef82c095e0d48ec87eccea555d944a631a4c # v46.0.5\n"
               "After:\n"
               "  - run: git diff --name-only \"$BASE_SHA\" HEAD\n",
};

struct Policy {
    bool allow_list = false;  // true: `allow`, false: `deny`
    std::vector<UsesPattern> patterns;
};

std::optional<Policy> read_policy(const Node* config) {
    if (!config) return std::nullopt;
    if (!config->is_mapping()) throw RuleConfigError("forbidden-uses: `config` must be a mapping");
    for (const auto& entry : config->entries) {
        if (entry.key->value != "allow" && entry.key->value != "deny") {
            throw RuleConfigError("forbidden-uses: unknown config key '" + entry.key->value +
                                  "' (expected `allow` or `deny`)");
        }
    }
    const Node* allow = config->get("allow");
    const Node* deny = config->get("deny");
    if (allow && deny) throw RuleConfigError("forbidden-uses: give `allow` or `deny`, not both");
    if (!allow && !deny) return std::nullopt;
    Policy policy;
    policy.allow_list = allow != nullptr;
    const Node* list = allow ? allow : deny;
    std::string key = allow ? "allow" : "deny";
    if (!list->is_sequence()) throw RuleConfigError("forbidden-uses: `" + key + "` must be a list of patterns");
    for (const Node* item : list->items) {
        auto pattern = item->is_scalar() ? UsesPattern::parse(item->value) : std::nullopt;
        if (!pattern) {
            throw RuleConfigError("forbidden-uses: invalid pattern '" + (item->is_scalar() ? item->value : "") +
                                  "' in `" + key + "` (use owner/repo/path, owner/repo, owner/* or *)");
        }
        policy.patterns.push_back(std::move(*pattern));
    }
    return policy;
}

class ForbiddenUsesRule final : public Rule {
public:
    const RuleInfo& info() const override { return forbidden_uses_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        std::optional<Policy> policy = read_policy(context.config);
        if (!policy) return;
        for_each_uses(context.project, [&](const UsesSite& site) {
            if (site.reference.kind != UsesReference::Kind::Repository) return;
            const UsesPattern* match = nullptr;
            for (const UsesPattern& pattern : policy->patterns) {
                if (pattern.matches(site.reference)) {
                    match = &pattern;
                    break;
                }
            }
            std::string name = "`" + site.reference.action_path() + "`";
            std::string message;
            if (policy->allow_list && !match) {
                message = name + " is not on the project's allow-list of actions (rules.forbidden-uses.config.allow)";
            } else if (!policy->allow_list && match) {
                message = name + " is forbidden by the project's deny-list pattern `" + match->text() + "`";
            } else {
                return;
            }
            sink.add(finding_at(site.document, site.node, std::move(message)));
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_forbidden_uses_rule() { return std::make_unique<ForbiddenUsesRule>(); }

}  // namespace pysec
