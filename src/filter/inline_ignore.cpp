#include "filter/inline_ignore.hpp"

#include "core/text.hpp"

namespace pysec {
namespace {

bool list_names(std::string_view list, std::string_view rule_id) {
    while (!list.empty()) {
        auto comma = list.find(',');
        std::string_view item = trim(list.substr(0, comma));
        if (item == rule_id) return true;
        if (comma == std::string_view::npos) break;
        list.remove_prefix(comma + 1);
    }
    return false;
}

}  // namespace

bool line_ignores_rule(std::string_view line, std::string_view rule_id) {
    for (std::string_view tool : {"pysec:", "zizmor:"}) {
        std::size_t from = 0;
        while (true) {
            std::size_t marker = line.find(tool, from);
            if (marker == std::string_view::npos) break;
            from = marker + tool.size();
            // Only inside a comment: `#` (YAML, TOML, shell, requirements) or `//` (JSONC).
            std::string_view before = line.substr(0, marker);
            if (before.find('#') == std::string_view::npos && before.find("//") == std::string_view::npos) continue;
            std::string_view rest = line.substr(from);
            while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
            if (!rest.starts_with("ignore[")) continue;
            rest.remove_prefix(7);
            auto close = rest.find(']');
            if (close != std::string_view::npos && list_names(rest.substr(0, close), rule_id)) return true;
        }
    }
    return false;
}

}  // namespace pysec
