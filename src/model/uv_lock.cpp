#include "model/uv_lock.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/text.hpp"
#include "model/lock_timestamps.hpp"
#include "python/package_name.hpp"

namespace pysec {
namespace {

constexpr std::array source_keys = {
    std::pair{"registry", UvSourceKind::Registry},   std::pair{"git", UvSourceKind::Git},
    std::pair{"url", UvSourceKind::Url},             std::pair{"path", UvSourceKind::Path},
    std::pair{"directory", UvSourceKind::Directory}, std::pair{"editable", UvSourceKind::Editable},
    std::pair{"virtual", UvSourceKind::Virtual},
};

// The early string form: "registry+https://pypi.org/simple", "direct+https://...".
constexpr std::array source_prefixes = {
    std::pair{"registry+", UvSourceKind::Registry},   std::pair{"git+", UvSourceKind::Git},
    std::pair{"direct+", UvSourceKind::Url},          std::pair{"path+", UvSourceKind::Path},
    std::pair{"directory+", UvSourceKind::Directory}, std::pair{"editable+", UvSourceKind::Editable},
    std::pair{"virtual+", UvSourceKind::Virtual},
};

void read_source(const Node* source, UvLockPackage& package) {
    package.source_node = source;
    if (!source) return;
    if (source->is_mapping()) {
        for (const auto& [key, kind] : source_keys) {
            if (auto value = source->text(key)) {
                package.source_kind = kind;
                package.source = std::string(*value);
                return;
            }
        }
    } else if (auto text = source->text()) {
        for (const auto& [prefix, kind] : source_prefixes) {
            if (text->starts_with(prefix)) {
                package.source_kind = kind;
                package.source = std::string(text->substr(std::string_view(prefix).size()));
                return;
            }
        }
    }
}

LockArtifact read_artifact(const Node& table, ArtifactKind kind) {
    LockArtifact artifact = read_common_artifact_fields(table, kind, "filename");
    if (auto hash = table.text("hash"); hash && !hash->empty()) {
        auto colon = hash->find(':');
        if (colon == std::string_view::npos) {
            artifact.hashes.emplace_back("", std::string(*hash));
        } else {
            artifact.hashes.emplace_back(std::string(hash->substr(0, colon)), std::string(hash->substr(colon + 1)));
        }
    }
    return artifact;
}

UvLockPackage read_package(const Node& table) {
    UvLockPackage package;
    package.node = &table;
    if (auto name = table.text("name")) {
        package.name = std::string(*name);
        package.canonical_name = python::canonicalize_name(*name);
    }
    if (auto version = table.text("version")) package.version = std::string(*version);
    read_source(table.get("source"), package);
    if (const Node* sdist = table.get("sdist"); sdist && sdist->is_mapping()) {
        package.sdist = read_artifact(*sdist, ArtifactKind::Sdist);
    }
    if (const Node* wheels = table.get("wheels"); wheels && wheels->is_sequence()) {
        for (const Node* wheel : wheels->items) {
            if (wheel->is_mapping()) package.wheels.push_back(read_artifact(*wheel, ArtifactKind::Wheel));
        }
    }
    return package;
}

void read_options(const Node& root, UvLockOptions& options) {
    const Node* table = root.get("options");
    options.node = table && table->is_mapping() ? table : nullptr;
    // Locks of early uv releases kept `exclude-newer` at the top level.
    const Node* holder = options.node ? options.node : &root;
    options.exclude_newer = holder->get("exclude-newer");
    options.exclude_newer_span = holder->get("exclude-newer-span");
    options.exclude_newer_package = holder->get("exclude-newer-package");
    if (options.exclude_newer_package && options.exclude_newer_package->is_mapping()) {
        for (const Node::Entry& entry : options.exclude_newer_package->entries) {
            options.exempted_packages.push_back(python::canonicalize_name(entry.key->value));
        }
    }
}

}  // namespace

std::string_view to_string(UvSourceKind kind) {
    for (const auto& [key, value] : source_keys) {
        if (value == kind) return key;
    }
    return "unknown";
}

std::vector<const LockArtifact*> UvLockPackage::artifacts() const {
    std::vector<const LockArtifact*> result;
    if (sdist) result.push_back(&*sdist);
    for (const LockArtifact& wheel : wheels) result.push_back(&wheel);
    return result;
}

bool UvLock::exempts(std::string_view canonical_name) const {
    return std::find(options.exempted_packages.begin(), options.exempted_packages.end(), canonical_name) !=
           options.exempted_packages.end();
}

std::optional<UvLock> read_uv_lock(const Document& document) {
    const Node* root = document.root();
    if (!root || !root->is_mapping()) return std::nullopt;
    UvLock lock;
    lock.document = &document;
    lock.version_node = root->get("version");
    if (lock.version_node) lock.version = lock.version_node->as_int();
    lock.revision_node = root->get("revision");
    if (lock.revision_node) lock.revision = lock.revision_node->as_int();
    read_options(*root, lock.options);
    const Node* packages = root->get("package");
    if (!packages) {
        packages = root->get("distribution");
        lock.distribution_alias = packages != nullptr;
    }
    if (packages && packages->is_sequence()) {
        for (const Node* table : packages->items) {
            if (table->is_mapping()) lock.packages.push_back(read_package(*table));
        }
    }
    return lock;
}

std::string normalize_index_url(std::string_view url) {
    std::string text(trim(url));
    auto scheme_end = text.find("://");
    if (scheme_end != std::string::npos) {
        std::size_t host_begin = scheme_end + 3;
        std::size_t host_end = text.find('/', host_begin);
        if (host_end == std::string::npos) host_end = text.size();
        // Credentials never belong in a comparison or a message.
        std::size_t at = text.rfind('@', host_end);
        if (at != std::string::npos && at >= host_begin) {
            text.erase(host_begin, at + 1 - host_begin);
            host_end -= at + 1 - host_begin;
        }
        std::string lowered = to_lower(std::string_view(text).substr(0, host_end));
        text.replace(0, host_end, lowered);
    }
    while (text.size() > 1 && text.back() == '/') text.pop_back();
    return text;
}

bool is_pypi_index(std::string_view url) {
    std::string normalized = normalize_index_url(url);
    for (std::string_view host : {"https://pypi.org/", "https://pypi.python.org/", "https://www.pypi.org/"}) {
        if (normalized.starts_with(host)) {
            std::string_view rest = std::string_view(normalized).substr(host.size());
            return rest == "simple" || rest == "pypi" || rest.starts_with("simple/") || rest.starts_with("pypi/");
        }
    }
    return false;
}

}  // namespace pysec
