#include "scan/exit_status.hpp"

namespace pysec {

std::optional<FailOn> parse_fail_on(std::string_view text) {
    if (text == "never") return FailOn{};
    if (auto severity = parse_severity(text)) return FailOn{*severity};
    return std::nullopt;
}

int exit_status_for(std::optional<Severity> highest_shown, FailOn fail_on) {
    if (!fail_on.reached_by(highest_shown)) return exit_clean;
    return 11 + static_cast<int>(*highest_shown);
}

}  // namespace pysec
