// unpinned-uses: a `uses:` whose ref is not a full commit SHA.

#include <algorithm>
#include <cctype>
#include <map>

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo unpinned_uses_info{
    .id = "unpinned-uses",
    .title = "action or reusable workflow not pinned to a commit SHA",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A `uses:` of a repository action or reusable workflow (in a workflow step, a reusable-"
            "workflow job, or a composite action's step) whose ref is a tag, a branch, an abbreviated "
            "SHA, or missing, instead of a full 40-character commit SHA. Local actions (`./path`) are "
            "exempt, and `docker://` images are the business of `unpinned-images`.\n\n"
            "Configure per action with `rules.unpinned-uses.config.policies`, a map from a pattern to a "
            "policy. Patterns: `owner/repo/path`, `owner/repo`, `owner/*`, `*`; the most specific "
            "pattern wins. Policies: `hash-pin` (a full commit SHA is required; the default for `*`), "
            "`ref-pin` (any ref will do, but there must be one), `any` (not checked).",
    .why = "Tags and branches are mutable: whoever controls the action's repository (or steals a "
           "maintainer's token) can move `v4` to malicious code, and every workflow that uses `@v4` "
           "runs it on its next run, with its secrets and token. This is how the tj-actions/changed-files "
           "compromise (March 2025) reached thousands of repositories. A commit SHA cannot be moved.",
    .fix = "Pin the full commit SHA the tag points to today and keep the tag as a comment, so that "
           "Dependabot or Renovate can update both: `uses: owner/repo@<40-hex-sha> # v1.2.3`. Tools "
           "such as `pinact` or `gh api repos/OWNER/REPO/commits/TAG --jq .sha` find the SHA.",
    .example = "Before:\n"
               "  - uses: actions/checkout@v4\n"
               "After:\n"
               "  - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955 # v4.3.0\n",
};

enum class PinPolicy { HashPin, RefPin, Any };

struct Policies {
    // Keys are lower-case patterns; GitHub owner and repository names are case-insensitive.
    std::map<std::string, PinPolicy, std::less<>> by_pattern;

    PinPolicy for_reference(const UsesReference& reference) const {
        std::string owner = to_lower(reference.owner);
        std::string slug = owner + "/" + to_lower(reference.repo);
        std::string full = to_lower(reference.action_path());
        for (const std::string& pattern : {full, slug, owner + "/*", std::string("*")}) {
            if (auto it = by_pattern.find(pattern); it != by_pattern.end()) return it->second;
        }
        return PinPolicy::HashPin;
    }
};

bool valid_pattern(std::string_view pattern) {
    if (pattern == "*") return true;
    auto slash = pattern.find('/');
    if (slash == std::string_view::npos || slash == 0 || slash + 1 >= pattern.size()) return false;
    std::string_view rest = pattern.substr(slash + 1);
    if (rest == "*") return pattern.find('*') == slash + 1;
    return pattern.find('*') == std::string_view::npos;
}

Policies read_policies(const Node* config) {
    Policies policies;
    if (!config) return policies;
    if (!config->is_mapping()) throw RuleConfigError("unpinned-uses: `config` must be a mapping");
    const Node* map = config->get("policies");
    for (const auto& entry : config->entries) {
        if (entry.key->value != "policies") {
            throw RuleConfigError("unpinned-uses: unknown config key '" + entry.key->value + "' (expected `policies`)");
        }
    }
    if (!map) return policies;
    if (!map->is_mapping()) throw RuleConfigError("unpinned-uses: `policies` must map patterns to policies");
    for (const auto& entry : map->entries) {
        const std::string& pattern = entry.key->value;
        if (!valid_pattern(pattern)) {
            throw RuleConfigError("unpinned-uses: invalid pattern '" + pattern +
                                  "' (use owner/repo/path, owner/repo, owner/* or *)");
        }
        std::string_view policy = entry.value->text().value_or("");
        PinPolicy value;
        if (policy == "hash-pin") value = PinPolicy::HashPin;
        else if (policy == "ref-pin") value = PinPolicy::RefPin;
        else if (policy == "any") value = PinPolicy::Any;
        else {
            throw RuleConfigError("unpinned-uses: invalid policy '" + std::string(policy) + "' for '" + pattern +
                                  "' (use hash-pin, ref-pin or any)");
        }
        policies.by_pattern[to_lower(pattern)] = value;
    }
    return policies;
}

bool is_abbreviated_sha(std::string_view ref) {
    return ref.size() >= 7 && ref.size() < 40 &&
           std::all_of(ref.begin(), ref.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
}

class UnpinnedUsesRule final : public Rule {
public:
    const RuleInfo& info() const override { return unpinned_uses_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        Policies policies = read_policies(context.config);
        for_each_uses(context.project, [&](const UsesSite& site) {
            const UsesReference& reference = site.reference;
            if (reference.kind != UsesReference::Kind::Repository) return;
            PinPolicy policy = policies.for_reference(reference);
            if (policy == PinPolicy::Any) return;
            std::string name = reference.action_path();
            std::string message;
            if (!reference.has_ref || reference.ref.empty()) {
                message = "`" + name + "` has no ref at all; pin it to a full commit SHA";
            } else if (policy == PinPolicy::RefPin || is_commit_sha(reference.ref)) {
                return;
            } else if (is_abbreviated_sha(reference.ref)) {
                message = "`" + name + "@" + reference.ref +
                          "` uses an abbreviated SHA, which GitHub resolves like a branch or tag name; "
                          "pin the full 40-character commit SHA";
            } else {
                message = "`" + name + "@" + reference.ref + "` is pinned to `" + reference.ref +
                          "`, a tag or branch that can be moved to other code; pin a full commit SHA";
            }
            Finding finding = finding_at(site.document, site.node, std::move(message));
            finding.help = "uses: " + name + "@<full commit SHA>" +
                           (reference.ref.empty() ? std::string{} : " # " + reference.ref);
            sink.add(std::move(finding));
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_unpinned_uses_rule() { return std::make_unique<UnpinnedUsesRule>(); }

}  // namespace pysec
