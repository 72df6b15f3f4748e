#pragma once
// Everything that shapes a scan, whether it comes from the CLI or the Action.

#include <cstdint>
#include <optional>
#include <string>

#include "core/severity.hpp"
#include "repo/source.hpp"

namespace pysec {

struct ScanOptions {
    SourceRequest source;
    std::optional<std::string> config_file;  // --config FILE (read from disk)
    bool use_config = true;                  // false with --no-config
    Severity min_severity = Severity::Informational;
    Confidence min_confidence = Confidence::Low;
    Persona persona = Persona::Regular;
    std::uint64_t max_file_size = 5ULL * 1024 * 1024;
    bool offline = false;
};

}  // namespace pysec
