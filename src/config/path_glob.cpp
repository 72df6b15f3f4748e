#include "config/path_glob.hpp"

#include <string>

namespace pysec {

bool glob_matches(std::string_view pattern, std::string_view path) {
    while (!pattern.empty()) {
        if (pattern.starts_with("**")) {
            std::string_view rest = pattern.substr(2);
            if (rest.starts_with("/")) rest.remove_prefix(1);
            if (rest.empty()) return true;  // a trailing `**` takes everything left
            // `**` matches nothing, or any prefix ending at a segment boundary.
            if (glob_matches(rest, path)) return true;
            for (std::size_t i = 0; i < path.size(); ++i) {
                if (path[i] == '/' && glob_matches(rest, path.substr(i + 1))) return true;
            }
            return false;
        }
        char c = pattern.front();
        if (c == '*') {
            std::string_view rest = pattern.substr(1);
            for (std::size_t i = 0; i <= path.size(); ++i) {
                if (glob_matches(rest, path.substr(i))) return true;
                if (i < path.size() && path[i] == '/') break;
            }
            return false;
        }
        if (path.empty()) return false;
        if (c == '?' ? path.front() == '/' : c != path.front()) return false;
        pattern.remove_prefix(1);
        path.remove_prefix(1);
    }
    return path.empty();
}

bool path_excluded_by(std::string_view pattern, std::string_view path) {
    while (pattern.ends_with("/")) pattern.remove_suffix(1);
    while (pattern.starts_with("./")) pattern.remove_prefix(2);
    if (pattern.empty()) return false;
    return glob_matches(pattern, path) || glob_matches(std::string(pattern) + "/**", path);
}

}  // namespace pysec
