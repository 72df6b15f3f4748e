#pragma once
// Which requirement files CI installs: `pip install -r f` (also `python -m
// pip`, `pip3`, behind `sudo`/`env`/`uv run`), `uv pip install -r f`,
// `uv pip sync f` and pip-tools' `pip-sync f`, in any workflow or composite
// action, resolved against the step's directory; and, through `-r`, the files
// those include (pip installs them too; `-c` files only constrain).

#include <map>
#include <string>

#include "core/location.hpp"
#include "model/project.hpp"

namespace pysec {

// Repository path of each installed requirement file -> the first command that
// installs it (or the file that includes it).
std::map<std::string, Location> requirement_files_installed_in_ci(const Project& project);

}  // namespace pysec
