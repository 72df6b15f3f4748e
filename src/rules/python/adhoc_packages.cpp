// adhoc-packages: other ecosystems' packages installed by name in a `run:`.

#include "rules/all_rules.hpp"
#include "rules/python/adhoc_installs.hpp"
#include "rules/workflow/workflow_sites.hpp"

namespace pysec {
namespace {

constexpr RuleInfo adhoc_packages_info{
    .id = "adhoc-packages",
    .title = "package installed ad hoc, outside any lockfile",
    .severity = Severity::Low,
    .confidence = Confidence::High,
    .persona = Persona::Regular,
    .family = "workflows",
    .what = "A `run:` (workflow or composite action) that installs a named package of another ecosystem "
            "outside its lockfile: `npm install <pkg>` (and its aliases `npm i`, `npm add`, with or without "
            "`-g`), `yarn add`, `yarn global add`, `pnpm add`, `bun add`, `gem install <gem>`; `cargo install "
            "<crate>` unless it has both a version (`--version`, `crate@1.2.3`) and `--locked`; `go install "
            "mod@<ref>` when the ref is not a `vX.Y.Z` version (e.g. `@latest`, `@main`). Not reported: "
            "installs without a package name (`npm ci`, `npm install`, `bundle install`), local paths and "
            "tarballs, `cargo install --path`, `go install ./cmd/x`, operands that are only variables, and "
            "system packages (`apt-get`, `brew`), whose repositories are signed. Updating the package manager "
            "itself (`npm install -g npm`) is informational. `npx`/`pnpm dlx`/`bunx` are not reported: they "
            "run the project's own locked copy when there is one, which cannot be told from the workflow. "
            "Python installs are `unhashed-pip-install`'s business.",
    .why = "A package installed by name takes whatever the registry serves today, and with it the newest "
           "version of every dependency it allows. The npm worms of 2025 ('Shai-Hulud' and the compromised "
           "`chalk`/`debug` releases) spread through exactly such installs within hours, stealing CI tokens "
           "and publishing themselves with them.",
    .fix = "Declare the tool in the ecosystem's manifest and install from its lockfile (`npm ci`, "
           "`bundle install` with a committed Gemfile.lock), or use a pinned setup action; for Cargo, "
           "`cargo install crate --version X.Y.Z --locked`; for Go, `go install mod@vX.Y.Z`.",
    .example = "Before:\n"
               "  - run: npm install -g markdownlint-cli\n"
               "After (package.json devDependencies and package-lock.json committed):\n"
               "  - run: npm ci\n"
               "  - run: npx markdownlint .\n",
};

class AdhocPackagesRule final : public Rule {
public:
    const RuleInfo& info() const override { return adhoc_packages_info; }

    void check(const RuleContext& context, FindingSink& sink) const override {
        for_each_step(context.project, [&](const StepSite& site) {
            for (const shell::Command& command : site.step.commands) {
                std::optional<AdhocInstall> install = adhoc_install(shell::invocation_of(command));
                if (!install) continue;
                std::string names;
                for (const shell::Word* word : install->packages) names += (names.empty() ? "`" : ", `") + word->text + "`";
                Finding finding = finding_at(
                    run_location(site.document, site.step, command.begin, command.end),
                    install->self_update
                        ? "`" + install->manager + "` updates the package manager itself from the registry, unpinned"
                        : "`" + install->manager + "` installs " + names +
                              " by name, outside any lockfile: the newest release and its dependencies run here");
                if (install->self_update) finding.severity = Severity::Informational;
                finding.help = help_for(install->manager);
                sink.add(std::move(finding));
            }
        });
    }

private:
    static std::string help_for(const std::string& manager) {
        if (manager.starts_with("cargo")) return "cargo install <crate> --version <X.Y.Z> --locked";
        if (manager.starts_with("go")) return "go install <module>@v<X.Y.Z>";
        if (manager.starts_with("gem")) return "declare the gem in a Gemfile with a committed Gemfile.lock and run `bundle install`";
        return "declare the package in package.json, commit the lockfile and install with `npm ci` (or the "
               "manager's frozen-lockfile install)";
    }
};

}  // namespace

std::unique_ptr<Rule> make_adhoc_packages_rule() { return std::make_unique<AdhocPackagesRule>(); }

}  // namespace pysec
