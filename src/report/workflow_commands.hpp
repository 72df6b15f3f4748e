#pragma once
// `--format github`: findings as GitHub workflow commands (`::error file=...::msg`),
// which the runner turns into annotations.

#include <cstddef>
#include <string>
#include <string_view>

#include "scan/scan_result.hpp"

namespace pysec {

// The runner shows at most 10 annotations of each level per step.
inline constexpr std::size_t annotations_per_level = 10;

// Escaping as the runner decodes it: `%`, CR and LF in the message; also `:`
// and `,` in property values.
std::string escape_command_data(std::string_view text);
std::string escape_command_property(std::string_view text);

// Most severe first, at most `per_level` per level; the rest are counted in a
// final plain line.
std::string render_workflow_commands(const ScanResult& result, std::size_t per_level = annotations_per_level);

}  // namespace pysec
