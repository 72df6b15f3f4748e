#pragma once
// The one way a parser reports that a file cannot be read.

#include <cstddef>
#include <stdexcept>
#include <string>

#include "core/location.hpp"

namespace pysec {

class ParseError : public std::runtime_error {
public:
    // `offset` is a byte offset into the text.
    ParseError(std::string message, std::size_t offset)
        : std::runtime_error(std::move(message)), offset_(offset) {}
    // For parsers that report line and column themselves (toml++).
    ParseError(std::string message, Position position)
        : std::runtime_error(std::move(message)), position_(position) {}

    std::size_t offset() const { return offset_; }
    // Set when the parser gave a position instead of an offset.
    Position position() const { return position_; }

private:
    std::size_t offset_ = 0;
    Position position_{};
};

// Limits that keep hostile input from exhausting the stack or memory.
inline constexpr std::size_t max_nesting_depth = 256;
inline constexpr std::size_t max_yaml_expanded_nodes = 1'000'000;

}  // namespace pysec
