#pragma once
// Step outputs in GITHUB_OUTPUT's heredoc form, with a random delimiter that
// is checked against the value (so no value can forge another output).

#include <string>
#include <utility>
#include <vector>

namespace pysec {

std::string render_github_outputs(const std::vector<std::pair<std::string, std::string>>& outputs);

}  // namespace pysec
