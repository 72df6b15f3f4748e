// exclude-newer-invalid: an `exclude-newer` value that uv rejects, silently
// drops, or reads differently from what it says.

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "rules/all_rules.hpp"
#include "rules/uv/exclude_newer_sites.hpp"
#include "rules/uv/setting_text.hpp"

namespace pysec {
namespace {

constexpr RuleInfo exclude_newer_invalid_info{
    .id = "exclude-newer-invalid",
    .title = "exclude-newer value that uv rejects, ignores or misreads",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "uv",
    .what = "Every `exclude-newer` and `exclude-newer-package` value of `[tool.uv]`, uv.toml and their `[pip]` "
            "tables, and UV_EXCLUDE_NEWER in workflow, action and dev-container environments, read as uv reads it "
            "(uv's `ExcludeNewerValue`: an RFC 3339 timestamp with an offset; a date; a duration in jiff's "
            "friendly or ISO 8601 form, such as `7 days`, `1 week`, `24 hours`, `P7D`, `PT24H`, `P1W`).\n"
            "- high: a value uv rejects: months or years (`6 months`, `P1Y`; uv allows only fixed-length units), "
            "text outside that grammar (`one week`, `7 Days`: unit names are lower case), a number or boolean, an "
            "unquoted TOML date-time, `true` in `exclude-newer-package`. In pyproject.toml uv only warns and "
            "ignores every setting of that `[tool.uv]`, so it resolves without any cooldown; in uv.toml and the "
            "environment every uv command fails.\n"
            "- medium: a zero duration (`P0D`, `0 days`): accepted, and no cooldown at all.\n"
            "- low: a bare date (`2026-01-01`): uv reads it as \"before the midnight that ends that day\" in the "
            "machine's time zone, while pip reads the same text as \"before the midnight that starts it\": the "
            "two tools are a day apart, and both move with the time zone (and uv 0.7 rejected dates in settings "
            "files). A date-time without an offset (`2026-01-01T12:00:00`) is read by uv as that date "
            "alone, its time dropped. A negative duration (`-7 days`, `7 days ago`): current uv takes its "
            "absolute value, so write it without the sign.\n"
            "Values hidden behind an expression or a variable are not judged. uv reads durations since 0.9.17; "
            "older releases reject them as above. Cooldowns that are valid but too short are uv-cooldown's.",
    .why = "A cooldown that uv cannot read is no cooldown, and in pyproject.toml uv says so only in a warning "
           "that scrolls past (uv issue #18922): the project believes it waits a week before taking a release "
           "while `uv lock` takes one published a minute ago, the window in which compromised releases such as "
           "`ultralytics` 8.3.41 (December 2024) and `num2words` 0.5.15 (July 2025) were live.",
    .fix = "Write a duration in days or smaller units (`exclude-newer = \"7 days\"` or `\"P7D\"`), or a full RFC "
           "3339 timestamp with an offset (`\"2026-01-02T00:00:00Z\"`).",
    .example = "Before:\n"
               "  [tool.uv]\n"
               "  exclude-newer = \"1 month\"\n"
               "After:\n"
               "  [tool.uv]\n"
               "  exclude-newer = \"30 days\"\n",
};

std::string quoted(const ExcludeNewerSite& site, std::string value) {
    return site.place == ExcludeNewerSite::Place::Environment ? value : "\"" + value + "\"";
}

std::string next_midnight(const CivilDate& date) {
    CivilDate next = civil_from_days(days_from_civil(date) + 1);
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT00:00:00Z", next.year, next.month, next.day);
    return buffer;
}

std::string date_text(const CivilDate& date) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

class ExcludeNewerInvalidRule final : public Rule {
public:
    const RuleInfo& info() const override { return exclude_newer_invalid_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        std::vector<UvSettings> settings = read_uv_settings(context.project);
        for_each_exclude_newer(context.project, settings, [&](const ExcludeNewerSite& site) { check_site(site, sink); });
    }

private:
    void report(const ExcludeNewerSite& site, Severity severity, const std::string& message, const std::string& help,
                FindingSink& sink) const {
        Finding finding = finding_at(site.document, site.value, message);
        finding.severity = severity;
        finding.help = help;
        sink.add(std::move(finding));
    }

    std::string help_for(const ExcludeNewerSite& site, const std::string& value) const {
        std::string name = site.key ? site.key->value : "exclude-newer";
        if (site.place == ExcludeNewerSite::Place::Environment) return name + ": " + value;
        return name + " = " + quoted(site, value);
    }

    void check_site(const ExcludeNewerSite& site, FindingSink& sink) const {
        const ExcludeNewerReading& reading = site.reading;
        std::string written = "`" + setting_text(site.document, site.key, site.value) + "`";
        using Kind = ExcludeNewerReading::Kind;
        switch (reading.kind) {
            case Kind::Rejected: {
                std::string help = help_for(site, "7 days");
                if (auto parsed = parse_duration_span(site.value.value); parsed.span && parsed.span->has_calendar_units()) {
                    long long days = parsed.span->years != 0
                                         ? static_cast<long long>(std::ceil(parsed.span->years + parsed.span->months / 12.0)) * 365
                                         : parsed.span->months * 30 + parsed.span->weeks * 7 + parsed.span->days;
                    help = help_for(site, std::to_string(std::llabs(days)) + " days");
                }
                report(site, Severity::High, written + " is " + reading.error + ": " + consequence_of_rejection(site.place),
                       help, sink);
                return;
            }
            case Kind::LocalDate: {
                std::string date = date_text(reading.date);
                std::string message =
                    reading.time_dropped
                        ? written + " has no UTC offset: uv drops the time and reads the date alone, as before the "
                                    "end of " + date + " in the machine's time zone"
                        : written + " is a bare date: uv reads it as before the end of " + date +
                              " and pip as before its start, both in the machine's time zone";
                report(site, Severity::Low, message, help_for(site, next_midnight(reading.date)), sink);
                return;
            }
            case Kind::Duration:
                if (reading.duration_seconds() == 0) {
                    report(site, Severity::Medium,
                           written + " is a zero duration: uv accepts it and takes releases the moment they are "
                                     "published, so there is no cooldown",
                           help_for(site, "7 days"), sink);
                } else if (reading.span.negative) {
                    std::string text = site.value.value;
                    report(site, Severity::Low,
                           written + " is a negative duration: uv takes its absolute value, which the sign hides",
                           help_for(site, unsigned_duration(text)), sink);
                }
                return;
            case Kind::Timestamp:
            case Kind::Disabled: return;
        }
    }

    // `-7 days` -> `7 days`; `7 days ago` -> `7 days`.
    static std::string unsigned_duration(std::string text) {
        if (!text.empty() && (text[0] == '-' || text[0] == '+')) text.erase(0, 1);
        if (text.ends_with(" ago")) text.erase(text.size() - 4);
        while (!text.empty() && text.back() == ' ') text.pop_back();
        return text;
    }
};

}  // namespace

std::unique_ptr<Rule> make_exclude_newer_invalid_rule() { return std::make_unique<ExcludeNewerInvalidRule>(); }

}  // namespace pysec
