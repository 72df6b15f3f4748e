#include <catch2/catch.hpp>

#include "rules/workflow/runs_code_from.hpp"
#include "rules/workflow/untrusted_checkout.hpp"

using namespace pysec;

namespace {

bool runs(std::string_view script, std::string_view directory) {
    for (const auto& command : shell::parse_script(script, shell::Dialect::Posix)) {
        if (runs_code_from(command, directory)) return true;
    }
    return false;
}

}  // namespace

TEST_CASE("untrusted heads in ref and repository values", "[rules][pwn-request]") {
    CHECK(names_untrusted_head("${{ github.event.pull_request.head.sha }}"));
    CHECK(names_untrusted_head("${{ github.head_ref }}"));
    CHECK(names_untrusted_head("${{ github.event.pull_request.head.repo.full_name }}"));
    CHECK(names_untrusted_head("${{ github.event.workflow_run.head_branch }}"));
    CHECK(names_untrusted_head("${{ github.event.pull_request.merge_commit_sha }}"));
    CHECK(names_untrusted_head("${{ github.event_name == 'pull_request_target' && github.event.pull_request.head.sha || github.sha }}"));
    CHECK(names_untrusted_head("refs/pull/${{ github.event.number }}/head"));
    CHECK_FALSE(names_untrusted_head("${{ github.event.pull_request.base.sha }}"));
    CHECK_FALSE(names_untrusted_head("${{ contains(github.head_ref, 'x') && 'main' || 'dev' }}"));
    CHECK_FALSE(names_untrusted_head("${{ github.sha }}"));
    CHECK_FALSE(names_untrusted_head("main"));
}

TEST_CASE("workspace paths are normalised", "[rules][pwn-request]") {
    CHECK(normalize_workspace_path("./pr/") == "pr");
    CHECK(normalize_workspace_path(".") == "");
    CHECK(normalize_workspace_path("${{ github.workspace }}/pr/docs") == "pr/docs");
    CHECK(normalize_workspace_path("$GITHUB_WORKSPACE/pr") == "pr");
    CHECK(normalize_workspace_path("a//b/./c") == "a/b/c");
    CHECK(is_inside_directory("./pr/x.py", "pr"));
    CHECK(is_inside_directory("pr", "pr"));
    CHECK_FALSE(is_inside_directory("prx/x.py", "pr"));
    CHECK_FALSE(is_inside_directory("/pr/x.py", "pr"));
    CHECK(is_inside_directory("anything", ""));
}

TEST_CASE("commands that run code from a directory", "[rules][pwn-request]") {
    CHECK(runs("cd pr && make", "pr"));
    CHECK(runs("pushd ./pr", "pr"));
    CHECK(runs("./pr/build.sh --fast", "pr"));
    CHECK(runs("bash pr/ci.sh", "pr"));
    CHECK(runs("sudo -E python3 pr/setup.py install", "pr"));
    CHECK(runs("python -m pip install -e ./pr", "pr"));
    CHECK(runs("pip install -r pr/requirements.txt", "pr"));
    CHECK(runs("uv sync --project=pr", "pr"));
    CHECK(runs("npm ci --prefix pr", "pr"));
    CHECK(runs("make -C pr test", "pr"));
    CHECK(runs("poetry run python pr/tools/check.py", "pr"));
    CHECK(runs("uv run --directory pr pytest", "pr"));
    CHECK(runs("sphinx-build pr/docs out", "pr"));

    CHECK_FALSE(runs("ls pr && cat pr/README.md", "pr"));
    CHECK_FALSE(runs("cp -r pr/docs site", "pr"));
    CHECK_FALSE(runs("hugo --source pr", "pr"));
    CHECK_FALSE(runs("poetry run python bin/website build --local ./pr", "pr"));
    CHECK_FALSE(runs("python -c 'print(1)' pr", "pr"));
    CHECK_FALSE(runs("pip install ./other", "pr"));
    CHECK_FALSE(runs("cd /tmp/pr && make", "pr"));
}
