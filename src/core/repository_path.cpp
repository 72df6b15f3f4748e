#include "core/repository_path.hpp"

#include <vector>

namespace pysec {

std::optional<std::string> normalize_repository_path(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('$') != std::string_view::npos ||
        path.find("://") != std::string_view::npos) {
        return std::nullopt;
    }
    std::vector<std::string_view> parts;
    std::size_t position = 0;
    while (position <= path.size()) {
        std::size_t slash = path.find_first_of("/\\", position);
        if (slash == std::string_view::npos) slash = path.size();
        std::string_view part = path.substr(position, slash - position);
        if (part == "..") {
            if (parts.empty()) return std::nullopt;
            parts.pop_back();
        } else if (!part.empty() && part != ".") {
            parts.push_back(part);
        }
        position = slash + 1;
    }
    std::string result;
    for (std::string_view part : parts) {
        if (!result.empty()) result += '/';
        result += part;
    }
    if (result.empty()) return std::nullopt;
    return result;
}

std::optional<std::string> resolve_relative_path(std::string_view directory, std::string_view reference) {
    if (reference.empty() || reference.front() == '/' || reference.find('$') != std::string_view::npos) {
        return std::nullopt;
    }
    std::string joined = directory.empty() ? std::string(reference) : std::string(directory) + "/" + std::string(reference);
    return normalize_repository_path(joined);
}

}  // namespace pysec
