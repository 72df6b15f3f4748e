#include <catch2/catch.hpp>

#include "rules/python/pip_install_arguments.hpp"
#include "shell/invocation.hpp"

using namespace pysec;

namespace {

std::string kinds(std::string_view script, bool positional_files = false) {
    auto commands = shell::parse_script(script, shell::Dialect::Posix);
    REQUIRE(!commands.empty());
    std::vector<const shell::Word*> words;
    for (const auto& word : commands[0].words) words.push_back(&word);
    PipInstallArguments arguments = read_pip_install_arguments(words, positional_files);
    std::string text;
    for (const auto& operand : arguments.operands) {
        const char* kind = operand.kind == InstallOperand::IndexPackage ? "index"
                           : operand.kind == InstallOperand::Url        ? "url"
                           : operand.kind == InstallOperand::LocalPath  ? "local"
                                                                        : "unknown";
        text += std::string(kind) + ":" + operand.word->text + " ";
    }
    for (const auto& file : arguments.requirement_files) text += "file:" + file.path + " ";
    if (arguments.require_hashes) text += "require-hashes ";
    if (arguments.no_index) text += "no-index ";
    if (arguments.no_deps) text += "no-deps ";
    if (arguments.dependency_groups) text += "groups ";
    return text;
}

}  // namespace

TEST_CASE("pip install arguments: operands by kind", "[python][pip]") {
    CHECK(kinds("nox 'requests==2.32.3' \"pkg[extra]>=1\"") ==
          "index:nox index:requests==2.32.3 index:pkg[extra]>=1 ");
    CHECK(kinds(". -e .[test] ./dist/x.whl dist/*.whl x-1.0.tar.gz") ==
          "local:. local:.[test] local:./dist/x.whl local:dist/*.whl local:x-1.0.tar.gz ");
    CHECK(kinds("\"huggingface_hub[dev] @ .\" 'pkg @ file:///tmp/x' 'pkg @ https://x/y.whl'") ==
          "local:huggingface_hub[dev] @ . local:pkg @ file:///tmp/x url:pkg @ https://x/y.whl ");
    CHECK(kinds("git+https://github.com/o/r@main https://x/y.tar.gz") ==
          "url:git+https://github.com/o/r@main url:https://x/y.tar.gz ");
    CHECK(kinds("$PACKAGES ${{ matrix.pkg }} 'numpy==${{ matrix.numpy }}'") ==
          "unknown:$PACKAGES unknown:${{ matrix.pkg }} index:numpy==${{ matrix.numpy }} ");
}

TEST_CASE("pip install arguments: options and their values", "[python][pip]") {
    CHECK(kinds("-r requirements.txt -rdev.txt --requirement=a.txt --requirements b.txt") ==
          "file:requirements.txt file:dev.txt file:a.txt file:b.txt ");
    CHECK(kinds("--require-hashes --no-deps -r r.txt") == "file:r.txt require-hashes no-deps ");
    CHECK(kinds("-i https://x/simple -c constraints.txt --target out -p venv/bin/python pkg") == "index:pkg ");
    CHECK(kinds("x --no-index --find-links dist/") == "index:x no-index ");
    CHECK(kinds("--offline --group dev") == "no-index groups ");
    CHECK(kinds("--editable=. -C setup-args=-Dx=1 --upgrade pip") == "local:--editable=. index:pip ");
    CHECK(kinds("requirements.txt dev.txt", true) == "file:requirements.txt file:dev.txt ");
}
