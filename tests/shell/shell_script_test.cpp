#include <catch2/catch.hpp>

#include "shell/invocation.hpp"
#include "shell/shell_script.hpp"

using namespace pysec::shell;

namespace {

std::vector<std::string> words_of(const Command& command) {
    std::vector<std::string> words;
    for (const Word& word : command.words) words.push_back(word.text);
    return words;
}

std::vector<std::vector<std::string>> all_words(std::string_view script, Dialect dialect = Dialect::Posix) {
    std::vector<std::vector<std::string>> result;
    for (const Command& command : parse_script(script, dialect)) result.push_back(words_of(command));
    return result;
}

using Words = std::vector<std::vector<std::string>>;

}  // namespace

TEST_CASE("shell: commands are split on newlines, ;, &&, || and pipes", "[shell]") {
    CHECK(all_words("pip install -U pip\nuv sync --locked && pytest; echo done || true") ==
          Words{{"pip", "install", "-U", "pip"}, {"uv", "sync", "--locked"}, {"pytest"}, {"echo", "done"}, {"true"}});
    auto commands = parse_script("curl -sSf https://x.sh | sudo bash -s -- -y", Dialect::Posix);
    REQUIRE(commands.size() == 2);
    CHECK(commands[0].piped_output);
    CHECK(commands[1].piped_input);
    CHECK(next_in_pipeline(commands, 0) == &commands[1]);
    CHECK(commands[0].connector == "|");
}

TEST_CASE("shell: quotes, escapes and continuations", "[shell]") {
    CHECK(all_words("pip install 'requests==2.*' \"x y\" a\\ b") ==
          Words{{"pip", "install", "requests==2.*", "x y", "a b"}});
    CHECK(all_words("pip install \\\n    --require-hashes \\\n    -r requirements.txt\n") ==
          Words{{"pip", "install", "--require-hashes", "-r", "requirements.txt"}});
    CHECK(all_words("echo \"it's \\\"quoted\\\" $HOME\" # a comment\necho '#not a comment'") ==
          Words{{"echo", "it's \"quoted\" $HOME"}, {"echo", "#not a comment"}});
    CHECK(all_words("echo a#b") == Words{{"echo", "a#b"}});
}

TEST_CASE("shell: offsets point into the script", "[shell]") {
    std::string script = "set -e\n  uv   pip install requests\n";
    auto commands = parse_script(script, Dialect::Posix);
    REQUIRE(commands.size() == 2);
    const Word& requests = commands[1].words[3];
    CHECK(script.substr(requests.begin, requests.end - requests.begin) == "requests");
    CHECK(script.substr(commands[1].begin, commands[1].end - commands[1].begin) == "uv   pip install requests");
}

TEST_CASE("shell: substitutions are parsed as nested commands", "[shell]") {
    auto commands = parse_script("bash <(curl -fsSL https://x/install.sh)\nVERSION=$(python -c 'import x') make", Dialect::Posix);
    REQUIRE(commands.size() == 4);
    CHECK(words_of(commands[0]) == std::vector<std::string>{"bash", "<(curl -fsSL https://x/install.sh)"});
    CHECK(words_of(commands[1]) == std::vector<std::string>{"curl", "-fsSL", "https://x/install.sh"});
    CHECK(commands[1].depth == 1);
    CHECK(commands[2].assignments.size() == 1);
    CHECK(words_of(commands[2]) == std::vector<std::string>{"make"});
    CHECK(words_of(commands[3]) == std::vector<std::string>{"python", "-c", "import x"});
    CHECK(all_words("echo `date`") == Words{{"echo", "`date`"}, {"date"}});
    CHECK(all_words("(cd docs && make html)") == Words{{"cd", "docs"}, {"make", "html"}});
}

TEST_CASE("shell: redirections and heredocs", "[shell]") {
    auto commands = parse_script("echo \"X=${{ github.head_ref }}\" >> \"$GITHUB_ENV\"\n"
                                 "cat <<EOF >> $GITHUB_PATH\n/opt/bin\nEOF\n"
                                 "cat <<-'END' > out\n\tliteral $x\n\tEND\n"
                                 "make 2>&1 | tee log\n",
                                 Dialect::Posix);
    REQUIRE(commands.size() == 5);
    REQUIRE(commands[0].redirects.size() == 1);
    CHECK(commands[0].redirects[0].op == ">>");
    CHECK(commands[0].redirects[0].target.text == "$GITHUB_ENV");
    CHECK(words_of(commands[0]) == std::vector<std::string>{"echo", "X=${{ github.head_ref }}"});
    REQUIRE(commands[1].redirects.size() == 2);
    CHECK(commands[1].redirects[0].op == "<<");
    CHECK(commands[1].redirects[0].heredoc_body == "/opt/bin\n");
    CHECK(commands[1].redirects[1].target.text == "$GITHUB_PATH");
    CHECK(commands[2].redirects[0].heredoc_body == "\tliteral $x\n");
    CHECK(commands[3].redirects[0].op == "2>&");
    CHECK(words_of(commands[4]) == std::vector<std::string>{"tee", "log"});
}

TEST_CASE("shell: control flow words are not commands", "[shell]") {
    CHECK(all_words("if [ -f uv.lock ]; then\n  uv sync\nelse pip install .\nfi") ==
          Words{{"[", "-f", "uv.lock", "]"}, {"uv", "sync"}, {"pip", "install", "."}});
    CHECK(all_words("for f in *.whl; do twine check $f; done") == Words{{"twine", "check", "$f"}});
    CHECK(all_words("f() { pip install x; }\nf") == Words{{"pip", "install", "x"}, {"f"}});
}

TEST_CASE("shell: PowerShell", "[shell]") {
    CHECK(all_words("iex (irm https://astral.sh/uv/install.ps1)", Dialect::PowerShell) ==
          Words{{"iex", "(irm https://astral.sh/uv/install.ps1)"}, {"irm", "https://astral.sh/uv/install.ps1"}});
    auto commands = parse_script("\"PATH=x\" | Out-File -FilePath $env:GITHUB_ENV -Append", Dialect::PowerShell);
    REQUIRE(commands.size() == 2);
    CHECK(words_of(commands[1]) == std::vector<std::string>{"Out-File", "-FilePath", "$env:GITHUB_ENV", "-Append"});
    CHECK(all_words("echo `\"q`\" # c", Dialect::PowerShell) == Words{{"echo", "\"q\""}});
    CHECK(parse_script("print('hi')", Dialect::Other).empty());
    CHECK(dialect_of("bash -e {0}") == Dialect::Posix);
    CHECK(dialect_of("pwsh") == Dialect::PowerShell);
    CHECK(dialect_of("python") == Dialect::Other);
}

TEST_CASE("shell: the program behind wrappers and python -m", "[shell]") {
    auto program = [](std::string_view script) {
        auto commands = parse_script(script, Dialect::Posix);
        REQUIRE(commands.size() == 1);
        Invocation invocation = invocation_of(commands[0]);
        std::string text = invocation.program;
        for (const Word* word : invocation.arguments) text += " " + word->text;
        return text;
    };
    CHECK(program("sudo -E pip3 install x") == "pip install x");
    CHECK(program("python3.12 -m pip install -r r.txt") == "pip install -r r.txt");
    CHECK(program("python -I -m twine upload dist/*") == "twine upload dist/*");
    CHECK(program("env UV_FROZEN=1 uv sync") == "uv sync");
    CHECK(program("FOO=1 ./.venv/bin/pip install .") == "pip install .");
    CHECK(program("timeout 60 uv run pytest") == "uv run pytest");
    CHECK(program("sudo -u runner bash script.sh") == "bash script.sh");
    CHECK(program("python script.py") == "python script.py");
    auto commands = parse_script("pip install --index-url=https://x --no-deps pkg", Dialect::Posix);
    Invocation invocation = invocation_of(commands[0]);
    CHECK(first_operand(invocation)->text == "install");
    CHECK(has_option(invocation, "--index-url"));
    CHECK(has_argument(invocation, "--no-deps"));
    CHECK_FALSE(has_option(invocation, "--index"));
}

TEST_CASE("shell: odd input degrades, never throws", "[shell]") {
    for (std::string script : std::vector<std::string>{"echo 'open", "echo \"open", "$(", "<<EOF\nno end", "((((", ")))",
                                                        "`", "a |", "| b", "&&", "${", "echo $'x\\'y'"}) {
        INFO(script);
        CHECK_NOTHROW(parse_script(script, Dialect::Posix));
        CHECK_NOTHROW(parse_script(script, Dialect::PowerShell));
    }
}
