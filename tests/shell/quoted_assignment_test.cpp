#include <catch2/catch.hpp>

#include "shell/invocation.hpp"
#include "shell/shell_script.hpp"

using namespace pysec::shell;

TEST_CASE("shell: assignments before a command may quote their value, not their name", "[shell]") {
    auto commands = parse_script("UV_PUBLISH_TOKEN=\"$TOKEN\" B='x y' uv publish\n'C=1' echo", Dialect::Posix);
    REQUIRE(commands.size() == 2);
    REQUIRE(commands[0].assignments.size() == 2);
    CHECK(commands[0].assignments[0].text == "UV_PUBLISH_TOKEN=$TOKEN");
    CHECK(commands[0].assignments[1].text == "B=x y");
    CHECK(invocation_of(commands[0]).program == "uv");
    CHECK(commands[1].assignments.empty());
    CHECK(commands[1].words.front().text == "C=1");
}
