#pragma once
// Where each character of a scalar's decoded value is in the file.  A `run: |`
// script, an `if:` written across lines or a quoted `with:` value are decoded
// by YAML (indentation removed, lines folded, escapes resolved); rules that
// find something inside the value need to point at the source.

#include <cstddef>
#include <vector>

#include "parse/document.hpp"

namespace pysec {

class ScalarSourceMap {
public:
    ScalarSourceMap(const Document& document, const Node& scalar);

    // Byte offset in the document of the value's character at `index`
    // (`index == value.size()` maps just after the last character).
    std::size_t source_offset(std::size_t value_index) const;
    // The document span of value[begin, end).
    Span span(std::size_t begin, std::size_t end) const;
    Location location(std::size_t begin, std::size_t end, std::string message = {}) const;

private:
    const Document& document_;
    std::vector<std::size_t> offsets_;  // one per value character, plus the end
};

}  // namespace pysec
