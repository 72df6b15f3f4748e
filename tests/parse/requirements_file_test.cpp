#include <catch2/catch.hpp>

#include "parse/requirements_file.hpp"

using namespace pysec;

namespace {

std::string slice(std::string_view text, std::size_t begin, std::size_t end) {
    return std::string(text.substr(begin, end - begin));
}

}  // namespace

TEST_CASE("requirement files: requirements, hashes across continuations, comments", "[parse][requirements]") {
    std::string text =
        "# pinned by pip-compile\n"
        "requests==2.31.0 \\\n"
        "    --hash=sha256:aaaa \\\n"
        "    --hash sha256:bbbb\n"
        "urllib3>=2  # a comment\n"
        "pkg @ https://example.com/pkg-1.0.whl#sha256=cccc\n"
        "   \n"
        "django[argon2]==5.0 ; python_version >= \"3.10\"\n";
    RequirementsFile file = parse_requirements_file(text);
    REQUIRE(file.entries.size() == 4);
    const RequirementEntry& requests = file.entries[0];
    CHECK(requests.kind == RequirementEntry::Kind::Requirement);
    CHECK(requests.requirement == "requests==2.31.0");
    CHECK(slice(text, requests.requirement_begin, requests.requirement_end) == "requests==2.31.0");
    auto hashes = requests.all("hash");
    REQUIRE(hashes.size() == 2);
    CHECK(hashes[0]->value == "sha256:aaaa");
    CHECK(slice(text, hashes[0]->begin, hashes[0]->end) == "--hash=sha256:aaaa");
    CHECK(hashes[1]->value == "sha256:bbbb");
    CHECK(slice(text, hashes[1]->value_begin, hashes[1]->value_end) == "sha256:bbbb");
    CHECK(file.entries[1].requirement == "urllib3>=2");
    CHECK(file.entries[2].requirement == "pkg @ https://example.com/pkg-1.0.whl#sha256=cccc");
    CHECK(file.entries[3].requirement == "django[argon2]==5.0 ; python_version >= \"3.10\"");
}

TEST_CASE("requirement files: option lines in every spelling", "[parse][requirements]") {
    std::string text =
        "-r base.txt\n"
        "--requirement=dev.txt\n"
        "-cconstraints.txt\n"
        "-i https://pypi.example/simple\n"
        "--extra-index https://extra.example/simple\n"
        "--trusted-host extra.example --require-hashes\n"
        "-e .\n"
        "--editable git+https://github.com/o/r@main#egg=r\n"
        "--only-binary :all:\n";
    RequirementsFile file = parse_requirements_file(text);
    REQUIRE(file.entries.size() == 9);
    CHECK(file.entries[0].option("requirement")->value == "base.txt");
    CHECK(slice(text, file.entries[0].option("requirement")->value_begin, file.entries[0].option("requirement")->value_end) == "base.txt");
    CHECK(file.entries[1].option("requirement")->value == "dev.txt");
    CHECK(file.entries[2].option("constraint")->value == "constraints.txt");
    CHECK(file.entries[3].option("index-url")->value == "https://pypi.example/simple");
    CHECK(file.entries[4].option("extra-index-url")->value == "https://extra.example/simple");  // abbreviated
    CHECK(file.entries[5].option("trusted-host")->value == "extra.example");
    CHECK(file.entries[5].option("require-hashes"));
    CHECK(file.entries[6].kind == RequirementEntry::Kind::Editable);
    CHECK(file.entries[6].requirement == ".");
    CHECK(file.entries[7].requirement == "git+https://github.com/o/r@main#egg=r");
    CHECK(file.entries[8].option("only-binary")->value == ":all:");
    for (std::size_t i = 0; i < 6; ++i) CHECK(file.entries[i].kind == RequirementEntry::Kind::Options);
}

TEST_CASE("requirement files: what pip rejects, and odd input", "[parse][requirements]") {
    RequirementsFile file = parse_requirements_file("--no-such-option x\n--no\n-r\nname --hash\n");
    REQUIRE(file.entries.size() == 4);
    CHECK(file.entries[0].kind == RequirementEntry::Kind::Invalid);
    CHECK(file.entries[0].error == "no such option: --no-such-option");
    CHECK(file.entries[1].error == "ambiguous option --no");
    CHECK(file.entries[2].error == "-r option requires an argument");
    CHECK(file.entries[3].kind == RequirementEntry::Kind::Invalid);
    CHECK(parse_requirements_file("").entries.empty());
    CHECK(parse_requirements_file("\\\n\\").entries.empty());
    CHECK(parse_requirements_file("a \\").entries.size() == 1);
    CHECK(parse_requirements_file("x==1 --hash='sha256:a b'\n").entries[0].option("hash")->value == "sha256:a b");
    CHECK(parse_requirements_file("# only\n#comments\n").entries.empty());
    CHECK(parse_requirements_file("a==1 \\\n# comment ends it\nb==2\n").entries.size() == 2);
}
