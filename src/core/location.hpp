#pragma once
// Where something is in a scanned file.

#include <cstdint>
#include <string>

namespace pysec {

// 1-based line and column.  Columns count Unicode code points, not bytes, so
// that they match what editors, GitHub annotations and SARIF viewers show.
struct Position {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    friend auto operator<=>(const Position&, const Position&) = default;
};

// `end` is exclusive: the column just after the last character, as in SARIF.
struct Span {
    Position begin;
    Position end;
    friend bool operator==(const Span&, const Span&) = default;
};

struct Location {
    std::string path;  // repository-relative, `/`-separated
    Span span;
    std::string message;  // what this place has to do with the finding (related locations)
};

}  // namespace pysec
