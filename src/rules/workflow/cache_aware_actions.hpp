#pragma once
// Actions that restore a cache, and the inputs that turn it on or off: the
// table behind cache-poisoning.  Each entry says how the action's own
// documentation defines its default, including defaults that changed between
// major versions (setup-go caches since v4, setup-uv since v5).

#include <optional>
#include <string>
#include <vector>

#include "model/workflow.hpp"

namespace pysec {

struct CacheUse {
    const Node* node = nullptr;  // the input that turns the cache on, or the `uses:` value for a default
    std::string what;            // "`cache: pip` restores pip's download cache"
    std::string disable;         // the input that turns it off: "enable-cache: false"
};

// Whether `step` restores a cache in a run for one of `events` (the events of
// the runs that matter: setup-uv v10 and later leave its cache off for
// `pull_request_target`, `workflow_run` and `release` runs).  Nullopt when it
// does not, or when an expression decides and pysec cannot tell.
std::optional<CacheUse> cache_use(const Document& document, const WorkflowStep& step,
                                  const std::vector<std::string>& events);

}  // namespace pysec
