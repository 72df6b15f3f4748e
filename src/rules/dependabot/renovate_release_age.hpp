#pragma once
// The `minimumReleaseAge` Renovate applies to PyPI packages and to GitHub
// Actions, read from a Renovate config object: the top-level value (or the
// legacy `stabilityDays`), the manager objects (`github-actions`, `pep621`,
// `pip_requirements`, ..., `python`), then every `packageRules` entry that
// covers the whole target, in order, later ones winning, as Renovate merges
// them.
//
// A packageRules entry covers a target when each of its `matchDatasources`
// (pypi; github-tags), `matchManagers` (the Python managers; github-actions)
// and `matchCategories` (python; ci) accepts it, and it narrows nothing else:
// `matchPackageNames`/`matchDepNames` only `*`, `matchUpdateTypes` with at
// least major, minor and patch, and no other `match*`/`exclude*` key.
// Entries that cover only some packages are ignored.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "parse/node.hpp"

namespace pysec {

enum class RenovateTarget { Pypi, GithubActions };

// "PyPI packages", "GitHub Actions".
std::string_view describe(RenovateTarget target);

struct ReleaseAgeSetting {
    enum class State { Unset, Set, Unreadable };
    State state = State::Unset;
    double days = 0;               // when Set
    const Node* value = nullptr;   // the value that decided it (null: nothing sets it)
};

ReleaseAgeSetting effective_release_age(const Node& config, RenovateTarget target);

// False when `enabledManagers` leaves the target's managers out, or the
// manager object says `enabled: false`.
bool renovate_updates(const Node& config, RenovateTarget target);

// `extends` presets whose content pysec cannot see: anything that is not one
// of Renovate's built-in presets (`github>org/repo`, `local>...`, npm presets).
std::vector<const Node*> external_presets(const Node& config);

// The built-in presets that set `minimumReleaseAge` (for other datasources
// than these targets): e.g. `config:best-practices` sets 3 days for npm only.
// Nullopt for presets that set none.
std::optional<std::string> builtin_preset_release_age(std::string_view preset);

}  // namespace pysec
