#pragma once
// Repository paths inside URLs and URI references.

#include <string>
#include <string_view>

namespace pysec {

// Percent-encodes everything but unreserved characters and `/`.
std::string path_to_uri(std::string_view path);

}  // namespace pysec
