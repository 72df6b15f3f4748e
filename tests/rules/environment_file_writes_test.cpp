#include <catch2/catch.hpp>

#include "rules/workflow/environment_file_writes.hpp"

using namespace pysec;

namespace {

// "GITHUB_ENV:fixed" / "GITHUB_PATH:open" for each write, with its text.
std::vector<std::string> writes_of(const std::string& script, shell::Dialect dialect = shell::Dialect::Posix) {
    std::vector<std::string> result;
    for (const EnvironmentFileWrite& write : environment_file_writes(shell::parse_script(script, dialect))) {
        result.push_back(write.file + ":" + (write.fixed_text ? "fixed" : "open") + ":" +
                         script.substr(write.begin, write.end - write.begin));
    }
    return result;
}

using Writes = std::vector<std::string>;

}  // namespace

TEST_CASE("environment files: redirections of fixed and open text", "[rules][github-env]") {
    CHECK(writes_of("echo FOO=bar >> $GITHUB_ENV") == Writes{"GITHUB_ENV:fixed:echo FOO=bar >> $GITHUB_ENV"});
    CHECK(writes_of("echo \"FOO=bar\" >> \"$GITHUB_ENV\"") ==
          Writes{"GITHUB_ENV:fixed:echo \"FOO=bar\" >> \"$GITHUB_ENV\""});
    CHECK(writes_of("echo 'X=$literal' > ${GITHUB_ENV}") ==
          Writes{"GITHUB_ENV:fixed:echo 'X=$literal' > ${GITHUB_ENV}"});
    CHECK(writes_of("echo \"X=$Y\" >> $GITHUB_ENV") == Writes{"GITHUB_ENV:open:echo \"X=$Y\" >> $GITHUB_ENV"});
    CHECK(writes_of("echo \"X=$(date)\" >> $GITHUB_ENV").at(0).starts_with("GITHUB_ENV:open"));
    CHECK(writes_of("echo X=`date` >> $GITHUB_ENV").at(0).starts_with("GITHUB_ENV:open"));
    CHECK(writes_of("echo 'X=${{ github.head_ref }}' >> $GITHUB_ENV").at(0).starts_with("GITHUB_ENV:open"));
    CHECK(writes_of("python tool.py >> $GITHUB_ENV") == Writes{"GITHUB_ENV:open:python tool.py >> $GITHUB_ENV"});
    CHECK(writes_of("{ echo A=1; echo B=2; } >> $GITHUB_ENV").at(0).starts_with("GITHUB_ENV:open"));
    CHECK(writes_of("echo x > out.txt\necho $X >> $GITHUB_OUTPUT").empty());
    CHECK(writes_of("echo X=$Y >>$GITHUB_ENV") == Writes{"GITHUB_ENV:open:echo X=$Y >>$GITHUB_ENV"});
    CHECK(writes_of("if true; then echo \"X=$Y\" >> \"$GITHUB_ENV\"; fi").at(0).starts_with("GITHUB_ENV:open"));
}

TEST_CASE("environment files: values the runner sets count as fixed", "[rules][github-env]") {
    CHECK(writes_of("echo \"$HOME/.local/bin\" >> $GITHUB_PATH").at(0).starts_with("GITHUB_PATH:fixed"));
    CHECK(writes_of("echo \"${GITHUB_WORKSPACE}/bin\" >> \"$GITHUB_PATH\"").at(0).starts_with("GITHUB_PATH:fixed"));
    CHECK(writes_of("echo \"${{ runner.temp }}/tools\" >> $GITHUB_PATH").at(0).starts_with("GITHUB_PATH:fixed"));
    CHECK(writes_of("echo \"${HOME:-/x}/bin\" >> $GITHUB_PATH").at(0).starts_with("GITHUB_PATH:open"));
    CHECK(writes_of("echo \"${{ github.event.pull_request.title }}\" >> $GITHUB_ENV").at(0).starts_with(
        "GITHUB_ENV:open"));
    CHECK(expands_only_runner_values("$HOME/bin:${RUNNER_TEMP}"));
    CHECK(expands_only_runner_values("no dollar at all"));
    CHECK_FALSE(expands_only_runner_values("$1"));
    CHECK_FALSE(expands_only_runner_values("${{ inputs.path }}"));
}

TEST_CASE("environment files: heredocs, tee and pipelines", "[rules][github-env]") {
    CHECK(writes_of("cat <<EOF >> $GITHUB_ENV\nA=1\nB=2\nEOF\n").at(0).starts_with("GITHUB_ENV:fixed"));
    CHECK(writes_of("cat <<'EOF' >> $GITHUB_ENV\nA=$literal\nEOF\n").at(0).starts_with("GITHUB_ENV:fixed"));
    CHECK(writes_of("cat <<EOF >> $GITHUB_ENV\nA=$VALUE\nEOF\n").at(0).starts_with("GITHUB_ENV:open"));
    CHECK(writes_of("cat <<'EOF' >> $GITHUB_ENV\nA=${{ github.head_ref }}\nEOF\n").at(0).starts_with(
        "GITHUB_ENV:open"));
    CHECK(writes_of("echo A=1 | tee -a $GITHUB_ENV") == Writes{"GITHUB_ENV:fixed:echo A=1 | tee -a $GITHUB_ENV"});
    CHECK(writes_of("echo \"A=$B\" | tee -a \"$GITHUB_ENV\"").at(0).starts_with("GITHUB_ENV:open:echo"));
    CHECK(writes_of("cat vars | sed s/a/b/ | tee -a $GITHUB_ENV").at(0).starts_with("GITHUB_ENV:open:cat vars"));
    CHECK(writes_of("tee -a $GITHUB_ENV <<EOF\nA=1\nEOF\n").at(0).starts_with("GITHUB_ENV:fixed"));
}

TEST_CASE("environment files: PowerShell", "[rules][github-env]") {
    auto pwsh = shell::Dialect::PowerShell;
    CHECK(writes_of("\"PATH_X=C:\\tools\" | Out-File -FilePath $env:GITHUB_ENV -Append", pwsh).at(0).starts_with(
        "GITHUB_ENV:fixed"));
    CHECK(writes_of("\"X=$value\" | Out-File -FilePath $env:GITHUB_ENV -Append", pwsh).at(0).starts_with(
        "GITHUB_ENV:open"));
    CHECK(writes_of("Add-Content -Path $Env:GITHUB_PATH -Value \"C:\\tools\"", pwsh).at(0).starts_with(
        "GITHUB_PATH:fixed"));
    CHECK(writes_of("Add-Content -Path $env:GITHUB_ENV -Value \"X=$y\"", pwsh).at(0).starts_with("GITHUB_ENV:open"));
    CHECK(writes_of("echo \"X=$y\" >> $env:GITHUB_ENV", pwsh).at(0).starts_with("GITHUB_ENV:open"));
    CHECK(writes_of("Set-Content -Path out.txt -Value $y", pwsh).empty());
}

TEST_CASE("environment files: names of the files", "[rules][github-env]") {
    CHECK(environment_file_named("$GITHUB_ENV") == "GITHUB_ENV");
    CHECK(environment_file_named("${GITHUB_PATH}") == "GITHUB_PATH");
    CHECK(environment_file_named("$env:github_env") == "GITHUB_ENV");
    CHECK(environment_file_named("$GITHUB_ENV_FILE").empty());
    CHECK(environment_file_named("GITHUB_ENV").empty());
    CHECK(environment_file_named("$GITHUB_OUTPUT").empty());
}
