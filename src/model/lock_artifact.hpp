#pragma once
// One file a lock pins: an sdist, a wheel or an archive, with what the lock
// says to verify it (hashes) and when the index published it (upload-time).
// Shared by the uv.lock and pylock.toml views.

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "parse/node.hpp"

namespace pysec {

enum class ArtifactKind { Sdist, Wheel, Archive };

struct LockArtifact {
    ArtifactKind kind = ArtifactKind::Wheel;
    const Node* node = nullptr;  // the artifact's table (inline or not)
    std::string url;             // empty when the artifact is a local `path` or only has a hash
    std::string path;
    std::string filename;        // the last component of the URL or path, or pylock's `name`
    // (algorithm, hex digest) pairs; uv.lock has at most one ("sha256:..."), pylock a table.
    std::vector<std::pair<std::string, std::string>> hashes;
    std::optional<std::int64_t> upload_time;  // seconds since the epoch, when readable
    const Node* upload_time_node = nullptr;   // set when the key is present, readable or not

    // What to call it in a message: the file name, else the URL or path.
    std::string display_name() const;
};

std::string_view to_string(ArtifactKind kind);

// The fields uv.lock and pylock.toml write alike: url, path, upload-time, and
// the file name from `name_key` (uv: "filename", pylock: "name") or the location.
// Hashes differ between the formats and are read by each view.
LockArtifact read_common_artifact_fields(const Node& table, ArtifactKind kind, std::string_view name_key);

// The last `/`-separated component of a URL or path, without query or fragment.
std::string file_name_of(std::string_view location);

}  // namespace pysec
