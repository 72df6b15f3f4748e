#pragma once
// The assignments of a `.env` file as dotenv readers (python-dotenv, Docker
// Compose) see them: `KEY=value` or `export KEY=value`, values unquoted
// (an inline comment starts at ` #`), single-quoted (literal) or
// double-quoted (escapes; may span lines), comments and other lines ignored.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pysec {

struct EnvAssignment {
    std::string key;
    std::string value;            // unquoted, escapes not decoded
    std::size_t key_begin = 0;    // byte offsets into the text
    std::size_t value_begin = 0;  // the value's text, quotes excluded
    std::size_t value_end = 0;
};

std::vector<EnvAssignment> read_env_assignments(std::string_view text);

}  // namespace pysec
