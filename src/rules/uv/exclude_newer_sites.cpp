#include "rules/uv/exclude_newer_sites.hpp"

#include "rules/uv/environment_variables.hpp"

namespace pysec {
namespace {

void visit_table(const UvSettings& settings, const UvSettingsTable& table, bool pip,
                 const std::function<void(const ExcludeNewerSite&)>& visit) {
    if (!table.table) return;
    auto place = settings.is_uv_toml() ? ExcludeNewerSite::Place::UvToml : ExcludeNewerSite::Place::Pyproject;
    std::string prefix = pip ? "pip." : "";
    if (const Node::Entry* entry = table.table->find("exclude-newer")) {
        ExcludeNewerSite site{*settings.document, *entry->value, entry->key, place, prefix + "exclude-newer", {},
                              false, &settings, pip, read_exclude_newer(*entry->value, false)};
        visit(site);
    }
    const Node::Entry* packages = table.table->find("exclude-newer-package");
    if (!packages) return;
    if (!packages->value->is_mapping()) {
        ExcludeNewerSite site{*settings.document, *packages->value, packages->key, place,
                              prefix + "exclude-newer-package", {}, false, &settings, pip, {}};
        site.reading.error = "not a table of package names to cutoffs";
        visit(site);
        return;
    }
    for (const Node::Entry& entry : packages->value->entries) {
        ExcludeNewerSite site{*settings.document, *entry.value, entry.key, place,
                              prefix + "exclude-newer-package` entry `" + entry.key->value, entry.key->value,
                              false, &settings, pip, read_exclude_newer(*entry.value, true)};
        visit(site);
    }
}

}  // namespace

void for_each_exclude_newer(const Project& project, const std::vector<UvSettings>& settings,
                            const std::function<void(const ExcludeNewerSite&)>& visit) {
    for (const UvSettings& file : settings) {
        if (file.shadowed) continue;
        visit_table(file, file.top, false, visit);
        visit_table(file, file.pip, true, visit);
    }
    for_each_environment_variable(project, [&](const EnvironmentVariable& variable) {
        if (variable.key.value != "UV_EXCLUDE_NEWER") return;
        auto text = literal_environment_value(variable.value);
        if (!text) return;
        ExcludeNewerSite site{variable.document, variable.value, &variable.key, ExcludeNewerSite::Place::Environment,
                              "UV_EXCLUDE_NEWER", {}, variable.in_ci, nullptr, false, read_exclude_newer(*text)};
        visit(site);
    });
}

std::string consequence_of_rejection(ExcludeNewerSite::Place place) {
    switch (place) {
        case ExcludeNewerSite::Place::Pyproject:
            return "uv only warns (\"Failed to parse pyproject.toml during settings discovery\") and ignores every "
                   "setting of this `[tool.uv]`, so it resolves without a cooldown";
        case ExcludeNewerSite::Place::UvToml: return "every uv command that reads this uv.toml fails";
        case ExcludeNewerSite::Place::Environment: return "every uv command that sees it fails with `invalid value`";
    }
    return {};
}

}  // namespace pysec
