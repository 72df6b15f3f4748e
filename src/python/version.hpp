#pragma once
// A PEP 440 version, parsed, normalized and ordered exactly as packaging's
// `Version`: "1.0-ALPHA" is "1.0a0", "1.0.dev0" < "1.0a0" < "1.0" < "1.0.post0",
// and "1.0" == "1.0.0".

#include <compare>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "python/syntax_error.hpp"
#include "python/version_number.hpp"

namespace pysec::python {

class Version {
public:
    // The pre-release letters after normalization: "a", "b" and "rc" (which
    // also stands for "c", "pre" and "preview").
    enum class PreReleaseKind { alpha, beta, release_candidate };

    struct PreRelease {
        PreReleaseKind kind = PreReleaseKind::alpha;
        VersionNumber number;
        friend bool operator==(const PreRelease&, const PreRelease&) = default;
    };

    // One dot-separated piece of the local label: a number, or lower-cased
    // letters and digits ("ubuntu", "1a").
    struct LocalSegment {
        std::optional<VersionNumber> number;
        std::string text;  // when not a number
        friend bool operator==(const LocalSegment&, const LocalSegment&) = default;
    };

    struct Parts {
        VersionNumber epoch;
        std::vector<VersionNumber> release{VersionNumber{}};
        std::optional<PreRelease> pre;
        std::optional<VersionNumber> post;
        std::optional<VersionNumber> dev;
        std::vector<LocalSegment> local;  // empty when there is no local label
    };

    // Accepts every spelling packaging accepts: surrounding whitespace, a leading
    // "v", any letter case, "-", "_" or "." separators, implicit numbers.
    // The error message is packaging's: "Invalid version: '...'".
    static ParseResult<Version> parse(std::string_view text);
    // An empty release becomes (0).
    static Version from_parts(Parts parts);

    const Parts& parts() const { return parts_; }
    const VersionNumber& epoch() const { return parts_.epoch; }
    const std::vector<VersionNumber>& release() const { return parts_.release; }
    const std::optional<PreRelease>& pre() const { return parts_.pre; }
    const std::optional<VersionNumber>& post() const { return parts_.post; }
    const std::optional<VersionNumber>& dev() const { return parts_.dev; }
    const std::vector<LocalSegment>& local() const { return parts_.local; }
    bool has_local() const { return !parts_.local.empty(); }

    // A pre-release or a development release (as packaging's is_prerelease).
    bool is_prerelease() const { return parts_.pre.has_value() || parts_.dev.has_value(); }
    bool is_postrelease() const { return parts_.post.has_value(); }
    bool is_devrelease() const { return parts_.dev.has_value(); }

    // str(Version): "1!2.0rc1.post2.dev3+ubuntu.1".
    std::string normalized() const;
    // Without the local label: "1!2.0rc1.post2.dev3".
    std::string public_version() const;
    // Epoch and release only: "1!2.0".
    std::string base_version() const;
    // The normalized local label without "+" ("ubuntu.1"), empty when there is none.
    std::string local_label() const;

    // PEP 440 order; trailing zeros of the release do not count ("1.0" == "1").
    friend std::strong_ordering operator<=>(const Version& a, const Version& b);
    friend bool operator==(const Version& a, const Version& b) { return (a <=> b) == 0; }

private:
    explicit Version(Parts parts) : parts_(std::move(parts)) {}
    Parts parts_;
};

}  // namespace pysec::python
