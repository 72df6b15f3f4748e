// hardcoded-secret: a credential with a known format in a collected file.

#include "core/secret_tokens.hpp"
#include "rules/all_rules.hpp"

namespace pysec {
namespace {

constexpr RuleInfo hardcoded_secret_info{
    .id = "hardcoded-secret",
    .title = "credential committed to the repository",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "secrets",
    .what = "A credential with a recognisable format anywhere in any collected file (workflows, actions, "
            "configs, requirement files, lock files, `.env`, `.pypirc`, ...), comments included:\n"
            "- PyPI API tokens: `pypi-AgE` and at least 60 base64url characters in all;\n"
            "- GitHub tokens: the prefixes ghp, gho, ghu, ghs and ghr, an underscore, and 36 (or more) letters "
            "and digits, and fine-grained `github_pat_` tokens;\n"
            "- AWS access key ids: `AKIA` or `ASIA` and 16 upper-case letters and digits, standing alone;\n"
            "- private keys: a `-----BEGIN ... PRIVATE KEY-----` block (RSA, EC, OPENSSH, PGP, encrypted) up to "
            "its END line, with at least 40 base64 characters inside.\n"
            "Placeholders are not reported: a random part containing `EXAMPLE` (AWS's documented "
            "`AKIAIOSFODNN7EXAMPLE`), five identical characters in a row (`ghp_xxxxx...`), six ascending ones "
            "(`123456`, `abcdef`) or too few distinct characters, and key blocks shortened with `...`. "
            "`${{ secrets.X }}` references are not tokens. The finding points at the token; its message, help, "
            "and every report (text source lines, JSON, SARIF, annotations, job summary) show only the prefix "
            "(`pypi-****`).",
    .why = "A committed credential is public to everyone who can read the repository, its forks and every "
           "clone, and stays in git history after it is deleted. Attackers scan public repositories for these "
           "formats within minutes of a push; a PyPI token lets them upload a malicious release, a GitHub token "
           "push to your repositories.",
    .fix = "Revoke the credential first (PyPI account settings, GitHub token settings, AWS IAM), then remove it "
           "from the file and from history. Use trusted publishing for PyPI, `${{ secrets.X }}` or "
           "`${{ github.token }}` in workflows, and OIDC roles for AWS.",
    .example = "Before:\n"
               "  env:\n"
               "    TWINE_PASSWORD: pypi-AgEIcHlwaS5vcmc...\n"
               "After:\n"
               "  permissions:\n"
               "    id-token: write\n"
               "  steps:\n"
               "    - uses: pypa/gh-action-pypi-publish@<sha>\n",
};

std::string_view remedy(SecretKind kind) {
    switch (kind) {
        case SecretKind::PypiToken:
            return "revoke it on pypi.org (Account settings, API tokens), remove it from the file and the git "
                   "history, and publish with trusted publishing";
        case SecretKind::GithubToken:
        case SecretKind::GithubFineGrainedToken:
            return "revoke it (GitHub settings, Developer settings, tokens), remove it from the file and the git "
                   "history, and use `${{ secrets.NAME }}` or `${{ github.token }}`";
        case SecretKind::AwsAccessKeyId:
            return "deactivate the key in AWS IAM, remove it from the file and the git history, and use an OIDC "
                   "role (aws-actions/configure-aws-credentials with role-to-assume)";
        case SecretKind::PrivateKey:
            return "treat the key as compromised: replace it wherever it is trusted, and remove it from the file "
                   "and the git history";
    }
    return "revoke it and remove it from the file and the git history";
}

class HardcodedSecretRule final : public Rule {
public:
    const RuleInfo& info() const override { return hardcoded_secret_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const ProjectFile& file : context.project.files()) {
            if (!file.document) continue;
            const Document& document = *file.document;
            std::string_view text = document.text();
            for (const SecretToken& token : find_secret_tokens(text)) {
                std::string what(describe(token.kind));
                std::string shown = token.kind == SecretKind::PrivateKey ? "-----BEGIN ... PRIVATE KEY-----"
                                                                         : redacted_token(text, token);
                Finding finding = finding_at(Location{document.path(), document.span(token.begin, token.end), {}},
                                             std::string(what.starts_with("AWS") ? "an " : "a ") + what + " (`" + shown +
                                                 "`) is committed here: anyone who can read the repository can use it");
                finding.redact_source = true;
                finding.help = std::string(remedy(token.kind));
                sink.add(std::move(finding));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_hardcoded_secret_rule() { return std::make_unique<HardcodedSecretRule>(); }

}  // namespace pysec
