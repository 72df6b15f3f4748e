#pragma once
// A typed, read-only view of a PEP 751 lock file (`pylock.toml`,
// `pylock.<name>.toml`): `[[packages]]` with their `index`, and the ways a
// package can be installed: `vcs`, `directory`, `archive`, `sdist` and
// `wheels`, the last three with `hashes` and `upload-time`.

#include <optional>
#include <string>
#include <vector>

#include "model/lock_artifact.hpp"
#include "parse/document.hpp"

namespace pysec {

struct PylockPackage {
    const Node* node = nullptr;  // the `[[packages]]` table
    std::string name;
    std::string canonical_name;
    std::string version;
    std::string index;              // `index`: the registry it was locked from, when recorded
    const Node* index_node = nullptr;
    const Node* vcs = nullptr;       // `[packages.vcs]`
    const Node* directory = nullptr; // `[packages.directory]`
    std::optional<LockArtifact> archive;
    std::optional<LockArtifact> sdist;
    std::vector<LockArtifact> wheels;

    // Locked from an index: an `index` key, or an sdist or wheel fetched by URL
    // rather than from a local path.
    bool from_registry() const;
    std::vector<const LockArtifact*> artifacts() const;
};

struct Pylock {
    const Document* document = nullptr;
    std::string lock_version;
    std::string created_by;
    std::vector<PylockPackage> packages;
};

std::optional<Pylock> read_pylock(const Document& document);

}  // namespace pysec
