#include "core/edit_distance.hpp"

#include <algorithm>
#include <vector>

namespace pysec {

std::size_t edit_distance(std::string_view a, std::string_view b, std::size_t limit) {
    std::size_t length_gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (length_gap > limit) return limit + 1;
    // Three rows of the dynamic-programming table: two back (for swaps), one back, current.
    std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
    // A swap reaches back two rows, so only two rows over the limit in a row
    // prove that every later row is over it too.
    std::size_t previous_minimum = 0;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        std::size_t row_minimum = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
            row_minimum = std::min(row_minimum, current[j]);
        }
        if (row_minimum > limit && previous_minimum > limit) return limit + 1;
        previous_minimum = row_minimum;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], limit + 1);
}

}  // namespace pysec
