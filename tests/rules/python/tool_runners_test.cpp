#include <catch2/catch.hpp>

#include "rules/python/tool_runners.hpp"

using namespace pysec;

namespace {

// Parses one command and keeps the words alive for the invocation's pointers.
struct Parsed {
    explicit Parsed(std::string_view script) : commands(shell::parse_script(script, shell::Dialect::Posix)) {
        REQUIRE(!commands.empty());
        invocation = shell::invocation_of(commands[0]);
    }
    std::vector<shell::Command> commands;
    shell::Invocation invocation;
};

std::string describe(const shell::Invocation& invocation) {
    std::string text = invocation.program;
    for (const shell::Word* word : invocation.arguments) text += " " + word->text;
    return text;
}

}  // namespace

TEST_CASE("tool runners: the tool behind uvx, pipx run, uv run and python -m", "[python][runners]") {
    auto tool = [](std::string_view script) {
        Parsed parsed(script);
        auto runner = runner_tool(parsed.invocation);
        return runner ? runner->runner + ": " + describe(runner->tool) + " [" + runner->package + "]" : std::string("-");
    };
    CHECK(tool("uvx zizmor --format sarif .") == "uvx: zizmor --format sarif . [zizmor]");
    CHECK(tool("uvx --from 'black==24.1' black --check .") == "uvx: black --check . [black==24.1]");
    CHECK(tool("uvx ruff@0.5.0 check") == "uvx: ruff check [ruff@0.5.0]");
    CHECK(tool("uv tool run --python 3.12 pip-audit -r r.txt") == "uv tool run: pip-audit -r r.txt [pip-audit]");
    CHECK(tool("pipx run --spec build==1.2 pyproject-build") == "pipx run: pyproject-build [build==1.2]");
    CHECK(tool("pipx run build") == "pipx run: build [build]");
    CHECK(tool("uv run --with x --locked python -m build --sdist") == "uv run: build --sdist [python]");
    CHECK(tool("uv run -m pytest -x") == "uv run: pytest -x []");
    CHECK(tool("poetry run pytest") == "poetry run: pytest [pytest]");
    CHECK(tool("uv --directory sub run pytest") == "uv run: pytest [pytest]");
    CHECK(tool("uvx --help") == "-");
    CHECK(tool("pip install x") == "-");
    CHECK(tool("hatch build") == "-");
}

TEST_CASE("tool runners: uv subcommands behind global options", "[python][runners]") {
    auto subcommand = [](std::string_view script) {
        Parsed parsed(script);
        UvCommand uv = uv_command(parsed.invocation);
        std::string text;
        for (const auto& part : uv.subcommand) text += part + " ";
        text += "|";
        for (const shell::Word* word : uv.arguments) text += " " + word->text;
        return text;
    };
    CHECK(subcommand("uv sync --locked") == "sync | --locked");
    CHECK(subcommand("./uv --directory \"$RUNNER_TEMP\" pip install -v x") == "pip install | -v x");
    CHECK(subcommand("python -m uv pip sync r.txt") == "pip sync | r.txt");
    CHECK(subcommand("uv -q tool install ruff") == "tool install | ruff");
    CHECK(subcommand("uv --version") == "|");
    CHECK(subcommand("pip install x") == "|");
}

TEST_CASE("tool runners: options, package names and pins", "[python][runners]") {
    Parsed parsed("tool --python=3.12 -p 3.11 -rreq.txt --from x a b");
    const auto& arguments = parsed.invocation.arguments;
    CHECK(option_value(arguments, {"--python"})->text == "3.12");
    CHECK(option_value(arguments, {"-p"})->text == "3.11");
    CHECK(option_value(arguments, {"-r"})->text == "req.txt");
    CHECK(option_value(arguments, {"--from"})->word->text == "x");
    CHECK_FALSE(option_value(arguments, {"--with"}));
    CHECK(next_operand(arguments, 0, {"-p", "--from"}) == 6u);
    CHECK(next_operand(arguments, 0, {}) == 2u);

    CHECK(package_name("black==24.1.0") == "black");
    CHECK(package_name("ruff@0.5.0") == "ruff");
    CHECK(package_name("pip-audit[cyclonedx]>=2") == "pip-audit");
    CHECK(is_pinned_spec("black==24.1.0"));
    CHECK(is_pinned_spec("ruff@0.5.0"));
    CHECK(is_pinned_spec("zizmor@v1.5.2"));
    CHECK(is_pinned_spec("git+https://github.com/o/r@0123456789abcdef0123456789abcdef01234567"));
    CHECK_FALSE(is_pinned_spec("git+https://github.com/o/r@main"));
    CHECK_FALSE(is_pinned_spec("ruff@latest"));
    CHECK_FALSE(is_pinned_spec("black>=24"));
    CHECK_FALSE(is_pinned_spec("black"));
}

TEST_CASE("tool runners: a tool built in the workspace", "[python][runners]") {
    auto local = [](std::string_view script) { return runs_local_build(Parsed(script).invocation); };
    CHECK(local("./uv pip install anyio"));
    CHECK(local("../uv build"));
    CHECK(local(".\\\\uv.exe pip install anyio"));
    CHECK(local("target/release/uv sync"));
    CHECK(local("${{ env.UV_WORKSPACE }}/target/no-debug/uvx.exe --help"));
    CHECK_FALSE(local("uv pip install anyio"));
    CHECK_FALSE(local(".venv/bin/pip install x"));
    CHECK_FALSE(local("venv\\\\Scripts\\\\pip.exe install x"));
    CHECK_FALSE(local("/usr/bin/pip install x"));
    CHECK_FALSE(local("$HOME/.local/bin/uv sync"));
}
