// cooldown-exemptions: `exclude-newer-package` entries that let packages
// skip (or shorten) the project's cooldown.

#include "rules/all_rules.hpp"
#include "rules/uv/cooldown_minimum.hpp"
#include "rules/uv/exclude_newer_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo cooldown_exemptions_info{
    .id = "cooldown-exemptions",
    .title = "packages exempted from the exclude-newer cooldown",
    .severity = Severity::Informational,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "uv",
    .what = "An `exclude-newer-package` table (in `[tool.uv]`, uv.toml, or their `[pip]` tables) with entries that "
            "give a package less cooldown than the table's own `exclude-newer`: `false` (no cutoff at all), a "
            "shorter duration, or a timestamp or date later than the global cutoff (compared today, a duration "
            "counting back from now). One finding per table lists those packages; each entry is a related "
            "location. Entries that lengthen the cooldown are not listed; invalid entries are "
            "exclude-newer-invalid's. Without a valid global `exclude-newer` there is nothing to shorten, and "
            "nothing is reported.",
    .why = "An exemption is sometimes right (your own packages, a security fix you need today), and it is also "
           "the hole a compromised release of exactly that package walks through. Listing the exemptions keeps "
           "them visible in reviews, so that temporary ones are removed when their reason is gone.",
    .fix = "Remove exemptions that are no longer needed; prefer a short duration or a fixed timestamp for one "
           "release to `false`, and pin the version you exempted the package for.",
    .example = "Before:\n"
               "  [tool.uv]\n"
               "  exclude-newer = \"7 days\"\n"
               "  exclude-newer-package = { urllib3 = false }\n"
               "After:\n"
               "  [tool.uv]\n"
               "  exclude-newer = \"7 days\"\n"
               "  # urllib3 2.6.1 fixes CVE-...; remove after 2026-02-01\n"
               "  exclude-newer-package = { urllib3 = \"2026-01-20T00:00:00Z\" }\n",
};

class CooldownExemptionsRule final : public Rule {
public:
    const RuleInfo& info() const override { return cooldown_exemptions_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        std::int64_t now = current_epoch_seconds();
        for (const UvSettings& settings : read_uv_settings(context.project)) {
            if (settings.shadowed) continue;
            check_table(settings, settings.top, nullptr, now, sink);
            check_table(settings, settings.pip, &settings.top, now, sink);
        }
    }

private:
    void check_table(const UvSettings& settings, const UvSettingsTable& table, const UvSettingsTable* fallback,
                     std::int64_t now, FindingSink& sink) const {
        if (!table.table) return;
        const Node::Entry* packages = table.table->find("exclude-newer-package");
        if (!packages || !packages->value->is_mapping()) return;
        const Node* global = table.exclude_newer ? table.exclude_newer : fallback ? fallback->exclude_newer : nullptr;
        if (!global) return;
        ExcludeNewerReading global_reading = read_exclude_newer(*global, false);
        auto global_cutoff = cutoff_epoch_seconds(global_reading, now);
        if (!global_cutoff) return;
        std::vector<std::string> listed;
        std::vector<Location> related;
        for (const Node::Entry& entry : packages->value->entries) {
            ExcludeNewerReading reading = read_exclude_newer(*entry.value, true);
            std::string why;
            if (reading.kind == ExcludeNewerReading::Kind::Disabled) {
                why = "no cutoff";
            } else if (auto cutoff = cutoff_epoch_seconds(reading, now); cutoff && *cutoff > *global_cutoff) {
                why = reading.kind == ExcludeNewerReading::Kind::Duration
                          ? describe_seconds(reading.duration_seconds()) + " instead"
                          : "a later cutoff";
            } else {
                continue;
            }
            listed.push_back("`" + entry.key->value + "` (" + why + ")");
            related.push_back(settings.document->location(*entry.key, "exempted: " + why));
        }
        if (listed.empty()) return;
        std::string names;
        for (std::size_t i = 0; i < listed.size(); ++i) names += (i == 0 ? "" : ", ") + listed[i];
        std::string message = "`exclude-newer-package` gives " + std::to_string(listed.size()) +
                              (listed.size() == 1 ? " package" : " packages") + " less cooldown than `exclude-newer`: " +
                              names;
        Finding finding = finding_at(*settings.document, *packages->key, message);
        if (related.size() > 1) finding.related = std::move(related);
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_cooldown_exemptions_rule() { return std::make_unique<CooldownExemptionsRule>(); }

}  // namespace pysec
