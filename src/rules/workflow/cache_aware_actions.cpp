#include "rules/workflow/cache_aware_actions.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "rules/workflow/action_inputs.hpp"

namespace pysec {
namespace {

enum class Toggle {
    NonEmpty,  // on when the input names something (`cache: pip`)
    OptIn,     // a boolean input, on when true
    OptOut,    // a boolean input that turns the cache off when true (`lookup-only`)
};

struct CacheAwareAction {
    std::string_view path;   // owner/repo[/subpath], lower-case
    std::string_view input;
    Toggle toggle;
    bool on_by_default;      // for OptIn: the input's default
    std::string_view cache;  // what it caches, for messages
};

constexpr std::array cache_aware_actions = {
    CacheAwareAction{"actions/cache", "lookup-only", Toggle::OptOut, true, "its cache"},
    CacheAwareAction{"actions/cache/restore", "lookup-only", Toggle::OptOut, true, "its cache"},
    CacheAwareAction{"actions/setup-python", "cache", Toggle::NonEmpty, false, "the package manager's cache"},
    CacheAwareAction{"actions/setup-node", "cache", Toggle::NonEmpty, false, "the package manager's cache"},
    CacheAwareAction{"actions/setup-java", "cache", Toggle::NonEmpty, false, "the build tool's cache"},
    CacheAwareAction{"actions/setup-go", "cache", Toggle::OptIn, true, "the Go module and build cache"},
    CacheAwareAction{"actions/setup-dotnet", "cache", Toggle::OptIn, false, "the NuGet cache"},
    CacheAwareAction{"astral-sh/setup-uv", "enable-cache", Toggle::OptIn, true, "the uv cache"},
    CacheAwareAction{"swatinem/rust-cache", "lookup-only", Toggle::OptOut, true, "the Cargo cache"},
    CacheAwareAction{"pyo3/maturin-action", "sccache", Toggle::OptIn, false, "the sccache compiler cache"},
    CacheAwareAction{"prefix-dev/setup-pixi", "cache", Toggle::OptIn, false, "the pixi environment cache"},
    CacheAwareAction{"ruby/setup-ruby", "bundler-cache", Toggle::OptIn, false, "the Bundler cache"},
    CacheAwareAction{"oven-sh/setup-bun", "no-cache", Toggle::OptOut, true, "the Bun cache"},
    CacheAwareAction{"jdx/mise-action", "cache", Toggle::OptIn, true, "the mise tool cache"},
    CacheAwareAction{"gradle/actions/setup-gradle", "cache-disabled", Toggle::OptOut, true, "the Gradle cache"},
};

const CacheAwareAction* find_action(const WorkflowStep& step) {
    if (!step.uses_reference || step.uses_reference->kind != UsesReference::Kind::Repository) return nullptr;
    std::string path = to_lower(step.uses_reference->action_path());
    auto it = std::find_if(cache_aware_actions.begin(), cache_aware_actions.end(),
                           [&](const CacheAwareAction& action) { return action.path == path; });
    return it == cache_aware_actions.end() ? nullptr : &*it;
}

// setup-uv's `enable-cache: auto` (the default since v5) caches on GitHub-hosted
// runners; since v10 it leaves the cache off for the events where a poisoned
// cache is most dangerous.
bool setup_uv_auto_caches(const std::optional<ActionVersion>& version, const std::vector<std::string>& events) {
    if (version && version->major < 5) return false;  // v1-v4: `enable-cache` defaulted to false
    if (!version || version->major < 10) return true;
    return std::any_of(events.begin(), events.end(), [](const std::string& event) {
        return event != "pull_request_target" && event != "workflow_run" && event != "release";
    });
}

// The cache the action restores when its input is left at the default; `at` is
// what to point at (the `uses:` value, or an explicit `enable-cache: auto`).
std::optional<CacheUse> default_use(const Document& document, const WorkflowStep& step,
                                    const CacheAwareAction& action, const std::vector<std::string>& events,
                                    const Node* at) {
    std::string input(action.input);
    auto version = action_version(document, *step.uses, *step.uses_reference);
    if (action.path == "astral-sh/setup-uv") {
        if (!setup_uv_auto_caches(version, events)) return std::nullopt;
        return CacheUse{at,
                        "restores the uv cache by default (`enable-cache: auto`, on for GitHub-hosted runners "
                        "since setup-uv v5" +
                            std::string(version && version->major >= 10
                                            ? "; v10 turns it off only for pull_request_target, workflow_run "
                                              "and release runs"
                                            : "") +
                            ")",
                        "enable-cache: false"};
    }
    std::string disable = action.toggle == Toggle::OptOut ? input + ": true" : input + ": false";
    if (action.path == "actions/setup-go") {
        if (version && version->major < 4) return std::nullopt;  // v1-v3: `cache` defaulted to false
        return CacheUse{at, "restores " + std::string(action.cache) + " by default (since setup-go v4)",
                        std::move(disable)};
    }
    return CacheUse{at, "restores " + std::string(action.cache) + " by default", std::move(disable)};
}

}  // namespace

std::optional<CacheUse> cache_use(const Document& document, const WorkflowStep& step,
                                  const std::vector<std::string>& events) {
    const CacheAwareAction* action = find_action(step);
    if (!action) return std::nullopt;
    std::string input(action->input);
    const Node* value = step.input_node(input);
    // setup-uv v6 and later can save without restoring: nothing poisoned comes in.
    if (action->path == "astral-sh/setup-uv" && boolean_input(step.input_node("restore-cache")) == false) {
        return std::nullopt;
    }
    switch (action->toggle) {
        case Toggle::NonEmpty: {
            auto text = constant_input(value);
            if (!text || trim(*text).empty()) return std::nullopt;
            return CacheUse{value, "`" + input + ": " + std::string(trim(*text)) + "` restores " +
                                       std::string(action->cache),
                            "remove `" + input + ":`"};
        }
        case Toggle::OptOut: {
            if (!value) return default_use(document, step, *action, events, step.uses);
            auto off = boolean_input(value);
            if (!off || *off) return std::nullopt;
            return CacheUse{value, "`" + input + ": false` restores " + std::string(action->cache), input + ": true"};
        }
        case Toggle::OptIn: {
            if (!value) {
                if (!action->on_by_default) return std::nullopt;
                return default_use(document, step, *action, events, step.uses);
            }
            auto on = boolean_input(value);
            if (!on && action->path == "astral-sh/setup-uv" && constant_input(value) == "auto") {
                return default_use(document, step, *action, events, value);
            }
            if (!on || !*on) return std::nullopt;
            return CacheUse{value, "`" + input + ": true` restores " + std::string(action->cache), input + ": false"};
        }
    }
    return std::nullopt;
}

}  // namespace pysec
