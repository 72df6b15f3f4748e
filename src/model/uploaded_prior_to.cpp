#include "model/uploaded_prior_to.hpp"

namespace pysec {

UploadedPriorToReading read_uploaded_prior_to(std::string_view text) {
    UploadedPriorToReading reading;
    // re.match(r"^P(\d+)D$", value, re.ASCII); `$` also matches before a final newline.
    std::string_view body = text;
    if (body.ends_with('\n')) body.remove_suffix(1);
    if (body.size() >= 3 && body.front() == 'P' && body.back() == 'D') {
        std::string_view digits = body.substr(1, body.size() - 2);
        bool all_digits = !digits.empty();
        for (char c : digits) all_digits = all_digits && c >= '0' && c <= '9';
        if (all_digits) {
            // timedelta(days=n) subtracted from now leaves datetime's range past ~700,000 days.
            if (digits.size() > 6 || std::stoll(std::string(digits)) > 700'000) {
                reading.error = "a number of days so large that pip fails with an OverflowError";
                return reading;
            }
            reading.kind = UploadedPriorToReading::Kind::Days;
            reading.days = std::stoll(std::string(digits));
            return reading;
        }
    }
    if (auto datetime = python::parse_isoformat(text)) {
        reading.kind = UploadedPriorToReading::Kind::DateTime;
        reading.datetime = *datetime;
        return reading;
    }
    reading.error = "pip accepts only an ISO 8601 date or date-time (`2026-01-01`, `2026-01-01T00:00:00Z`) or a "
                    "number of days as `P<n>D` (`P7D`)";
    return reading;
}

}  // namespace pysec
