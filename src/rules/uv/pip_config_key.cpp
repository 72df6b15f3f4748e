#include "rules/uv/pip_config_key.hpp"

#include "core/text.hpp"

namespace pysec {

std::string pip_config_key(std::string_view key) {
    std::string name = to_lower(key);
    for (char& c : name) {
        if (c == '_') c = '-';
    }
    while (name.starts_with("-")) name.erase(0, 1);
    return name;
}

}  // namespace pysec
