// unhashed-requirement: pinned requirements that pip installs without
// checking what it downloads, and hashes pip cannot use.

#include <algorithm>
#include <cctype>
#include <map>

#include "rules/all_rules.hpp"
#include "rules/lock/ci_requirement_installs.hpp"
#include "rules/lock/test_data_paths.hpp"

namespace pysec {
namespace {

constexpr RuleInfo unhashed_requirement_info{
    .id = "unhashed-requirement",
    .title = "pinned requirement without --hash, or an unusable hash",
    .severity = Severity::Medium,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "lockfiles",
    .what = "A requirement pinned with `==`/`===` that has no `--hash`, in a requirement file that CI installs "
            "or that pip-compile or uv generated:\n"
            "- when no line of the file has a hash, one finding for the file, on its first pinned requirement, "
            "with the number of such lines;\n"
            "- when some lines have hashes, one finding per pinned line without one: pip then runs in "
            "hash-checking mode and refuses the whole install (uv checks the hashes it is given and installs "
            "that line unverified).\n"
            "Installed in CI: a `run:` of a workflow or composite action runs `pip install -r f` (also `python "
            "-m pip`, `pip3`, behind `sudo`, `env` or `uv run`), `uv pip install -r f`, `uv pip sync f` or "
            "`pip-sync f`, with `f` resolved against the step's `working-directory` and any `cd` before it; the "
            "files such a file includes with `-r` are installed too. The install command is a related location. "
            "The files judged are the requirement files the scan collects (RULES.md's name patterns, and the "
            "files they reach through `-r`/`-c`).\n"
            "In every requirement file, a `--hash` whose algorithm is not sha256, sha384 or sha512 (pip rejects "
            "the file), or whose digest has the wrong length or is not hexadecimal (it can never match), is "
            "reported with high severity.\n"
            "Not reported: unpinned lines (unpinned-requirement), direct references and `-e` lines; files "
            "that are neither installed in CI nor generated (a file people install by hand, or a list of ranges "
            "for a library); and files in test-data directories (a directory named `test`, `tests`, `testing`, "
            "`test-data`, `testdata`, `test_data` or `fixtures`: inputs of the repository's own tests, where a "
            "broken hash may be the point) unless CI installs them.",
    .why = "A `==` pin names a version, not a file. pip downloads whatever the index serves for that version; "
           "with `--hash` it refuses anything else. Without hashes a compromised mirror or index, a man in the "
           "middle, or a new wheel added to an old release (PyPI accepts new files for existing versions) runs "
           "in CI with its tokens. The hashes are what make a pinned file a lock.",
    .fix = "Generate the file with hashes (`uv pip compile --generate-hashes requirements.in -o "
           "requirements.txt` or `pip-compile --generate-hashes`), commit it, and install it with `pip install "
           "--require-hashes -r requirements.txt`. Replace a weak or malformed hash with the sha256 of the file.",
    .example = "Before:\n"
               "  ruff==0.6.9\n"
               "After:\n"
               "  ruff==0.6.9 \\\n"
               "      --hash=sha256:a67267654edc23c97335586774790cde402fb6bbdb3c2314f1fc087dee320bfa\n",
};

struct Digest {
    std::string_view algorithm;
    std::size_t hex_length;
};
constexpr Digest accepted_digests[] = {{"sha256", 64}, {"sha384", 96}, {"sha512", 128}};

// Why pip cannot use this `--hash` value, or "" when it can.
std::string hash_problem(std::string_view value) {
    auto colon = value.find(':');
    if (colon == std::string_view::npos) return "is not `<algorithm>:<hex digest>`, and pip rejects the file";
    std::string_view algorithm = value.substr(0, colon);
    std::string_view digest = value.substr(colon + 1);
    for (const Digest& accepted : accepted_digests) {
        if (algorithm != accepted.algorithm) continue;
        bool hex = std::all_of(digest.begin(), digest.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); });
        if (digest.size() != accepted.hex_length || !hex) {
            return "is not a " + std::string(algorithm) + " digest (" + std::to_string(accepted.hex_length) +
                   " hexadecimal digits): it can never match, and the install fails";
        }
        return {};
    }
    return "uses `" + std::string(algorithm) + "`, which pip does not accept (only sha256, sha384 and sha512)";
}

class UnhashedRequirementRule final : public Rule {
public:
    const RuleInfo& info() const override { return unhashed_requirement_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        std::map<std::string, Location> installed = requirement_files_installed_in_ci(context.project);
        for (const RequirementDocument& file : context.project.requirement_documents()) {
            auto install = installed.find(file.path());
            if (install == installed.end() && in_test_data_directory(file.path())) continue;
            check_hash_values(file, sink);
            if (install == installed.end() && !file.pip_compile_output) continue;
            const Location* install_location = install == installed.end() ? nullptr : &install->second;
            std::vector<const RequirementLine*> unhashed;
            for (const RequirementLine& line : file.lines) {
                if (line.pinned && line.hashes.empty()) unhashed.push_back(&line);
            }
            if (unhashed.empty()) continue;
            std::string why = install_location ? "CI installs this file" : "pip-compile or uv generated this file";
            if (!file.has_hashes()) {
                const RequirementLine& first = *unhashed.front();
                std::string count = unhashed.size() == 1 ? "1 pinned requirement" : std::to_string(unhashed.size()) + " pinned requirements";
                Finding finding = finding_at(line_location(file, first),
                                             "`" + file.path() + "` has " + count + " and no `--hash` (" + why +
                                                 "): pip installs whatever file the index serves for each version");
                if (install_location) finding.related.push_back(*install_location);
                finding.help = "uv pip compile --generate-hashes <input> -o " + file.path();
                sink.add(std::move(finding));
                continue;
            }
            for (const RequirementLine* line : unhashed) {
                Finding finding = finding_at(line_location(file, *line),
                                             "`" + requirement_text(file, *line) +
                                                 "` has no `--hash` while other lines of this file do: pip refuses "
                                                 "the whole install in hash-checking mode, and uv installs this line "
                                                 "unverified");
                if (install_location) finding.related.push_back(*install_location);
                finding.help = requirement_text(file, *line) + " --hash=sha256:<digest>";
                sink.add(std::move(finding));
            }
        }
    }

private:
    static std::string requirement_text(const RequirementDocument& file, const RequirementLine& line) {
        return std::string(file.document->text().substr(line.entry.requirement_begin,
                                                        line.entry.requirement_end - line.entry.requirement_begin));
    }

    static Location line_location(const RequirementDocument& file, const RequirementLine& line) {
        return Location{file.path(), file.document->span(line.entry.requirement_begin, line.entry.requirement_end), {}};
    }

    void check_hash_values(const RequirementDocument& file, FindingSink& sink) const {
        for (const RequirementLine& line : file.lines) {
            for (const RequirementOption& hash : line.hashes) {
                std::string problem = hash_problem(hash.value);
                if (problem.empty()) continue;
                // Name the package, not the line: a direct reference's URL may hold credentials.
                std::string subject = line.requirement ? "the hash of `" + line.requirement->name() + "`"
                                                       : std::string("this hash");
                Finding finding = finding_at(Location{file.path(), file.document->span(hash.begin, hash.end), {}},
                                             subject + " " + problem);
                finding.severity = Severity::High;
                finding.help = "--hash=sha256:<64 hexadecimal digits>";
                sink.add(std::move(finding));
            }
        }
    }
};

}  // namespace

std::unique_ptr<Rule> make_unhashed_requirement_rule() { return std::make_unique<UnhashedRequirementRule>(); }

}  // namespace pysec
