#include <catch2/catch.hpp>

#include "rules/python/adhoc_installs.hpp"
#include "rules/python/build_sites.hpp"
#include "rules/python/security_scanners.hpp"

using namespace pysec;

namespace {

template <typename F>
auto on_command(std::string_view script, F f) {
    auto commands = shell::parse_script(script, shell::Dialect::Posix);
    REQUIRE(!commands.empty());
    return f(shell::invocation_of(commands[0]));
}

std::string build_tool(std::string_view script) { return on_command(script, build_tool_of); }
std::string scanner(std::string_view script) { return on_command(script, scanner_command); }
std::string adhoc(std::string_view script) {
    return on_command(script, [](const shell::Invocation& invocation) {
        auto install = adhoc_install(invocation);
        if (!install) return std::string("-");
        std::string text = install->manager + ":";
        for (const shell::Word* word : install->packages) text += " " + word->text;
        if (install->self_update) text += " (self)";
        return text;
    });
}

}  // namespace

TEST_CASE("build sites: build frontends however they are run", "[python][build]") {
    CHECK(build_tool("python -m build") == "python -m build");
    CHECK(build_tool("pipx run build --sdist") == "python -m build");
    CHECK(build_tool("uvx --from build pyproject-build") == "python -m build");
    CHECK(build_tool("uv run --with build python -m build") == "python -m build");
    CHECK(build_tool("uv build --wheel") == "uv build");
    CHECK(build_tool("hatch build -t wheel") == "hatch build");
    CHECK(build_tool("poetry build") == "poetry build");
    CHECK(build_tool("poetry publish --build") == "poetry publish --build");
    CHECK(build_tool("pdm publish") == "pdm publish");
    CHECK(build_tool("flit publish") == "flit publish");
    CHECK(build_tool("maturin build --release") == "maturin build");
    CHECK(build_tool("cibuildwheel --output-dir wheelhouse") == "cibuildwheel");
    CHECK(build_tool("pip wheel . -w dist") == "pip wheel");
    CHECK(build_tool("python setup.py sdist bdist_wheel") == "python setup.py sdist");
    CHECK(build_tool("build") == "");
    CHECK(build_tool("pdm publish --no-build") == "");
    CHECK(build_tool("poetry publish") == "");
    CHECK(build_tool("twine upload dist/*") == "");
    CHECK(build_tool("mkdocs build") == "");
    CHECK(build_tool("uv sync --locked") == "");
}

TEST_CASE("security scanners: commands and actions", "[python][scanners]") {
    CHECK(scanner("pip-audit -r requirements.txt") == "pip-audit");
    CHECK(scanner("python -m pip_audit") == "pip-audit");
    CHECK(scanner("uvx zizmor --format sarif .") == "zizmor");
    CHECK(scanner("uv audit --locked") == "uv audit");
    CHECK(scanner("pipx run safety check") == "safety");
    CHECK(scanner("osv-scanner scan -L uv.lock") == "osv-scanner");
    CHECK(scanner("zizmor --version") == "");
    CHECK(scanner("pytest") == "");
    auto exit_zero = [](std::string_view script) {
        return on_command(script, [](const shell::Invocation& invocation) {
            const shell::Word* option = scanner_exit_zero_option(invocation);
            return option ? option->text : std::string("-");
        });
    };
    CHECK(exit_zero("zizmor --no-exit-codes .") == "--no-exit-codes");
    CHECK(exit_zero("bandit -r src --exit-zero") == "--exit-zero");
    CHECK(exit_zero("bandit -r src") == "-");
    CHECK(on_command("zizmor --format=sarif .", writes_sarif));
    CHECK(on_command("uvx zizmor --format sarif .", writes_sarif));
    CHECK_FALSE(on_command("zizmor --format plain .", writes_sarif));
    CHECK(scanner_action(parse_uses("zizmorcore/zizmor-action@abc")) == "zizmor");
    CHECK(scanner_action(parse_uses("PyPA/gh-action-pip-audit@v1")) == "pip-audit");
    CHECK(scanner_action(parse_uses("acme/pysec-action@v1")) == "pysec");
    CHECK(scanner_action(parse_uses("actions/checkout@v4")) == "");
    CHECK(is_workflow_auditor("zizmor"));
    CHECK_FALSE(is_workflow_auditor("pip-audit"));
}

TEST_CASE("adhoc installs: named packages of other ecosystems", "[python][adhoc]") {
    CHECK(adhoc("npm install -g markdownlint-cli @scope/tool") == "npm install: markdownlint-cli @scope/tool");
    CHECK(adhoc("npm i --prefix tools --save-dev prettier") == "npm i: prettier");
    CHECK(adhoc("npm install -g npm@latest") == "npm install: npm@latest (self)");
    CHECK(adhoc("yarn global add serve") == "yarn global add: serve");
    CHECK(adhoc("pnpm add -D typescript") == "pnpm add: typescript");
    CHECK(adhoc("gem install bundler -v 2.5.0") == "gem install: bundler");
    CHECK(adhoc("cargo install cargo-dist") == "cargo install: cargo-dist");
    CHECK(adhoc("cargo install cargo-dist --version 0.28.0") == "cargo install: cargo-dist");
    CHECK(adhoc("go install golang.org/x/tools/cmd/goimports@latest") ==
          "go install: golang.org/x/tools/cmd/goimports@latest");
    CHECK(adhoc("npm ci") == "-");
    CHECK(adhoc("npm install") == "-");
    CHECK(adhoc("npm install ./local-pkg ../x.tgz $PKG") == "-");
    CHECK(adhoc("npm run build") == "-");
    CHECK(adhoc("yarn install --frozen-lockfile") == "-");
    CHECK(adhoc("cargo install cargo-dist --version 0.28.0 --locked") == "-");
    CHECK(adhoc("cargo install cargo-dist@0.28.0 --locked") == "-");
    CHECK(adhoc("cargo install --path crates/x") == "-");
    CHECK(adhoc("go install golang.org/x/tools/cmd/goimports@v0.30.0") == "-");
    CHECK(adhoc("go install ./cmd/tool") == "-");
    CHECK(adhoc("bundle install") == "-");
}
