#include "model/pylock.hpp"

#include "model/lock_timestamps.hpp"
#include "python/package_name.hpp"

namespace pysec {
namespace {

LockArtifact read_artifact(const Node& table, ArtifactKind kind) {
    LockArtifact artifact = read_common_artifact_fields(table, kind, "name");
    if (const Node* hashes = table.get("hashes"); hashes && hashes->is_mapping()) {
        for (const Node::Entry& entry : hashes->entries) {
            if (auto value = entry.value->text(); value && !value->empty()) {
                artifact.hashes.emplace_back(entry.key->value, std::string(*value));
            }
        }
    }
    return artifact;
}

std::optional<LockArtifact> read_optional_artifact(const Node& package, std::string_view key, ArtifactKind kind) {
    const Node* table = package.get(key);
    if (!table || !table->is_mapping()) return std::nullopt;
    return read_artifact(*table, kind);
}

PylockPackage read_package(const Node& table) {
    PylockPackage package;
    package.node = &table;
    if (auto name = table.text("name")) {
        package.name = std::string(*name);
        package.canonical_name = python::canonicalize_name(*name);
    }
    if (auto version = table.text("version")) package.version = std::string(*version);
    package.index_node = table.get("index");
    if (auto index = table.text("index")) package.index = std::string(*index);
    if (const Node* vcs = table.get("vcs"); vcs && vcs->is_mapping()) package.vcs = vcs;
    if (const Node* directory = table.get("directory"); directory && directory->is_mapping()) {
        package.directory = directory;
    }
    package.archive = read_optional_artifact(table, "archive", ArtifactKind::Archive);
    package.sdist = read_optional_artifact(table, "sdist", ArtifactKind::Sdist);
    if (const Node* wheels = table.get("wheels"); wheels && wheels->is_sequence()) {
        for (const Node* wheel : wheels->items) {
            if (wheel->is_mapping()) package.wheels.push_back(read_artifact(*wheel, ArtifactKind::Wheel));
        }
    }
    return package;
}

}  // namespace

bool PylockPackage::from_registry() const {
    if (!index.empty()) return true;
    if (sdist && !sdist->url.empty()) return true;
    for (const LockArtifact& wheel : wheels) {
        if (!wheel.url.empty()) return true;
    }
    return false;
}

std::vector<const LockArtifact*> PylockPackage::artifacts() const {
    std::vector<const LockArtifact*> result;
    if (archive) result.push_back(&*archive);
    if (sdist) result.push_back(&*sdist);
    for (const LockArtifact& wheel : wheels) result.push_back(&wheel);
    return result;
}

std::optional<Pylock> read_pylock(const Document& document) {
    const Node* root = document.root();
    if (!root || !root->is_mapping()) return std::nullopt;
    Pylock lock;
    lock.document = &document;
    if (auto version = root->text("lock-version")) lock.lock_version = std::string(*version);
    if (auto creator = root->text("created-by")) lock.created_by = std::string(*creator);
    if (const Node* packages = root->get("packages"); packages && packages->is_sequence()) {
        for (const Node* table : packages->items) {
            if (table->is_mapping()) lock.packages.push_back(read_package(*table));
        }
    }
    return lock;
}

}  // namespace pysec
