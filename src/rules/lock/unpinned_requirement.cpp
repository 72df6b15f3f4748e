// unpinned-requirement: a line of a requirement file meant as a lock that
// does not pin one version.

#include <map>
#include <optional>

#include "rules/all_rules.hpp"
#include "rules/lock/ci_requirement_installs.hpp"
#include "rules/lock/test_data_paths.hpp"

namespace pysec {
namespace {

constexpr RuleInfo unpinned_requirement_info{
    .id = "unpinned-requirement",
    .title = "requirement not pinned with == in a requirement file used as a lock",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "lockfiles",
    .what = "A requirement that is not pinned to one version (`==1.2.3` or `===1.2.3`) in a requirement file "
            "used as a lock: a file in which any line has `--hash`, whose name says lock or constraints "
            "(`constraints.txt`, `requirements.lock.txt`, `locked-deps.txt`: a word of the name starting with "
            "`lock` or `constraint`), or whose header says pip-compile or uv (`pip-compile`, `uv pip compile`, "
            "`uv export`) generated it. Every collected requirement file is read, and so is every file reached "
            "through `-r`/`-c`. A wildcard (`==1.*`) and several specifiers (`>=1,<2`) are not pins.\n"
            "Not reported: direct references (`name @ https://...`, paths, `-e`), which are pinned or not by "
            "what they point at (mutable-source judges VCS URLs); files that are not used as a lock, where "
            "ranges are normal; and files in test-data directories (a directory named `test`, `tests`, "
            "`testing`, `test-data`, `testdata`, `test_data` or `fixtures`: inputs of the repository's own "
            "tests, such as a requirements parser's fixtures) unless CI installs them.",
    .why = "A lock is a promise that every install gets the same, reviewed versions. One open range breaks "
           "it: the next install takes whatever release is newest, including one published minutes ago by "
           "whoever took over the package. In a file with hashes, pip's hash-checking mode refuses the whole "
           "install instead (\"all requirements must have their versions pinned with ==\"), so the line is "
           "also a broken build waiting to happen.",
    .fix = "Regenerate the file from its input with a resolver that pins everything (`uv pip compile "
           "--generate-hashes requirements.in -o requirements.txt`, or `pip-compile --generate-hashes`) "
           "instead of editing it by hand; or pin the line to the version you tested.",
    .example = "Before (requirements.lock.txt):\n"
               "  requests>=2.31\n"
               "After:\n"
               "  requests==2.32.3 \\\n"
               "      --hash=sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6\n",
};

class UnpinnedRequirementRule final : public Rule {
public:
    const RuleInfo& info() const override { return unpinned_requirement_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        std::optional<std::map<std::string, Location>> installed;  // computed on first need
        for (const RequirementDocument& file : context.project.requirement_documents()) {
            if (!file.used_as_lock()) continue;
            if (in_test_data_directory(file.path())) {
                if (!installed) installed = requirement_files_installed_in_ci(context.project);
                if (!installed->contains(file.path())) continue;
            }
            // What the line breaks: a hashed file fails to install, another lock lets versions drift.
            std::string consequence =
                file.has_hashes()         ? "in a file that pins with `--hash`: pip's hash-checking mode refuses the "
                                            "whole install"
                : file.pip_compile_output ? "in a file generated as a lock (pip-compile or uv): any matching version "
                                            "can be installed"
                                          : "in a file named as a lock or constraints: any matching version can be "
                                            "installed";
            for (const RequirementLine& line : file.lines) {
                if (line.direct_reference || line.pinned || !line.requirement) continue;
                const RequirementEntry& entry = line.entry;
                std::string text(file.document->text().substr(entry.requirement_begin,
                                                               entry.requirement_end - entry.requirement_begin));
                Location location{file.path(), file.document->span(entry.requirement_begin, entry.requirement_end),
                                  {}};
                Finding finding = finding_at(std::move(location),
                                             "`" + text + "` is not pinned with `==`, " + consequence);
                finding.help = line.requirement->name() + "==<version>  # regenerate with `uv pip compile "
                                                          "--generate-hashes`";
                sink.add(std::move(finding));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_unpinned_requirement_rule() { return std::make_unique<UnpinnedRequirementRule>(); }

}  // namespace pysec
