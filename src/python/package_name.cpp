#include "python/package_name.hpp"

#include "python/python_text.hpp"

namespace pysec::python {

namespace {
bool is_separator(char c) { return c == '-' || c == '_' || c == '.'; }
}  // namespace

std::string canonicalize_name(std::string_view name) {
    std::string canonical;
    canonical.reserve(name.size());
    for (std::size_t i = 0; i < name.size(); ++i) {
        if (is_separator(name[i])) {
            while (i + 1 < name.size() && is_separator(name[i + 1])) ++i;
            canonical += '-';
        } else {
            char c = name[i];
            canonical += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    }
    return canonical;
}

bool is_valid_name(std::string_view name) {
    if (name.empty() || !is_ascii_alnum(name.front()) || !is_ascii_alnum(name.back())) return false;
    for (char c : name) {
        if (!is_ascii_alnum(c) && !is_separator(c)) return false;
    }
    return true;
}

}  // namespace pysec::python
