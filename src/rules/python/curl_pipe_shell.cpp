// curl-pipe-shell: code downloaded and executed in one go in a `run:`.

#include "rules/all_rules.hpp"
#include "rules/python/download_execute.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo curl_pipe_shell_info{
    .id = "curl-pipe-shell",
    .title = "script downloaded and executed without verification",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "python",
    .what = "A `run:` (workflow or composite action) that downloads code and runs it without writing it down "
            "or checking it:\n"
            "- a pipe from `curl` or `wget -O-` (or PowerShell `irm`/`iwr`/`Invoke-RestMethod`/"
            "`Invoke-WebRequest`, or `.DownloadString(...)`) into a shell (`sh`, `bash`, `zsh`, ... also behind "
            "`sudo`), an interpreter reading its program from standard input (`python -`, `perl`, `ruby`, "
            "`node`), `source /dev/stdin`, or `iex`/`Invoke-Expression`, with any filters in between;\n"
            "- downloaded code given as an argument: `bash <(curl ...)`, `sh -c \"$(curl ...)\"`, "
            "`eval \"$(wget -O- ...)\"`, `python3 -c \"$(curl ...)\"`, `iex (irm ...)`, "
            "`[scriptblock]::Create((irm ...))`;\n"
            "- the same inside a script string for another shell: `bash -c 'curl ... | sh'`, "
            "`powershell -c \"irm ... | iex\"`.\n"
            "Not reported: downloads written to a file (`curl -o`, `curl -O`, `wget` without `-O-`, "
            "`iwr -OutFile`), pipes into programs that do not execute their input (`tar`, `jq`, `gpg`, "
            "`python -c '...'`, `bash script.sh`), and `eval`/`iex` of locally generated text "
            "(`eval \"$(uv generate-shell-completion bash)\"`).",
    .why = "Whatever the server (or anyone who controls the domain, the CDN, or the release) returns at that "
           "moment runs in CI with the job's token and secrets, and nothing records what it was. Installer "
           "scripts have been replaced before: Codecov's bash uploader was modified for two months in 2021 to "
           "send CI environments, tokens included, to the attacker, and reached thousands of pipelines "
           "through `curl | bash`.",
    .fix = "Prefer a pinned action or package (`astral-sh/setup-uv` pinned to a commit, `pip install` from a "
           "hashed requirement file). Otherwise download a versioned file, verify its checksum, then run it: "
           "`curl -fsSLo install.sh https://.../v1.2.3/install.sh && echo \"<sha256>  install.sh\" | "
           "sha256sum -c - && sh install.sh`.",
    .example = "Before:\n"
               "  - run: curl -LsSf https://astral.sh/uv/install.sh | sh\n"
               "After:\n"
               "  - uses: astral-sh/setup-uv@<full commit SHA> # v6.4.3\n"
               "    with:\n"
               "      version: \"0.8.13\"\n",
};

class CurlPipeShellRule final : public Rule {
public:
    const RuleInfo& info() const override { return curl_pipe_shell_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_step(context.project, [&](const StepSite& site) {
            for (const DownloadExecution& execution : find_download_executions(site.step.commands)) {
                std::string source = execution.url.empty() ? "downloaded code" : "`" + execution.url + "`";
                std::string message = source + " is downloaded with `" + execution.downloader + "` and run by `" +
                                      execution.executor + "` unverified: whatever the server returns runs in CI";
                Finding finding =
                    finding_at(run_location(site.document, site.step, execution.begin, execution.end), message);
                finding.help = "download to a file, check its sha256 (`sha256sum -c`), then run it; or use a "
                               "pinned action or package instead";
                sink.add(std::move(finding));
            }
        });
    }
};

}  // namespace

std::unique_ptr<Rule> make_curl_pipe_shell_rule() { return std::make_unique<CurlPipeShellRule>(); }

}  // namespace pysec
