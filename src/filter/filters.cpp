#include "filter/filters.hpp"

#include "filter/inline_ignore.hpp"

namespace pysec {
namespace {

bool ignored_by_config(const Finding& finding, const ScanConfig& config) {
    const RuleSettings* settings = config.rule(finding.rule_id);
    if (!settings) return false;
    const Span& span = finding.location.span;
    for (const IgnoreEntry& entry : settings->ignore) {
        if (ignore_matches(entry, finding.location.path, span.begin.line, span.end.line, span.begin.column)) {
            return true;
        }
    }
    return false;
}

// An ignore comment on any line of the finding's span counts.
bool ignored_inline(const Finding& finding, const Project& project) {
    const Document* document = project.document(finding.location.path);
    if (!document) return false;
    const Span& span = finding.location.span;
    for (std::uint32_t line = span.begin.line; line <= span.end.line && line != 0; ++line) {
        if (line_ignores_rule(document->lines().line(line), finding.rule_id)) return true;
    }
    return false;
}

bool below_thresholds(const Finding& finding, const FilterOptions& options) {
    return finding.severity < options.min_severity || finding.confidence < options.min_confidence ||
           finding.persona > options.persona;
}

}  // namespace

std::vector<Finding> apply_filters(std::vector<Finding> findings, const ScanConfig& config, const Project& project,
                                   const FilterOptions& options, ScanSummary& summary) {
    std::vector<Finding> shown;
    shown.reserve(findings.size());
    for (Finding& finding : findings) {
        if (ignored_by_config(finding, config) || ignored_inline(finding, project)) {
            ++summary.ignored;
        } else if (below_thresholds(finding, options)) {
            ++summary.suppressed;
        } else {
            shown.push_back(std::move(finding));
        }
    }
    return shown;
}

}  // namespace pysec
