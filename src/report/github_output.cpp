#include "report/github_output.hpp"

#include "core/file_io.hpp"

namespace pysec {

std::string render_github_outputs(const std::vector<std::pair<std::string, std::string>>& outputs) {
    std::string out;
    for (const auto& [name, value] : outputs) {
        std::string delimiter;
        do {
            delimiter = "ghadelimiter_" + random_hex(16);
        } while (value.find(delimiter) != std::string::npos || name.find(delimiter) != std::string::npos);
        out += name + "<<" + delimiter + "\n" + value + "\n" + delimiter + "\n";
    }
    return out;
}

}  // namespace pysec
