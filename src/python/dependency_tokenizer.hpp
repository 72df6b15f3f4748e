#pragma once
// The tokenizer behind the requirement and marker parsers.  Like packaging's, it
// is context-sensitive: the parser asks "is the next token an X?", so the same
// text can be a URL in one place and an identifier in another.  Errors carry
// packaging's message and span and are thrown as TokenizerFailure, which the
// parsers' entry points turn into a returned SyntaxError.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "python/syntax_error.hpp"

namespace pysec::python {

enum class DependencyToken {
    left_parenthesis,
    right_parenthesis,
    left_bracket,
    right_bracket,
    semicolon,
    comma,
    quoted_string,              // '...' or "..."
    marker_operator,            // === == ~= != <= >= < >
    boolean_operator,           // and, or
    in,                         // in
    not_,                       // not
    variable,                   // python_version, os.name, extra, ...
    specifier,                  // >=1.0, ==1.*, ===foo
    at,                         // @
    url,                        // everything up to a space or tab
    identifier,                 // a name or an extra
    version_prefix_trail,       // ".*" after a specifier that cannot take it
    version_local_label_trail,  // "+local" after a specifier that cannot take it
    whitespace,                 // spaces and tabs only
    end,
};

struct TokenizerFailure {
    SyntaxError error;
};

class DependencyTokenizer {
public:
    explicit DependencyTokenizer(std::string_view source) : source_(source) {}

    std::string_view source() const { return source_; }
    std::size_t position() const { return position_; }  // a byte offset

    // Whether the next token is `kind`; it must then be read().
    bool check(DependencyToken kind);
    // Whether the next token is `kind`, without taking it.
    bool peek(DependencyToken kind) const;
    // The token found by the last successful check(), which is consumed.
    std::string_view read();
    // Reads the next token if it is `kind`.
    void consume(DependencyToken kind);
    // Reads the next token, which must be `kind`: otherwise fails with "Expected <expected>".
    std::string_view expect(DependencyToken kind, std::string_view expected);

    // Throws TokenizerFailure; the span is in bytes and defaults to the current position.
    [[noreturn]] void fail(std::string message, std::optional<std::size_t> span_begin = std::nullopt,
                           std::optional<std::size_t> span_end = std::nullopt) const;

private:
    std::optional<std::size_t> match(DependencyToken kind) const;

    std::string_view source_;
    std::size_t position_ = 0;
    std::size_t pending_length_ = 0;
};

}  // namespace pysec::python
