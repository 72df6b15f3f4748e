#include "model/lock_artifact.hpp"

#include "model/lock_timestamps.hpp"

namespace pysec {
namespace {

// A URL without `user:password@`: messages never show credentials.
std::string without_userinfo(std::string_view url) {
    std::string text(url);
    auto scheme = text.find("://");
    if (scheme == std::string::npos) return text;
    std::size_t host = scheme + 3;
    std::size_t end = text.find_first_of("/?#", host);
    std::size_t at = text.rfind('@', end == std::string::npos ? text.size() : end);
    if (at != std::string::npos && at >= host) text.erase(host, at + 1 - host);
    return text;
}

}  // namespace

std::string LockArtifact::display_name() const {
    if (!filename.empty()) return filename;
    if (!url.empty()) return without_userinfo(url);
    if (!path.empty()) return path;
    return std::string(to_string(kind));
}

std::string_view to_string(ArtifactKind kind) {
    switch (kind) {
        case ArtifactKind::Sdist: return "sdist";
        case ArtifactKind::Wheel: return "wheel";
        case ArtifactKind::Archive: return "archive";
    }
    return "artifact";
}

std::string file_name_of(std::string_view location) {
    std::size_t cut = location.find_first_of("?#");
    if (cut != std::string_view::npos) location = location.substr(0, cut);
    // A URL without a path names no file (and its last component would be the host, credentials included).
    if (auto scheme = location.find("://"); scheme != std::string_view::npos) {
        std::size_t slash = location.find('/', scheme + 3);
        if (slash == std::string_view::npos || slash + 1 >= location.size()) return {};
    }
    while (!location.empty() && location.back() == '/') location.remove_suffix(1);
    std::size_t slash = location.find_last_of("/\\");
    return std::string(slash == std::string_view::npos ? location : location.substr(slash + 1));
}

LockArtifact read_common_artifact_fields(const Node& table, ArtifactKind kind, std::string_view name_key) {
    LockArtifact artifact;
    artifact.kind = kind;
    artifact.node = &table;
    if (auto url = table.text("url")) artifact.url = std::string(*url);
    if (auto path = table.text("path")) artifact.path = std::string(*path);
    if (auto name = table.text(name_key)) {
        artifact.filename = std::string(*name);
    } else {
        artifact.filename = file_name_of(!artifact.url.empty() ? artifact.url : artifact.path);
    }
    // pylock.toml writes a TOML date-time, uv.lock a string; both read the same way.
    if (const Node* upload = table.get("upload-time"); upload && upload->is_scalar()) {
        artifact.upload_time_node = upload;
        artifact.upload_time = parse_rfc3339_timestamp(upload->value);
    }
    return artifact;
}

}  // namespace pysec
