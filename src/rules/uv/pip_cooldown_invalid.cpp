// pip-cooldown-invalid: PIP_UPLOADED_PRIOR_TO / `uploaded-prior-to` with a
// value pip rejects (or one that gives no cooldown).

#include "core/text.hpp"
#include "model/uploaded_prior_to.hpp"
#include "rules/all_rules.hpp"
#include "rules/uv/environment_variables.hpp"
#include "rules/uv/pip_config_key.hpp"
#include "rules/uv/setting_text.hpp"

namespace pysec {
namespace {

constexpr RuleInfo pip_cooldown_invalid_info{
    .id = "pip-cooldown-invalid",
    .title = "pip uploaded-prior-to value that pip rejects",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "uv",
    .what = "PIP_UPLOADED_PRIOR_TO in a workflow, action or dev-container environment, and `uploaded-prior-to` "
            "(also `uploaded_prior_to`) in any section of pip.conf/pip.ini, read as pip 26 reads "
            "`--uploaded-prior-to`: exactly `P<n>D` (n days before now), or anything Python's "
            "`datetime.fromisoformat` accepts (`2026-01-01`, `2026-01-01T00:00:00Z`, `20260101`; without an offset "
            "it is local time). Everything else makes pip stop with \"invalid value\": friendly durations "
            "(`7 days`), other ISO 8601 durations (`P1W`, `PT24H`, `P7d`, `-P7D`), and malformed dates. `P0D` is "
            "accepted and gives no cooldown; it is reported too. Values behind expressions or variables are not "
            "judged. pip before 26.0 does not know the setting and ignores it. Dates are judged as Python 3.11 and "
            "later read them; on 3.9 and 3.10 only `YYYY-MM-DD[THH[:MM[:SS[.ffffff]]]]` with an optional `Z` or "
            "`+HH:MM` works.",
    .why = "A cooldown that pip rejects breaks every install that sees it, and the quick fix under pressure is to "
           "delete it, which leaves CI installing releases minutes after they are published (the window of the "
           "`ultralytics` and `num2words` compromises). uv's `exclude-newer` grammar is wider than pip's, so values "
           "copied from uv settings are the usual cause.",
    .fix = "Write the cooldown as `P<n>D` (`PIP_UPLOADED_PRIOR_TO: P7D`), or as an RFC 3339 timestamp.",
    .example = "Before:\n"
               "  env:\n"
               "    PIP_UPLOADED_PRIOR_TO: 7 days\n"
               "After:\n"
               "  env:\n"
               "    PIP_UPLOADED_PRIOR_TO: P7D\n",
};

class PipCooldownInvalidRule final : public Rule {
public:
    const RuleInfo& info() const override { return pip_cooldown_invalid_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_environment_variable(context.project, [&](const EnvironmentVariable& variable) {
            if (variable.key.value != "PIP_UPLOADED_PRIOR_TO") return;
            auto text = literal_environment_value(variable.value);
            if (!text) return;
            check_value(variable.document, variable.key, variable.value, *text, "PIP_UPLOADED_PRIOR_TO: P7D", sink);
        });
        for (const ProjectFile& file : context.project.files()) {
            if (file.kind != FileKind::PipConf || !file.document || file.failure) continue;
            const Node* root = file.document->root();
            if (!root || !root->is_mapping()) continue;
            for (const Node::Entry& section : root->entries) {
                if (!section.value->is_mapping()) continue;
                for (const Node::Entry& entry : section.value->entries) {
                    if (pip_config_key(entry.key->value) != "uploaded-prior-to" || !entry.value->is_scalar()) continue;
                    check_value(*file.document, *entry.key, *entry.value, trim(entry.value->value),
                                "uploaded-prior-to = P7D", sink);
                }
            }
        }
    }

private:
    void check_value(const Document& document, const Node& key, const Node& value, std::string_view text,
                     const std::string& help, FindingSink& sink) const {
        UploadedPriorToReading reading = read_uploaded_prior_to(text);
        std::string written = "`" + setting_text(document, &key, value) + "`";
        std::string message;
        if (!reading.accepted()) {
            message = written + " is not a value pip accepts (" + reading.error +
                      "): every pip command that reads it stops with \"invalid value\"";
        } else if (reading.kind == UploadedPriorToReading::Kind::Days && reading.days == 0) {
            message = written + " is zero days: pip takes releases the moment they are published, so there is no "
                                "cooldown";
        } else {
            return;
        }
        Finding finding = finding_at(document, value, message);
        finding.help = help;
        sink.add(std::move(finding));
    }
};

}  // namespace

std::unique_ptr<Rule> make_pip_cooldown_invalid_rule() { return std::make_unique<PipCooldownInvalidRule>(); }

}  // namespace pysec
