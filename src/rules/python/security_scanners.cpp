#include "rules/python/security_scanners.hpp"

#include <algorithm>
#include <array>

#include "core/text.hpp"
#include "rules/python/tool_runners.hpp"

namespace pysec {
namespace {

constexpr std::array scanner_programs = {"pip-audit", "pip_audit", "safety", "osv-scanner", "zizmor", "pysec",
                                         "bandit",    "trivy",     "grype",  "gitleaks",    "trufflehog"};

struct ScannerAction {
    std::string_view slug;
    std::string_view scanner;
};
constexpr std::array scanner_actions = {
    ScannerAction{"pypa/gh-action-pip-audit", "pip-audit"},
    ScannerAction{"zizmorcore/zizmor-action", "zizmor"},
    ScannerAction{"woodruffw/zizmor-action", "zizmor"},
    ScannerAction{"google/osv-scanner-action", "osv-scanner"},
    ScannerAction{"pyupio/safety-action", "safety"},
    ScannerAction{"pycqa/bandit-action", "bandit"},
    ScannerAction{"aquasecurity/trivy-action", "trivy"},
    ScannerAction{"anchore/scan-action", "grype"},
    ScannerAction{"gitleaks/gitleaks-action", "gitleaks"},
    ScannerAction{"trufflesecurity/trufflehog", "trufflehog"},
};

}  // namespace

std::string scanner_command(const shell::Invocation& invocation) {
    UvCommand uv = uv_command(invocation);
    if (uv.is("audit") || uv.is("tool", "audit")) return "uv audit";
    shell::Invocation tool = effective_tool(invocation);
    if (std::find(scanner_programs.begin(), scanner_programs.end(), tool.program) == scanner_programs.end()) return {};
    if (tool.program == "pip_audit") return "pip-audit";
    // `zizmor --version`, `trivy --help`: not a scan.
    for (const shell::Word* word : tool.arguments) {
        if (word->text == "--version" || word->text == "--help" || word->text == "-V" || word->text == "-h") return {};
    }
    return tool.program;
}

std::string scanner_action(const UsesReference& reference) {
    if (reference.kind != UsesReference::Kind::Repository) return {};
    std::string slug = to_lower(reference.slug());
    for (const ScannerAction& action : scanner_actions) {
        if (slug == action.slug) return std::string(action.scanner);
    }
    if (to_lower(reference.repo) == "pysec-action") return "pysec";
    return {};
}

bool is_workflow_auditor(std::string_view scanner) { return scanner == "zizmor" || scanner == "pysec"; }

const shell::Word* scanner_exit_zero_option(const shell::Invocation& invocation) {
    shell::Invocation tool = effective_tool(invocation);
    for (const shell::Word* word : tool.arguments) {
        const std::string& text = word->text;
        if ((tool.program == "zizmor" && text == "--no-exit-codes") ||
            (tool.program == "bandit" && text == "--exit-zero") ||
            (tool.program == "safety" && text == "--continue-on-error")) {
            return word;
        }
    }
    return nullptr;
}

bool writes_sarif(const shell::Invocation& invocation) {
    shell::Invocation tool = effective_tool(invocation);
    const auto& arguments = tool.arguments;
    for (std::size_t i = 0; i < arguments.size(); ++i) {
        std::string text = to_lower(arguments[i]->text);
        if (text.starts_with("--sarif")) return true;
        if (text == "--format=sarif" || text == "--output-format=sarif" || text == "-fsarif") return true;
        if ((text == "--format" || text == "-f" || text == "--output-format") && i + 1 < arguments.size() &&
            to_lower(arguments[i + 1]->text) == "sarif") {
            return true;
        }
    }
    return false;
}

}  // namespace pysec
