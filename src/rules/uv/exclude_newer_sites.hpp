#pragma once
// Every `exclude-newer` value uv reads from the repository: `exclude-newer`
// and each `exclude-newer-package` entry of `[tool.uv]`, uv.toml and their
// `[pip]` tables, and UV_EXCLUDE_NEWER in workflows, actions and dev
// containers.  Settings that uv ignores (a `[tool.uv]` next to a uv.toml)
// are left out.

#include <functional>
#include <string>

#include "model/exclude_newer.hpp"
#include "model/uv_settings.hpp"

namespace pysec {

struct ExcludeNewerSite {
    enum class Place { Pyproject, UvToml, Environment };
    const Document& document;
    const Node& value;
    const Node* key = nullptr;
    Place place = Place::Pyproject;
    std::string setting;       // `exclude-newer`, `exclude-newer-package` entry `tqdm`, `UV_EXCLUDE_NEWER`
    std::string package;       // for exclude-newer-package entries
    bool in_ci = false;        // environment of a workflow or action (not a dev container)
    const UvSettings* settings = nullptr;
    bool pip_table = false;    // under `[pip]`
    ExcludeNewerReading reading;
};

void for_each_exclude_newer(const Project& project, const std::vector<UvSettings>& settings,
                            const std::function<void(const ExcludeNewerSite&)>& visit);

// What uv does with a value it cannot read in this place.
std::string consequence_of_rejection(ExcludeNewerSite::Place place);

}  // namespace pysec
