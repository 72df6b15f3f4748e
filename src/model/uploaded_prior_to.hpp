#pragma once
// What pip does with `--uploaded-prior-to`, PIP_UPLOADED_PRIOR_TO or
// `uploaded-prior-to` in pip.conf (pip 26.0 and later;
// src/pip/_internal/cli/cmdoptions.py, _handle_uploaded_prior_to):
//  - `P<n>D` exactly (an upper-case P and D around ASCII digits): n days
//    before now; no other ISO 8601 duration (`P1W`, `PT24H`, `P7d`) and no
//    friendly duration (`7 days`);
//  - otherwise `datetime.fromisoformat` (python/iso_datetime.hpp): a date or a
//    date-time, read in the machine's local time zone when it has no offset.
//    A bare date is the *start* of that day (uv reads the same text as the
//    end of the day).
// Anything else stops pip with "invalid value".

#include <string>
#include <string_view>

#include "python/iso_datetime.hpp"

namespace pysec {

struct UploadedPriorToReading {
    enum class Kind { Days, DateTime, Rejected };
    Kind kind = Kind::Rejected;
    long long days = 0;
    python::IsoDateTime datetime;
    std::string error;

    bool accepted() const { return kind != Kind::Rejected; }
};

UploadedPriorToReading read_uploaded_prior_to(std::string_view text);

}  // namespace pysec
