#pragma once
// Where the project lives, for links in reports.

namespace pysec {

inline constexpr const char* project_url = "https://github.com/pysec-action/pysec-action";

}  // namespace pysec
