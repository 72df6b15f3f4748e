#include "rules/lock/lock_locations.hpp"

#include <algorithm>

namespace pysec {

Location first_line_location(const Document& document, const Node& node, std::string message) {
    std::string_view text = document.text();
    std::size_t end = std::min(node.end, text.size());
    std::size_t newline = text.find('\n', node.begin);
    if (newline != std::string_view::npos && newline < end) end = newline;
    while (end > node.begin && (text[end - 1] == '\r' || text[end - 1] == ' ')) --end;
    return Location{document.path(), document.span(node.begin, end), std::move(message)};
}

std::string package_label(std::string_view name, std::string_view version) {
    std::string label = "`" + std::string(name);
    if (!version.empty()) label += " " + std::string(version);
    return label + "`";
}

Location artifact_location(const Document& document, const LockArtifact& artifact, std::string message) {
    return first_line_location(document, *artifact.node, std::move(message));
}

}  // namespace pysec
