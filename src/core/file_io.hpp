#pragma once
// Writing report files; reading is the Source's business.

#include <string>
#include <string_view>

namespace pysec {

// Throw std::runtime_error with the path and the reason on failure.
void write_text_file(const std::string& path, std::string_view content);
void append_text_file(const std::string& path, std::string_view content);

// Hex of `bytes` random bytes from the kernel (delimiters, not secrets).
std::string random_hex(std::size_t bytes);

}  // namespace pysec
