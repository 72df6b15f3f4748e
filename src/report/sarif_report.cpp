#include "report/sarif_report.hpp"

#include <map>

#include <nlohmann/json.hpp>

#include "core/project_info.hpp"
#include "report/rule_docs.hpp"
#include "report/uri.hpp"
#include "report/severity_mapping.hpp"
#include "rules/registry.hpp"

namespace pysec {
namespace {

using nlohmann::json;

json physical_location(const Location& location) {
    const Span& span = location.span;
    // An empty span (an empty YAML value) still needs one column to be visible.
    std::uint32_t end_column = span.end.column;
    if (span.end.line == span.begin.line && end_column <= span.begin.column) end_column = span.begin.column + 1;
    return {{"artifactLocation", {{"uri", path_to_uri(location.path)}, {"uriBaseId", "%SRCROOT%"}}},
            {"region",
             {{"startLine", span.begin.line},
              {"startColumn", span.begin.column},
              {"endLine", std::max(span.end.line, span.begin.line)},
              {"endColumn", end_column}}}};
}

std::string_view precision(Confidence confidence) {
    switch (confidence) {
        case Confidence::High: return "high";
        case Confidence::Medium: return "medium";
        case Confidence::Low: return "low";
    }
    return "low";
}

json rule_descriptor(const RuleInfo& rule) {
    std::string help_text = std::string(rule.what) + "\n\nWhy it matters: " + std::string(rule.why) +
                            "\n\nHow to fix: " + std::string(rule.fix) + "\n\nExample:\n" + std::string(rule.example);
    return {
        {"id", rule.id},
        {"name", rule.id},
        {"shortDescription", {{"text", rule.title}}},
        {"fullDescription", {{"text", rule.what}}},
        {"help", {{"text", help_text}, {"markdown", render_rule_markdown(rule)}}},
        {"helpUri", std::string(project_url) + "/blob/main/docs/rules.md#" + std::string(rule.id)},
        {"defaultConfiguration", {{"level", sarif_level(rule.severity)}}},
        {"properties",
         {{"tags", {"security", "supply-chain", rule.family}},
          {"precision", precision(rule.confidence)},
          {"security-severity", security_severity_score(rule.severity)},
          {"pysec-severity", to_string(rule.severity)},
          {"pysec-persona", to_string(rule.persona)}}},
    };
}

}  // namespace

std::string render_sarif(const ScanResult& result) {
    json rules = json::array();
    std::map<std::string_view, std::size_t> index_of;
    for (const auto& rule : all_rules()) {
        index_of[rule->info().id] = rules.size();
        rules.push_back(rule_descriptor(rule->info()));
    }
    json results = json::array();
    for (const Finding& finding : result.findings) {
        json related = json::array();
        int id = 1;
        for (const Location& location : finding.related) {
            related.push_back({{"id", id++},
                               {"physicalLocation", physical_location(location)},
                               {"message", {{"text", location.message.empty() ? finding.rule_id : location.message}}}});
        }
        std::string message = finding.message;
        if (!finding.help.empty()) message += "\nFix: " + finding.help;
        json item = {
            {"ruleId", finding.rule_id},
            {"level", sarif_level(finding.severity)},
            {"message", {{"text", message}}},
            {"locations", {{{"physicalLocation", physical_location(finding.location)}}}},
            {"partialFingerprints", {{"pysecFingerprint/v1", finding.fingerprint}}},
            {"properties",
             {{"severity", to_string(finding.severity)},
              {"confidence", to_string(finding.confidence)},
              {"persona", to_string(finding.persona)}}},
        };
        if (auto it = index_of.find(finding.rule_id); it != index_of.end()) item["ruleIndex"] = it->second;
        if (!related.empty()) item["relatedLocations"] = std::move(related);
        results.push_back(std::move(item));
    }
    json sarif = {
        {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
        {"version", "2.1.0"},
        {"runs",
         {{{"tool",
            {{"driver",
              {{"name", "pysec"},
               {"semanticVersion", PYSEC_VERSION},
               {"version", PYSEC_VERSION},
               {"informationUri", project_url},
               {"rules", std::move(rules)}}}}},
           {"columnKind", "unicodeCodePoints"},
           {"originalUriBaseIds", {{"%SRCROOT%", {{"description", {{"text", "The repository root."}}}}}}},
           {"results", std::move(results)}}}},
    };
    return sarif.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace pysec
