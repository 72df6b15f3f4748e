#pragma once
// A typed, read-only view of uv.lock in all its revisions: `version = 1` with
// or without `revision` (upload times appear with revision 2), the early
// `[[distribution]]` spelling of `[[package]]`, every `source` kind both as a
// table (`{ registry = "..." }`) and in the early string form
// (`"registry+https://..."`), `sdist` and `wheels` with `hash`, `size` and
// `upload-time`, and the resolver `[options]` (`exclude-newer`,
// `exclude-newer-span`, `exclude-newer-package`).  Every part keeps its node
// so that findings point at the `[[package]]` table or the artifact.

#include <optional>
#include <string>
#include <vector>

#include "model/lock_artifact.hpp"
#include "parse/document.hpp"

namespace pysec {

enum class UvSourceKind { Registry, Git, Url, Path, Directory, Editable, Virtual, Unknown };

std::string_view to_string(UvSourceKind kind);

struct UvLockPackage {
    const Node* node = nullptr;  // the `[[package]]` table
    std::string name;            // as written
    std::string canonical_name;  // PEP 503
    std::string version;         // empty for packages without one (virtual, dynamic)
    UvSourceKind source_kind = UvSourceKind::Unknown;
    std::string source;          // the registry URL or path, git URL, URL, or path, as written
    const Node* source_node = nullptr;
    std::optional<LockArtifact> sdist;
    std::vector<LockArtifact> wheels;

    // Comes from an index (by URL or a local flat index): its artifacts are
    // what the index served.
    bool from_registry() const { return source_kind == UvSourceKind::Registry; }
    // Every artifact, the sdist first.
    std::vector<const LockArtifact*> artifacts() const;
};

struct UvLockOptions {
    const Node* node = nullptr;  // `[options]`
    const Node* exclude_newer = nullptr;
    const Node* exclude_newer_span = nullptr;
    const Node* exclude_newer_package = nullptr;  // a table: package -> date, span or false
    // Canonical names of the packages `exclude-newer-package` lists.
    std::vector<std::string> exempted_packages;
};

struct UvLock {
    const Document* document = nullptr;
    const Node* version_node = nullptr;
    std::optional<long long> version;
    const Node* revision_node = nullptr;
    std::optional<long long> revision;  // absent in locks written before uv added it
    bool distribution_alias = false;    // the packages are `[[distribution]]` tables
    UvLockOptions options;
    std::vector<UvLockPackage> packages;

    // `revision` as uv reads it: 0 when absent.
    long long effective_revision() const { return revision.value_or(0); }
    bool exempts(std::string_view canonical_name) const;
};

// Nullopt when the document is not a TOML table at all.
std::optional<UvLock> read_uv_lock(const Document& document);

// "https://pypi.org/simple/" and "https://PyPI.org/simple" name the same index.
std::string normalize_index_url(std::string_view url);
// The public PyPI (pypi.org, and its old name pypi.python.org) simple or JSON API.
bool is_pypi_index(std::string_view url);

}  // namespace pysec
