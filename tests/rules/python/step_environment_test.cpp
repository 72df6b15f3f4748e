#include <catch2/catch.hpp>

#include "parse/parse.hpp"
#include "rules/python/step_environment.hpp"

using namespace pysec;

namespace {

// A parsed workflow and a way to ask about one command of one step.
struct Fixture {
    explicit Fixture(const std::string& yaml) : parsed(parse_document("w.yml", yaml, DocumentFormat::Yaml)) {
        REQUIRE_FALSE(parsed.failure);
        workflow = *read_workflow(*parsed.document);
    }
    StepSite site(std::size_t job, std::size_t step) const {
        const WorkflowJob& owner = workflow.jobs.at(job);
        return StepSite{*parsed.document, &workflow, &owner, nullptr, owner.steps.at(step)};
    }
    ParsedFile parsed;
    Workflow workflow;
};

const char* setting_name(EnvSetting setting) {
    switch (setting) {
        case EnvSetting::Unset: return "unset";
        case EnvSetting::Enabled: return "enabled";
        case EnvSetting::Disabled: return "disabled";
    }
    return "?";
}

}  // namespace

TEST_CASE("step environment: boolean values as pip and uv read them", "[python][environment]") {
    for (const char* value : {"1", "true", "True", "yes", "on", "${{ vars.X }}", "$FROM_SHELL"}) {
        INFO(value);
        CHECK(env_setting_of_value(value) == EnvSetting::Enabled);
    }
    for (const char* value : {"0", "false", "no", "off", ""}) {
        INFO(value);
        CHECK(env_setting_of_value(value) == EnvSetting::Disabled);
    }
}

TEST_CASE("step environment: the nearest definition wins", "[python][environment]") {
    Fixture fixture("on: push\n"
                    "env: {UV_LOCKED: '1'}\n"
                    "jobs:\n"
                    "  a:\n"
                    "    env: {UV_LOCKED: '0'}\n"
                    "    steps:\n"
                    "      - run: uv sync\n"
                    "      - run: echo \"UV_LOCKED=1\" >> \"$GITHUB_ENV\"\n"
                    "      - run: |\n"
                    "          uv sync\n"
                    "          export UV_LOCKED=0\n"
                    "          uv sync\n"
                    "          UV_LOCKED=yes env UV_FROZEN=1 uv sync\n"
                    "      - run: uv sync\n"
                    "        env:\n"
                    "          UV_LOCKED: ${{ inputs.locked }}\n"
                    "  b:\n"
                    "    steps:\n"
                    "      - run: uv sync\n");
    auto setting = [&](std::size_t job, std::size_t step, std::size_t command, const char* name) {
        StepSite site = fixture.site(job, step);
        return std::string(setting_name(env_setting(site, site.step.commands.at(command), name)));
    };
    CHECK(setting(0, 0, 0, "UV_LOCKED") == "disabled");  // the job's env over the workflow's
    CHECK(setting(0, 2, 0, "UV_LOCKED") == "enabled");   // $GITHUB_ENV from an earlier step
    CHECK(setting(0, 2, 2, "UV_LOCKED") == "disabled");  // `export` earlier in the script
    CHECK(setting(0, 2, 3, "UV_LOCKED") == "enabled");   // on the command line
    CHECK(setting(0, 2, 3, "UV_FROZEN") == "enabled");   // through `env`
    CHECK(setting(0, 3, 0, "UV_LOCKED") == "enabled");   // an expression in the step's env
    CHECK(setting(1, 0, 0, "UV_LOCKED") == "enabled");   // the workflow's env
    CHECK(setting(1, 0, 0, "PIP_REQUIRE_HASHES") == "unset");
    StepSite site = fixture.site(1, 0);
    EnvLookup lookup = env_lookup(site, site.step.commands.at(0), "UV_LOCKED");
    REQUIRE(lookup.node);
    CHECK(lookup.node->value == "1");
}

TEST_CASE("step environment: the directory a command runs in", "[python][environment]") {
    Fixture fixture("on: push\n"
                    "defaults: {run: {working-directory: src}}\n"
                    "jobs:\n"
                    "  a:\n"
                    "    steps:\n"
                    "      - run: |\n"
                    "          pip install -r r.txt\n"
                    "          cd ../docs && pip install -r r.txt\n"
                    "          (cd sub && pip install -r r.txt)\n"
                    "          pip install -r r.txt\n"
                    "          cd \"$HOME\"\n"
                    "          pip install -r r.txt\n"
                    "      - run: pip install -r r.txt\n"
                    "        working-directory: ./tools/.\n"
                    "      - run: pip install -r r.txt\n"
                    "        working-directory: ${{ inputs.dir }}\n");
    auto directory = [&](std::size_t step, std::size_t command) {
        StepSite site = fixture.site(0, step);
        auto result = command_directory(site, site.step.commands.at(command));
        return result ? "[" + *result + "]" : std::string("unknown");
    };
    CHECK(directory(0, 0) == "[src]");
    CHECK(directory(0, 2) == "[docs]");
    CHECK(directory(0, 4) == "[docs/sub]");
    CHECK(directory(0, 5) == "[docs]");  // the subshell's `cd` does not last
    CHECK(directory(0, 7) == "unknown");
    CHECK(directory(1, 0) == "[tools]");
    CHECK(directory(2, 0) == "unknown");
}

TEST_CASE("step environment: jobs that can reach secrets", "[python][environment]") {
    Fixture fixture("on: push\n"
                    "jobs:\n"
                    "  token-only:\n"
                    "    steps:\n"
                    "      - run: gh pr list\n"
                    "        env: {GH_TOKEN: '${{ secrets.GITHUB_TOKEN }}'}\n"
                    "  secret:\n"
                    "    steps:\n"
                    "      - run: twine upload dist/*\n"
                    "        env: {TWINE_PASSWORD: '${{ secrets.PYPI_TOKEN }}'}\n"
                    "  inherit:\n"
                    "    uses: ./.github/workflows/x.yml\n"
                    "    secrets: inherit\n");
    const Document& document = *fixture.parsed.document;
    CHECK_FALSE(job_uses_secrets(document, fixture.workflow.jobs[0]));
    CHECK(job_uses_secrets(document, fixture.workflow.jobs[1]));
    CHECK(job_uses_secrets(document, fixture.workflow.jobs[2]));
}
