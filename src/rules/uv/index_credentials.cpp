// index-credentials: a URL with a user and password (or token) committed to
// the repository, in the places pip and uv read package URLs from.

#include <set>

#include "rules/all_rules.hpp"
#include "rules/uv/environment_variables.hpp"
#include "core/url_parts.hpp"

namespace pysec {
namespace {

constexpr RuleInfo index_credentials_info{
    .id = "index-credentials",
    .title = "credentials written into a package index or source URL",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "uv",
    .what = "A URL whose user-info holds a secret (`https://user:token@host/...`, or a bare user that is a token "
            "such as `https://ghp_...@github.com`) anywhere in a requirement file, pip.conf/pip.ini, "
            "pyproject.toml (index URLs, `[tool.uv.sources]`, dependency URLs, Poetry sources...), uv.toml, or a "
            "committed `.env` file (not `.env.example`, `.sample`, `.template`, `.dist`), and in the values of "
            "`env:` entries of workflows and actions and of a dev container's "
            "`remoteEnv`/`containerEnv`. A password made only of variable references (`${PIP_TOKEN}`, `$TOKEN`, "
            "`${{ secrets.TOKEN }}`), which pip, uv or the runner fill in at run time, is the right way and not "
            "reported, nor is a user without a password (`git@`, `__token__@`), nor a URL to the machine itself "
            "(`localhost`). The secret is replaced by `****` in every message and in the source line the text "
            "report shows.",
    .why = "A token in a committed URL is readable by everyone who can read the repository, its forks and its "
           "history, and it usually grants more than reading one index (GitLab and GitHub tokens, Artifactory API "
           "keys). Leaked index tokens have let attackers publish packages to private registries; secret scanners "
           "find them in public repositories within minutes.",
    .fix = "Revoke the token, then pass credentials at run time: an environment reference in requirement files "
           "(`https://${PIP_INDEX_USER}:${PIP_INDEX_TOKEN}@host/simple`, which pip expands), `UV_INDEX_<NAME>_USERNAME` "
           "and `UV_INDEX_<NAME>_PASSWORD` for a named uv index, keyring, or `${{ secrets.X }}` in workflows.",
    .example = "Before:\n"
               "  --extra-index-url https://ci:s3cr3t@pkgs.example.com/simple\n"
               "After:\n"
               "  --extra-index-url https://${PKGS_USER}:${PKGS_TOKEN}@pkgs.example.com/simple\n",
};

bool is_template_env_file(std::string_view path) {
    for (std::string_view suffix : {".example", ".sample", ".template", ".dist"}) {
        if (path.ends_with(suffix)) return true;
    }
    return false;
}

class IndexCredentialsRule final : public Rule {
public:
    const RuleInfo& info() const override { return index_credentials_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        std::set<std::pair<const Document*, std::size_t>> seen;
        for (const ProjectFile& file : context.project.files()) {
            if (!file.document) continue;
            switch (file.kind) {
                case FileKind::Requirements:
                case FileKind::PipConf:
                case FileKind::Pyproject:
                case FileKind::UvToml: scan(*file.document, 0, file.document->text(), nullptr, describe(file.kind), seen, sink); break;
                case FileKind::EnvFile:
                    // `.env.example` and friends hold placeholders by convention.
                    if (!is_template_env_file(file.path)) {
                        scan(*file.document, 0, file.document->text(), nullptr, "this environment file", seen, sink);
                    }
                    break;
                default: break;
            }
        }
        for_each_environment_variable(context.project, [&](const EnvironmentVariable& variable) {
            if (!variable.value.is_scalar()) return;
            std::string_view source = variable.document.source(variable.value);
            scan(variable.document, variable.value.begin, source, &variable.value,
                 "`" + variable.key.value + "` (" + variable.scope + " env)", seen, sink);
        });
    }

private:
    static std::string describe(FileKind kind) {
        switch (kind) {
            case FileKind::Requirements: return "this requirement file";
            case FileKind::PipConf: return "this pip configuration";
            case FileKind::Pyproject: return "pyproject.toml";
            default: return "uv.toml";
        }
    }

    static std::string help_for(const Document& document, const std::string& redacted) {
        std::string with_variables = redacted;
        if (auto star = with_variables.find("****"); star != std::string::npos) {
            with_variables.replace(star, 4, "${INDEX_USER}:${INDEX_TOKEN}");
        }
        switch (document.format()) {
            case DocumentFormat::Yaml: return "${{ secrets.INDEX_URL }}  # and revoke the committed token";
            case DocumentFormat::Text:
                if (document.path().find(".env") != std::string::npos) {
                    return "keep the file out of the repository (add it to .gitignore, commit a `.env.example`) and "
                           "revoke the committed token";
                }
                return with_variables + "  # pip expands ${VARS}; revoke the committed token";
            default:
                return "remove the credentials from the URL and pass them at run time (UV_INDEX_<NAME>_USERNAME/"
                       "_PASSWORD, keyring, or PIP_* environment variables); revoke the committed token";
        }
    }

    void scan(const Document& document, std::size_t base, std::string_view text, const Node* node,
              const std::string& where, std::set<std::pair<const Document*, std::size_t>>& seen,
              FindingSink& sink) const {
        for (const UrlInText& match : find_urls_with_credentials(text)) {
            if (is_loopback_host(match.parts.host)) continue;
            std::size_t userinfo_begin = base + match.begin + match.parts.userinfo_begin;
            if (!seen.insert({&document, userinfo_begin}).second) continue;
            std::string_view url = text.substr(match.begin, match.end - match.begin);
            std::string redacted = redact_credentials(url, match.parts);
            Location location{document.path(),
                              document.span(userinfo_begin, base + match.begin + match.parts.userinfo_end), {}};
            Finding finding = finding_at(location, "`" + redacted + "` in " + where +
                                                       " carries credentials: anyone who can read the repository "
                                                       "can use them");
            finding.node = node;
            finding.redact_source = true;
            finding.help = help_for(document, redacted);
            sink.add(std::move(finding));
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_index_credentials_rule() { return std::make_unique<IndexCredentialsRule>(); }

}  // namespace pysec
