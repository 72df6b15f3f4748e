#include "rules/uv/cooldown_minimum.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>

#include "rules/rule.hpp"

namespace pysec {

long long cooldown_minimum_days(const Node* config, std::string_view rule_id) {
    std::string id(rule_id);
    if (!config) return 7;
    if (!config->is_mapping()) throw RuleConfigError(id + ": `config` must be a mapping");
    for (const auto& entry : config->entries) {
        if (entry.key->value != "days") {
            throw RuleConfigError(id + ": unknown config key '" + entry.key->value + "' (expected `days`)");
        }
    }
    const Node* days = config->get("days");
    if (!days) return 7;
    auto value = days->as_int();
    if (!value || *value < 0 || *value > 365) throw RuleConfigError(id + ": `days` must be an integer between 0 and 365");
    return *value;
}

std::int64_t current_epoch_seconds() {
    return std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch()).count();
}

std::optional<double> cutoff_epoch_seconds(const ExcludeNewerReading& reading, std::int64_t now) {
    using Kind = ExcludeNewerReading::Kind;
    switch (reading.kind) {
        case Kind::Timestamp: return static_cast<double>(reading.epoch_seconds);
        case Kind::LocalDate: return static_cast<double>((days_from_civil(reading.date) + 1) * 86400);
        case Kind::Duration: return static_cast<double>(now) - reading.duration_seconds();
        default: return std::nullopt;
    }
}

std::string describe_seconds(double seconds) {
    seconds = std::fabs(seconds);
    auto plural = [](long long count, const char* unit) {
        return std::to_string(count) + " " + unit + (count == 1 ? "" : "s");
    };
    if (seconds >= 86400) {
        double days = seconds / 86400;
        if (std::fabs(days - std::round(days)) < 1e-9) return plural(static_cast<long long>(std::round(days)), "day");
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%.1f days", days);
        return buffer;
    }
    if (seconds >= 3600) return plural(static_cast<long long>(seconds / 3600), "hour");
    if (seconds >= 60) return plural(static_cast<long long>(seconds / 60), "minute");
    return plural(static_cast<long long>(seconds), "second");
}

}  // namespace pysec
