#pragma once
// The names Dependabot accepts in .github/dependabot.yml, from its JSON
// schema (SchemaStore's dependabot-2.0.json, in ../shared/schemas).

#include <string_view>

namespace pysec {

bool is_dependabot_top_level_key(std::string_view key);
bool is_dependabot_update_key(std::string_view key);
bool is_dependabot_cooldown_key(std::string_view key);
bool is_dependabot_ecosystem(std::string_view ecosystem);
bool is_dependabot_schedule_interval(std::string_view interval);
bool is_dependabot_schedule_day(std::string_view day);

}  // namespace pysec
