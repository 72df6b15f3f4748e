// committed-pypirc: a tracked `.pypirc` that holds an upload password or token.

#include "rules/all_rules.hpp"
#include "rules/secrets/secret_names.hpp"

namespace pysec {
namespace {

constexpr RuleInfo committed_pypirc_info{
    .id = "committed-pypirc",
    .title = "`.pypirc` with a password committed to the repository",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "secrets",
    .what = "A tracked `.pypirc` (anywhere in the repository) with a `password` in any section, read as twine "
            "and configparser read it. One finding per section, on the value, which is never shown (a PyPI token "
            "is shown as `pypi-****`). Empty values, interpolations (`%(name)s`), references (`$VAR`) and "
            "placeholders (`<token>`, `changeme`, `your-token-here`) are not reported. A `.pypirc` that cannot be "
            "parsed is reported by `parse-error` (and a PyPI token in it by `hardcoded-secret`).",
    .why = "`.pypirc` belongs in the home directory: in a repository its password (today a PyPI API token) "
           "lets anyone who can read the repository upload releases of your projects. Stolen upload tokens are "
           "how several PyPI packages got malicious releases.",
    .fix = "Revoke the token on PyPI, stop tracking the file (`git rm --cached .pypirc`, add it to "
           "`.gitignore`), and publish from CI with trusted publishing, which needs no token.",
    .example = "Before (.pypirc, tracked):\n"
               "  [pypi]\n"
               "  username = __token__\n"
               "  password = pypi-AgEIcHlwaS5vcmc...\n"
               "After: no .pypirc in the repository; `pypa/gh-action-pypi-publish` with `id-token: write`.\n",
};

class CommittedPypircRule final : public Rule {
public:
    const RuleInfo& info() const override { return committed_pypirc_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const ProjectFile& file : context.project.files()) {
            if (file.kind != FileKind::Pypirc || !file.document || file.failure) continue;
            const Node* root = file.document->root();
            if (!root || !root->is_mapping()) continue;
            for (const auto& [section, keys] : root->entries) {
                const Node* password = keys->is_mapping() ? keys->get("password") : nullptr;
                if (!password || !password->is_scalar() || is_placeholder_value(password->value)) continue;
                std::string shown = password->value.starts_with("pypi-") ? "pypi-****" : "****";
                Finding finding = finding_at(*file.document, *password,
                                             "`" + file.path + "` is committed with the password of [" +
                                                 section->value + "] (`" + shown +
                                                 "`): anyone who can read the repository can upload releases");
                finding.redact_source = true;
                finding.help = "revoke the token on PyPI, `git rm --cached " + file.path +
                               "`, and publish with trusted publishing (pypa/gh-action-pypi-publish, id-token: write)";
                sink.add(std::move(finding));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_committed_pypirc_rule() { return std::make_unique<CommittedPypircRule>(); }

}  // namespace pysec
