// insecure-url-scheme: a pre-commit hook repository fetched over plain HTTP or git://.

#include "core/text.hpp"
#include "rules/all_rules.hpp"
#include "rules/precommit/precommit_repos.hpp"

namespace pysec {
namespace {

constexpr RuleInfo insecure_url_scheme_info{
    .id = "insecure-url-scheme",
    .title = "pre-commit hook repository fetched without TLS",
    .severity = Severity::High,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "precommit",
    .what = "A `repos[]` entry of `.pre-commit-config.yaml` whose `repo:` URL starts with `http://` or "
            "`git://` (any case). `https://`, `ssh://`, `git@host:` and local paths are fine. The id is "
            "zizmor's, for the same check.",
    .why = "Neither `http://` nor the `git://` protocol authenticates the server or protects the data: anyone "
           "on the network path (a café Wi-Fi, a compromised router, a CI provider's proxy) can serve other code "
           "for the hook, and pre-commit runs it on every commit. A commit `rev` does not help when the "
           "attacker can also answer for that commit on a first clone with a crafted history.",
    .fix = "Use the `https://` URL of the repository.",
    .example = "Before:\n"
               "  - repo: git://github.com/pre-commit/pre-commit-hooks\n"
               "After:\n"
               "  - repo: https://github.com/pre-commit/pre-commit-hooks\n",
};

class InsecureUrlSchemeRule final : public Rule {
public:
    const RuleInfo& info() const override { return insecure_url_scheme_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_remote_precommit_repo(context.project, [&](const PrecommitRepo& repo) {
            std::string_view url = repo.repo.value;
            bool http = starts_with_icase(url, "http://");
            if (!http && !starts_with_icase(url, "git://")) return;
            std::string scheme = http ? "http://" : "git://";
            Finding finding = finding_at(repo.document, repo.repo,
                                         "`" + std::string(url) + "` is fetched over " + scheme +
                                             ", without TLS: anyone on the network path can replace the hook's code");
            finding.help = "repo: https://" + std::string(url.substr(scheme.size()));
            sink.add(std::move(finding));
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_insecure_url_scheme_rule() { return std::make_unique<InsecureUrlSchemeRule>(); }

}  // namespace pysec
