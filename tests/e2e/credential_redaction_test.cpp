// index-credentials: a password or token written into a package URL never
// leaves pysec unredacted, in any output format, and neither do the other
// configuration rules that quote the same URLs.

#include <catch2/catch.hpp>

#include "e2e/simulated_runner.hpp"

using namespace pysec;

namespace {

// Each secret is distinct, so that a leak names the place it came from.
const std::vector<std::string> secrets = {"reqfile-secret-41", "pipconf-secret-42", "workflow-secret-43",
                                          "pyproject-secret-44", "x7Hq2LmP9vRt4WzK8nBc3JdFq2Lm"};

void write_credentials(const test::TempDir& directory) {
    directory.write("requirements.txt", "--extra-index-url https://ci:reqfile-secret-41@pkgs.example.com/simple\n");
    directory.write("pip.conf", "[global]\nindex-url = http://deploy:pipconf-secret-42@pkgs.example.com/simple\n"
                                "trusted-host = pkgs.example.com\n");
    directory.write(".github/workflows/install.yml",
                    "name: install\non: push\npermissions: {}\n"
                    "env:\n  PIP_EXTRA_INDEX_URL: https://reader:workflow-secret-43@pkgs.example.com/simple\n"
                    "jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: uvx zizmor@1.14.2 .\n");
    directory.write("pyproject.toml",
                    "[project]\nname = \"sample\"\nversion = \"0.1.0\"\n\n"
                    "[tool.uv]\nexclude-newer = \"7 days\"\nno-build = true\n"
                    "extra-index-url = [\"https://token:pyproject-secret-44@legacy.example.com/simple\"]\n\n"
                    "[tool.uv.sources]\ninternal = { git = \"https://x7Hq2LmP9vRt4WzK8nBc3JdFq2Lm@git.example.com/o/r\", "
                    "branch = \"main\" }\n");
}

void check_redacted(const std::string& label, const std::string& text) {
    INFO(label << ":\n" << text);
    for (const std::string& secret : secrets) CHECK(text.find(secret) == std::string::npos);
}

}  // namespace

TEST_CASE("index credentials are redacted in every scan format", "[e2e][redaction]") {
    test::TempDir directory;
    write_credentials(directory);
    test::git_commit_all(directory.path(), "credentials");
    for (const char* format : {"text", "json", "sarif", "github"}) {
        auto result = test::run_pysec({"scan", directory.path(), "--format", format, "--fail-on", "never",
                                       "--persona", "auditor"});
        REQUIRE(result.exit_code == 0);
        check_redacted(format, result.out + result.err);
        // The findings are there, with the user-info masked.
        CHECK(result.out.find("index-credentials") != std::string::npos);
        CHECK(result.out.find("****") != std::string::npos);
    }
    auto text = test::run_pysec({"scan", directory.path(), "--fail-on", "never"});
    // Five credentials, each reported once, the text report masking them in the source lines.
    std::size_t count = 0;
    for (std::size_t at = 0; (at = text.out.find(": high index-credentials:", at)) != std::string::npos; ++at) ++count;
    CHECK(count == 5);
    CHECK(text.out.find("https://****@pkgs.example.com/simple") != std::string::npos);
}

TEST_CASE("index credentials are redacted in the action's annotations, summary, outputs and SARIF",
          "[e2e][redaction]") {
    test::Runner runner;
    write_credentials(runner.workspace);
    test::git_commit_all(runner.workspace.path(), "credentials");
    auto result = test::run_pysec({"action"}, runner.options({{"SARIF-FILE", "results.sarif"}}));
    INFO(result.out << result.err);
    CHECK(result.out.find("index-credentials") != std::string::npos);
    check_redacted("stdout", result.out + result.err);
    check_redacted("summary", test::read_file(runner.summary));
    check_redacted("outputs", test::read_file(runner.output));
    check_redacted("sarif", test::read_file(runner.workspace.path() + "/results.sarif"));
}
