#pragma once
// pip's name for a pip.conf key or an option (pip/_internal/configuration.py,
// _normalize_name): lower case, `_` read as `-`, leading `--` dropped, so
// that `Extra_Index_URL` and `--extra-index-url` are both `extra-index-url`.

#include <string>
#include <string_view>

namespace pysec {

std::string pip_config_key(std::string_view key);

}  // namespace pysec
