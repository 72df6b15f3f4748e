// parse-error: a collected file that could not be read or parsed.  Emitted as
// a finding (not a crash, not a silent skip) so that an unaudited file is visible.

#include "rules/all_rules.hpp"

namespace pysec {
namespace {

constexpr RuleInfo parse_error_info{
    .id = "parse-error",
    .title = "file could not be parsed, so it was not audited",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "general",
    .what = "A file pysec collects (a workflow, an action, a dependency or update-bot configuration) "
            "could not be read: malformed YAML, TOML or JSON, duplicate keys, an alias bomb, "
            "nesting deeper than 256 levels, binary or non-UTF-8 content, or a file over the size cap. "
            "The finding points at the position the parser reported.",
    .why = "No rule can audit a file it cannot read. A broken workflow also fails on GitHub, and a "
           "broken dependency configuration is silently ignored by the tool that should read it "
           "(Dependabot, uv, pip), so the protection you think you configured is not there.",
    .fix = "Fix the syntax at the reported line and column. For a file over the size cap, raise it "
           "with `--max-file-size`. To accept a file that is broken on purpose (a test fixture), "
           "ignore it in `.github/pysec.yml` under `rules.parse-error.ignore`.",
    .example = "Before:\n"
               "  on:\n"
               "    push:\n"
               "   branches: [main]      # wrong indentation\n"
               "After:\n"
               "  on:\n"
               "    push:\n"
               "      branches: [main]\n",
};

class ParseErrorRule final : public Rule {
public:
    const RuleInfo& info() const override { return parse_error_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const ProjectFile& file : context.project.files()) {
            if (!file.failure) continue;
            Position position = file.failure->position;
            if (position.line == 0) position = {1, 1};
            Location location{file.path, Span{position, Position{position.line, position.column + 1}}, {}};
            sink.add(finding_at(std::move(location), "cannot parse this " + std::string(to_string(file.kind)) +
                                                         " file: " + file.failure->message));
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_parse_error_rule() { return std::make_unique<ParseErrorRule>(); }

}  // namespace pysec
