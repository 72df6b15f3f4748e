#include "python/version_number.hpp"

namespace pysec::python {

VersionNumber::VersionNumber(std::uint64_t value) : digits_(std::to_string(value)) {}

VersionNumber VersionNumber::from_digits(std::string_view digits) {
    VersionNumber number;
    std::size_t first = digits.find_first_not_of('0');
    if (first != std::string_view::npos) number.digits_ = std::string(digits.substr(first));
    return number;
}

std::optional<std::uint64_t> VersionNumber::to_uint64() const {
    constexpr std::uint64_t max = UINT64_MAX;
    std::uint64_t value = 0;
    for (char c : digits_) {
        auto digit = static_cast<std::uint64_t>(c - '0');
        if (value > (max - digit) / 10) return std::nullopt;
        value = value * 10 + digit;
    }
    return value;
}

VersionNumber VersionNumber::next() const {
    VersionNumber result = *this;
    std::string& d = result.digits_;
    std::size_t i = d.size();
    while (i > 0 && d[i - 1] == '9') d[--i] = '0';
    if (i == 0) {
        d.insert(d.begin(), '1');
    } else {
        ++d[i - 1];
    }
    return result;
}

std::strong_ordering operator<=>(const VersionNumber& a, const VersionNumber& b) {
    // Without leading zeros, a longer number is a larger one.
    if (auto by_length = a.digits_.size() <=> b.digits_.size(); by_length != 0) return by_length;
    return a.digits_.compare(b.digits_) <=> 0;
}

}  // namespace pysec::python
