#pragma once
// The `repos:` of a .pre-commit-config.yaml.

#include <functional>

#include "model/project.hpp"

namespace pysec {

struct PrecommitRepo {
    const Document& document;
    const Node& entry;  // the `repos[]` item
    const Node& repo;   // its `repo:` value
};

// Every remote repository entry (not `repo: local` or `repo: meta`) of every pre-commit config.
void for_each_remote_precommit_repo(const Project& project, const std::function<void(const PrecommitRepo&)>& visit);

}  // namespace pysec
