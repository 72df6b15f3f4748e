#pragma once
// The cooldown rules' shared reading of a cutoff: how many days of cooldown
// an `exclude-newer` value gives today, and the `days` option.

#include <cstdint>
#include <optional>
#include <string>

#include "model/exclude_newer.hpp"
#include "parse/node.hpp"

namespace pysec {

// `rules.<id>.config.days` (default 7); throws RuleConfigError for a bad value.
long long cooldown_minimum_days(const Node* config, std::string_view rule_id);

std::int64_t current_epoch_seconds();

// The cutoff as seconds since the epoch (a duration counts back from `now`;
// a local date is read at UTC, as on GitHub's runners); nullopt for values
// that have none (disabled, rejected).
std::optional<double> cutoff_epoch_seconds(const ExcludeNewerReading& reading, std::int64_t now);

// "3 days", "1 day", "12 hours".
std::string describe_seconds(double seconds);

}  // namespace pysec
