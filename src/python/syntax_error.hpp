#pragma once
// How the parsers of this directory report invalid input: as a value, never as
// an exception.  The text follows packaging's messages, so that a finding can
// quote the same explanation pip would give.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

namespace pysec::python {

struct SyntaxError {
    // The first line of packaging's message, e.g. "Expected comma between extra names".
    std::string message;
    // Whether the message points at a part of the input: false for invalid versions
    // and specifiers, whose message quotes the input instead.
    bool has_span = false;
    // The parsed input and the part of it the message points at, counted in code
    // points as packaging counts them.
    std::string source;
    std::size_t begin = 0;
    std::size_t end = 0;

    // packaging's complete text: the message, then the input and a `~~~^` line
    // under the span, each indented by four spaces.
    std::string to_string() const;
};

// A parsed value or the reason there is none.
template <class T>
class ParseResult {
public:
    ParseResult(T value) : value_(std::move(value)) {}
    ParseResult(SyntaxError error) : error_(std::move(error)) {}

    bool ok() const { return value_.has_value(); }
    explicit operator bool() const { return ok(); }

    // Only when ok().
    const T& value() const& { return *value_; }
    T&& value() && { return std::move(*value_); }
    const T& operator*() const& { return *value_; }
    const T* operator->() const { return &*value_; }

    // Only when !ok().
    const SyntaxError& error() const { return error_; }

private:
    std::optional<T> value_;
    SyntaxError error_;
};

}  // namespace pysec::python
