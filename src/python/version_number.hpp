#pragma once
// A number in a version (epoch, release component, pre/post/dev number, numeric
// local segment).  Python's integers have no size limit, so neither does this:
// "1.0.20240101123456789012345" compares exactly.

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pysec::python {

class VersionNumber {
public:
    VersionNumber() = default;  // zero
    explicit VersionNumber(std::uint64_t value);
    // From ASCII digits (at least one); leading zeros are dropped as int() drops them.
    static VersionNumber from_digits(std::string_view digits);

    // Decimal digits without leading zeros ("0" for zero).
    const std::string& digits() const { return digits_; }
    bool is_zero() const { return digits_ == "0"; }
    // The value when it fits in 64 bits.
    std::optional<std::uint64_t> to_uint64() const;
    VersionNumber next() const;  // this + 1

    friend bool operator==(const VersionNumber&, const VersionNumber&) = default;
    friend std::strong_ordering operator<=>(const VersionNumber& a, const VersionNumber& b);

private:
    std::string digits_ = "0";
};

}  // namespace pysec::python
