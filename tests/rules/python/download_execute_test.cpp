#include <catch2/catch.hpp>

#include "rules/python/download_execute.hpp"

using namespace pysec;

namespace {

// "downloader>executor: flagged text" for each download-and-execute in the script.
std::vector<std::string> found(std::string_view script, shell::Dialect dialect = shell::Dialect::Posix) {
    auto commands = shell::parse_script(script, dialect);
    std::vector<std::string> result;
    for (const auto& execution : find_download_executions(commands)) {
        result.push_back(execution.downloader + ">" + execution.executor + ": " +
                         std::string(script.substr(execution.begin, execution.end - execution.begin)));
    }
    return result;
}

using List = std::vector<std::string>;

}  // namespace

TEST_CASE("download-execute: pipes into shells and interpreters", "[python][download]") {
    CHECK(found("curl -LsSf https://astral.sh/uv/install.sh | sh") ==
          List{"curl>sh: curl -LsSf https://astral.sh/uv/install.sh | sh"});
    CHECK(found("wget -qO- https://x/i.sh | sudo -E bash -s -- -y") ==
          List{"wget>bash: wget -qO- https://x/i.sh | sudo -E bash -s -- -y"});
    CHECK(found("curl -fsSL https://x | tee log | bash") == List{"curl>bash: curl -fsSL https://x | tee log | bash"});
    CHECK(found("curl https://bootstrap.pypa.io/get-pip.py | python3 -") ==
          List{"curl>python: curl https://bootstrap.pypa.io/get-pip.py | python3 -"});
    CHECK(found("curl -s https://x | source /dev/stdin") == List{"curl>source: curl -s https://x | source /dev/stdin"});
    // not executed: written to a file, parsed as data, or a script given
    CHECK(found("curl -fsSLo install.sh https://x && sh install.sh").empty());
    CHECK(found("curl -O https://x/i.sh | sh").empty());
    CHECK(found("wget https://x/i.sh | sh").empty());
    CHECK(found("curl -s https://api | jq .tag_name").empty());
    CHECK(found("curl -s https://api | python -c 'import json,sys; print(json.load(sys.stdin))'").empty());
    CHECK(found("curl -sL https://x/a.tar.gz | tar xz").empty());
    CHECK(found("curl -s https://x | bash -c 'cat > f'").empty());
    CHECK(found("curl https://x | bash script.sh").empty());
}

TEST_CASE("download-execute: downloaded code as an argument", "[python][download]") {
    CHECK(found("bash <(curl -fsSL https://x/install.sh)") ==
          List{"curl>bash: bash <(curl -fsSL https://x/install.sh)"});
    CHECK(found("sh -c \"$(curl -fsSL https://x)\" -- -y") == List{"curl>sh: sh -c \"$(curl -fsSL https://x)\" -- -y"});
    CHECK(found("eval \"$(wget -O- https://x)\"") == List{"wget>eval: eval \"$(wget -O- https://x)\""});
    CHECK(found("eval \"$(./uvx --generate-shell-completion bash)\"").empty());
    CHECK(found("bash install.sh \"$(curl -s https://api/version)\"").empty());
    CHECK(found("bash -c 'curl -fsSL https://x | sh'") == List{"curl>sh: bash -c 'curl -fsSL https://x | sh'"});
}

TEST_CASE("download-execute: PowerShell", "[python][download]") {
    auto pwsh = shell::Dialect::PowerShell;
    CHECK(found("iex (irm https://astral.sh/uv/install.ps1)", pwsh) ==
          List{"irm>iex: iex (irm https://astral.sh/uv/install.ps1)"});
    CHECK(found("irm https://x/install.ps1 | iex", pwsh) == List{"irm>iex: irm https://x/install.ps1 | iex"});
    CHECK(found("Invoke-WebRequest https://x -UseBasicParsing | Invoke-Expression", pwsh) ==
          List{"invoke-webrequest>invoke-expression: Invoke-WebRequest https://x -UseBasicParsing | Invoke-Expression"});
    CHECK(found("powershell -ExecutionPolicy ByPass -c \"irm https://x/install.ps1 | iex\"") ==
          List{"irm>iex: powershell -ExecutionPolicy ByPass -c \"irm https://x/install.ps1 | iex\""});
    CHECK(found("(& ./uv generate-shell-completion powershell) | Out-String | Invoke-Expression", pwsh).empty());
    CHECK(found("Invoke-WebRequest -Uri https://x/i.ps1 -OutFile i.ps1", pwsh).empty());
}

TEST_CASE("download-execute: credentials in URLs are redacted", "[python][download]") {
    auto commands = shell::parse_script("curl https://user:s3cret@host/x | sh", shell::Dialect::Posix);
    auto executions = find_download_executions(commands);
    REQUIRE(executions.size() == 1);
    CHECK(executions[0].url == "https://****@host/x");
}
