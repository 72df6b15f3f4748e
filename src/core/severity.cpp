#include "core/severity.hpp"

#include <array>
#include <utility>

namespace pysec {
namespace {

constexpr std::array severity_names = {
    std::pair{Severity::Informational, std::string_view{"informational"}},
    std::pair{Severity::Low, std::string_view{"low"}},
    std::pair{Severity::Medium, std::string_view{"medium"}},
    std::pair{Severity::High, std::string_view{"high"}},
};
constexpr std::array confidence_names = {
    std::pair{Confidence::Low, std::string_view{"low"}},
    std::pair{Confidence::Medium, std::string_view{"medium"}},
    std::pair{Confidence::High, std::string_view{"high"}},
};
constexpr std::array persona_names = {
    std::pair{Persona::Regular, std::string_view{"regular"}},
    std::pair{Persona::Pedantic, std::string_view{"pedantic"}},
    std::pair{Persona::Auditor, std::string_view{"auditor"}},
};

template <typename Table, typename Value>
std::string_view name_of(const Table& table, Value value) {
    for (const auto& [v, name] : table) {
        if (v == value) return name;
    }
    return "unknown";
}

template <typename Value, typename Table>
std::optional<Value> value_of(const Table& table, std::string_view text) {
    for (const auto& [v, name] : table) {
        if (name == text) return v;
    }
    return std::nullopt;
}

}  // namespace

std::string_view to_string(Severity severity) { return name_of(severity_names, severity); }
std::string_view to_string(Confidence confidence) { return name_of(confidence_names, confidence); }
std::string_view to_string(Persona persona) { return name_of(persona_names, persona); }

std::optional<Severity> parse_severity(std::string_view text) {
    // zizmor spells the lowest level "unknown"; accept it so configs move over.
    if (text == "unknown" || text == "info") return Severity::Informational;
    return value_of<Severity>(severity_names, text);
}
std::optional<Confidence> parse_confidence(std::string_view text) {
    if (text == "unknown") return Confidence::Low;
    return value_of<Confidence>(confidence_names, text);
}
std::optional<Persona> parse_persona(std::string_view text) {
    return value_of<Persona>(persona_names, text);
}

}  // namespace pysec
