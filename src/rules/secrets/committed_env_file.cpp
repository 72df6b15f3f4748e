// committed-env-file: a tracked `.env` file that assigns secrets.

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/secrets/env_file.hpp"
#include "rules/secrets/secret_names.hpp"

namespace pysec {
namespace {

constexpr RuleInfo committed_env_file_info{
    .id = "committed-env-file",
    .title = "environment file with secrets committed to the repository",
    .severity = Severity::High,
    .confidence = Confidence::Medium,
    .persona = Persona::Regular,
    .family = "secrets",
    .what = "A tracked `.env` or `.env.*` file (anywhere in the repository) that assigns a non-empty value to a "
            "secret-looking variable: a name with a word such as SECRET, TOKEN, PASSWORD, PASSWD, PASS, PWD, KEY, "
            "APIKEY, CREDENTIALS or AUTH (`DB_PASSWORD`, `DJANGO_SECRET_KEY`, `GITHUB_TOKEN`). One finding per "
            "variable, on its value; the value is never shown.\n\n"
            "Not reported: templates (`.env.example`, `.env.sample`, `.env.template`, `.env.dist`, also with "
            "another suffix such as `.env.local.example`); names about a secret rather than the secret "
            "(`SSH_KEY_PATH`, `AWS_ACCESS_KEY_ID`, `TOKEN_TTL`, `PUBLIC_KEY`, `STRIPE_PUBLISHABLE_KEY`, `PWD`); "
            "empty values, references (`$VAR`, `${VAR}`), placeholders (`<token>`, `changeme`, "
            "`your-token-here`, `xxxx`, anything with `example` or `dummy`) and development defaults (`dev`, "
            "`test`, `secret`, `password`, `true`, `none`). Known token formats are reported by "
            "`hardcoded-secret` as well, in any file.",
    .why = "A committed `.env` ships its secrets to everyone who can read the repository, its forks and every "
           "clone, and git keeps them in history after the file is deleted. Leaked `.env` files are one of the "
           "most common sources of cloud-credential theft found by secret scanners.",
    .fix = "Rotate the values, stop tracking the file (`git rm --cached .env`, add `.env` to `.gitignore`), "
           "and commit a `.env.example` with empty values instead.",
    .example = "Before (.env, tracked):\n"
               "  DATABASE_PASSWORD=s3cr3t-Pr0d\n"
               "After (.env.example, tracked; .env ignored):\n"
               "  DATABASE_PASSWORD=\n",
};

bool is_template_name(std::string_view path) {
    auto slash = path.rfind('/');
    std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
    std::string lower = to_lower(name);
    std::size_t start = 0;
    while (start < lower.size()) {
        std::size_t dot = lower.find('.', start);
        std::string_view part = std::string_view(lower).substr(start, dot == std::string::npos ? std::string::npos
                                                                                              : dot - start);
        if (part == "example" || part == "sample" || part == "template" || part == "dist") return true;
        if (dot == std::string::npos) break;
        start = dot + 1;
    }
    return false;
}

class CommittedEnvFileRule final : public Rule {
public:
    const RuleInfo& info() const override { return committed_env_file_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for (const ProjectFile& file : context.project.files()) {
            if (file.kind != FileKind::EnvFile || !file.document || is_template_name(file.path)) continue;
            const Document& document = *file.document;
            for (const EnvAssignment& assignment : read_env_assignments(document.text())) {
                if (!is_secret_looking_name(assignment.key) || is_placeholder_value(assignment.value)) continue;
                Finding finding = finding_at(
                    Location{document.path(), document.span(assignment.value_begin, assignment.value_end), {}},
                    "`" + file.path + "` is committed and assigns `" + assignment.key +
                        "` (value hidden): everyone who can read the repository can read it");
                finding.redact_source = true;
                finding.help = "rotate the value, `git rm --cached " + file.path + "`, add it to .gitignore, and "
                               "commit a template with `" + assignment.key + "=` instead";
                sink.add(std::move(finding));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_committed_env_file_rule() { return std::make_unique<CommittedEnvFileRule>(); }

}  // namespace pysec
