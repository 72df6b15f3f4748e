#pragma once
// The three scales every finding is measured on, and their spellings.

#include <optional>
#include <string_view>

namespace pysec {

// Ordered from least to most severe, so that comparisons read naturally.
enum class Severity { Informational, Low, Medium, High };
enum class Confidence { Low, Medium, High };
// What a user opts into: `regular` sees regular findings, `pedantic` also sees
// pedantic ones, `auditor` sees everything.
enum class Persona { Regular, Pedantic, Auditor };

std::string_view to_string(Severity severity);
std::string_view to_string(Confidence confidence);
std::string_view to_string(Persona persona);

std::optional<Severity> parse_severity(std::string_view text);
std::optional<Confidence> parse_confidence(std::string_view text);
std::optional<Persona> parse_persona(std::string_view text);

}  // namespace pysec
