#pragma once
// `# pysec: ignore[rule-a, rule-b]` and `# zizmor: ignore[rule]` comments.

#include <string_view>

namespace pysec {

// True when `line` holds an ignore comment that names `rule_id`.
bool line_ignores_rule(std::string_view line, std::string_view rule_id);

}  // namespace pysec
