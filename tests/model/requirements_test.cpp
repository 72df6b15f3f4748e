// Requirement files as the lock rules see them, against the corpus's real
// files (pip-compile output with hashes, plain lists, constraints) and
// hand-written cases.

#include <map>

#include <catch2/catch.hpp>

#include "model/requirements.hpp"
#include "parse/parse.hpp"
#include "support/test_support.hpp"

using namespace pysec;

namespace {

struct Parsed {
    ParsedFile file;
    RequirementDocument requirements;
};

std::unique_ptr<Parsed> read(std::string path, std::string text) {
    auto parsed = std::make_unique<Parsed>();
    parsed->file = parse_document(path, std::move(text), DocumentFormat::Text);
    REQUIRE_FALSE(parsed->file.failure);
    parsed->requirements = read_requirement_document(*parsed->file.document);
    return parsed;
}

std::unique_ptr<Parsed> read_corpus(const std::string& repository, const std::string& path) {
    return read(path, test::read_file(test::shared_dir() + "/corpus/" + repository + "/" + path));
}

}  // namespace

TEST_CASE("requirements: pip-compile output with hashes (warehouse)", "[model][requirements]") {
    auto parsed = read_corpus("pypi__warehouse", "requirements/lint.txt");
    const RequirementDocument& file = parsed->requirements;
    CHECK(file.pip_compile_output);
    CHECK(file.has_hashes());
    CHECK(file.used_as_lock());
    REQUIRE(file.lines.size() > 10);
    for (const RequirementLine& line : file.lines) {
        INFO(line.entry.requirement);
        CHECK(line.pinned);
        CHECK_FALSE(line.hashes.empty());
    }
    CHECK(file.lines.front().requirement->name() == "ast-grep-cli");
    CHECK(file.lines.front().hashes.size() == 8);
}

TEST_CASE("requirements: warehouse's top-level file only includes others", "[model][requirements]") {
    auto parsed = read_corpus("pypi__warehouse", "requirements.txt");
    const RequirementDocument& file = parsed->requirements;
    CHECK(file.lines.empty());
    REQUIRE(file.includes.size() == 7);
    CHECK(file.includes[0].path == "requirements/main.txt");
    CHECK_FALSE(file.includes[0].constraint);
    CHECK_FALSE(file.used_as_lock());
}

TEST_CASE("requirements: plain lists are not locks (numpy, requests)", "[model][requirements]") {
    auto numpy = read_corpus("numpy__numpy", "requirements/test_requirements.txt");
    CHECK_FALSE(numpy->requirements.used_as_lock());
    std::map<std::string, bool> pinned;
    for (const RequirementLine& line : numpy->requirements.lines) pinned[line.requirement->name()] = line.pinned;
    CHECK(pinned["pytest"]);
    CHECK_FALSE(pinned["Cython"]);
    CHECK_FALSE(pinned["ninja"]);  // `ninja; sys_platform != "emscripten"`
    auto requests = read_corpus("psf__requests", "requirements-dev.txt");
    REQUIRE_FALSE(requests->requirements.lines.empty());
    CHECK(requests->requirements.lines.front().direct_reference);  // -e .[socks]
    CHECK_FALSE(requests->requirements.lines[1].pinned);             // pytest>=2.8.0,<10
}

TEST_CASE("requirements: flask's pip-compile example without hashes", "[model][requirements]") {
    auto parsed = read_corpus("pallets__flask", "examples/celery/requirements.txt");
    CHECK(parsed->requirements.pip_compile_output);
    CHECK_FALSE(parsed->requirements.has_hashes());
    CHECK(parsed->requirements.used_as_lock());
}

TEST_CASE("requirements: constraints named as such (uv's airflow test data)", "[model][requirements]") {
    auto parsed = read_corpus("astral-sh__uv", "test/requirements/airflow2-constraints.txt");
    CHECK(parsed->requirements.named_as_lock());
    CHECK_FALSE(parsed->requirements.pip_compile_output);
}

TEST_CASE("requirements: pytest's docs include a constraints file", "[model][requirements]") {
    auto parsed = read_corpus("pytest-dev__pytest", "doc/en/requirements.txt");
    REQUIRE(parsed->requirements.includes.size() == 1);
    CHECK(parsed->requirements.includes[0].constraint);
    CHECK(parsed->requirements.includes[0].path == "doc/en/broken-dep-constraints.txt");
}

TEST_CASE("requirements: what counts as pinned", "[model][requirements]") {
    auto parsed = read("requirements.txt",
                       "a==1.0\n"
                       "b===1.0-custom\n"
                       "c==1.*\n"
                       "d>=1,<2\n"
                       "e==1.0,>=0.9\n"
                       "f\n"
                       "g[extra]==2.0 ; python_version < '3.13'\n"
                       "h @ https://example.com/h-1.0.tar.gz\n"
                       "./local\n"
                       "-e .\n"
                       "https://example.com/i-1.0-py3-none-any.whl\n");
    std::vector<bool> pinned;
    std::vector<bool> direct;
    for (const RequirementLine& line : parsed->requirements.lines) {
        pinned.push_back(line.pinned);
        direct.push_back(line.direct_reference);
    }
    CHECK(pinned == std::vector<bool>{true, true, false, false, false, false, true, false, false, false, false});
    CHECK(direct == std::vector<bool>{false, false, false, false, false, false, false, true, true, true, true});
}

TEST_CASE("requirements: names that say lock or constraints", "[model][requirements]") {
    auto named = [](std::string path) { return read(std::move(path), "x==1\n")->requirements.named_as_lock(); };
    CHECK(named("constraints.txt"));
    CHECK(named("ci/constraints-py312.txt"));
    CHECK(named("requirements.lock.txt"));
    CHECK(named("requirements-locked.txt"));
    CHECK(named("Lockfile_requirements.txt"));
    CHECK_FALSE(named("requirements.txt"));
    CHECK_FALSE(named("requirements-blocking.txt"));
    CHECK_FALSE(named("constraints/requirements.txt"));
}

TEST_CASE("requirements: generated headers of pip-compile and uv", "[model][requirements]") {
    CHECK(is_generated_requirement_file("#\n# This file is autogenerated by pip-compile with Python 3.12\n"));
    CHECK(is_generated_requirement_file("# This file was autogenerated by uv via the following command:\n"
                                        "#    uv pip compile requirements.in\nanyio==4.6.2\n"));
    CHECK(is_generated_requirement_file("\n\n# This file was autogenerated by uv via the following command:\n"));
    CHECK_FALSE(is_generated_requirement_file("flask==3.0\n# This file is autogenerated by pip-compile\n"));
    CHECK_FALSE(is_generated_requirement_file("# Hand-written.\nflask==3.0\n"));
}

TEST_CASE("requirements: includes resolve relative to the including file", "[model][requirements]") {
    CHECK(requirement_include_paths("requirements/dev.txt", "-r base.txt\n-c ../constraints.txt\n--requirement=x/y.in\n") ==
          std::vector<std::string>{"requirements/base.txt", "constraints.txt", "requirements/x/y.in"});
    CHECK(requirement_include_paths("requirements/dev.txt", "-r base.txt\n-c ../constraints.txt\n", false) ==
          std::vector<std::string>{"requirements/base.txt"});
    // URLs, variables, absolute paths and paths outside the repository cannot be followed.
    CHECK(requirement_include_paths("r.txt", "-r https://example.com/r.txt\n-r ${DIR}/r.txt\n-r /etc/r.txt\n"
                                             "-r ../outside.txt\n")
              .empty());
}

TEST_CASE("requirements: reachable files, each once, cycles cut", "[model][requirements]") {
    auto a = read("a.txt", "-r b.txt\n-c c.txt\nx==1\n");
    auto b = read("b.txt", "-r a.txt\n-r missing.txt\ny==1\n");
    auto c = read("c.txt", "-r a.txt\nz==1\n");
    std::map<std::string, const RequirementDocument*> files{
        {"a.txt", &a->requirements}, {"b.txt", &b->requirements}, {"c.txt", &c->requirements}};
    auto find = [&](std::string_view path) -> const RequirementDocument* {
        auto it = files.find(std::string(path));
        return it == files.end() ? nullptr : it->second;
    };
    auto paths = [](const std::vector<const RequirementDocument*>& documents) {
        std::vector<std::string> result;
        for (const RequirementDocument* document : documents) result.push_back(document->path());
        return result;
    };
    CHECK(paths(reachable_requirement_documents(a->requirements, true, find)) ==
          std::vector<std::string>{"a.txt", "b.txt", "c.txt"});
    CHECK(paths(reachable_requirement_documents(a->requirements, false, find)) ==
          std::vector<std::string>{"a.txt", "b.txt"});
    CHECK(paths(reachable_requirement_documents(c->requirements, false, find)) ==
          std::vector<std::string>{"c.txt", "a.txt", "b.txt"});
}
