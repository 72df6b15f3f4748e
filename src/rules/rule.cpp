#include "rules/rule.hpp"

namespace pysec {

Finding Rule::finding_at(Location location, std::string message) const {
    const RuleInfo& rule = info();
    Finding finding;
    finding.rule_id = rule.id;
    finding.severity = rule.severity;
    finding.confidence = rule.confidence;
    finding.persona = rule.persona;
    finding.location = std::move(location);
    finding.message = std::move(message);
    return finding;
}

Finding Rule::finding_at(const Document& document, const Node& node, std::string message) const {
    Finding finding = finding_at(document.location(node), std::move(message));
    finding.node = &node;
    return finding;
}

}  // namespace pysec
