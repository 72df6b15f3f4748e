#pragma once
// A finding: a plain value that every report writes in its own way.

#include <string>
#include <vector>

#include "core/location.hpp"
#include "core/severity.hpp"

namespace pysec {

class Node;

struct Finding {
    std::string rule_id;
    Severity severity = Severity::Medium;
    Confidence confidence = Confidence::High;
    Persona persona = Persona::Regular;
    Location location;             // the exact key or value that causes it
    std::vector<Location> related; // e.g. the trigger that makes a step dangerous
    std::string message;
    std::string help;              // a concrete fix for this finding, when there is one
    // The flagged text is a secret: reports that quote the source show `****` in its place.
    bool redact_source = false;
    // Stable across edits elsewhere in the file; set by the pipeline.
    std::string fingerprint;
    // The flagged node, when the finding is about one: its key path feeds the
    // fingerprint.  Only valid during the scan.
    const Node* node = nullptr;
};

}  // namespace pysec
