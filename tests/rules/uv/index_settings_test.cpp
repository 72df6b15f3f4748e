#include <catch2/catch.hpp>

#include "project_builder.hpp"
#include "rules/uv/index_settings.hpp"

using namespace pysec;
using Kind = IndexSetting::Kind;

namespace {

std::vector<std::string> describe(const std::vector<IndexSetting>& settings) {
    std::vector<std::string> lines;
    for (const IndexSetting& s : settings) {
        Span span = s.document->span(s.begin, s.end);
        std::string text(s.document->text().substr(s.begin, s.end - s.begin));
        lines.push_back(s.document->path() + ":" + std::to_string(span.begin.line) + ":" +
                        std::to_string(span.begin.column) + " " + std::to_string(static_cast<int>(s.kind)) +
                        (s.uv ? " uv " : " pip ") + s.setting + " = " + s.value + (s.opaque ? " (opaque)" : "") +
                        (s.exact ? "" : " (node)") + " @" + text);
    }
    return lines;
}

}  // namespace

TEST_CASE("index settings from every place pip and uv read them", "[rules][uv][index]") {
    auto project = test::make_project({
        {"requirements.txt", "-i https://a.example/simple\n--extra-index-url=https://b.example/simple\n"
                             "--trusted-host b.example\n-f ./wheels\nrequests==2.0\n"},
        {"pip.conf", "[global]\nextra_index_url =\n    https://c.example/simple\n    https://d.example/simple\n"
                     "[install]\ntrusted-host = c.example d.example\n"},
        {".github/workflows/ci.yml",
         "on: push\nenv:\n  PIP_EXTRA_INDEX_URL: https://e.example/simple\n  UV_INDEX: internal=https://f.example/simple\n"
         "jobs:\n  a:\n    runs-on: ubuntu-latest\n    env:\n      UV_INDEX_STRATEGY: unsafe-best-match\n"
         "      PIP_INDEX_URL: ${{ secrets.INDEX }}\n    steps:\n      - run: true\n"},
        {"pyproject.toml", "[tool.uv]\nextra-index-url = [\"https://g.example/simple\"]\n"
                           "allow-insecure-host = [\"g.example\"]\n\n[[tool.uv.index]]\nname = \"x\"\n"
                           "url = \"https://h.example/simple\"\n\n[[tool.uv.index]]\nurl = \"https://i.example/simple\"\n"
                           "explicit = true\n\n[tool.uv.pip]\nindex-url = \"http://j.example/simple\"\n"},
    });
    std::vector<UvSettings> settings = read_uv_settings(*project);
    std::vector<std::string> lines = describe(collect_index_settings(*project, settings));
    std::vector<std::string> expected = {
        "requirements.txt:1:4 0 pip --index-url = https://a.example/simple @https://a.example/simple",
        "requirements.txt:2:19 1 pip --extra-index-url = https://b.example/simple @https://b.example/simple",
        "requirements.txt:3:16 4 pip --trusted-host = b.example @b.example",
        "requirements.txt:4:4 3 pip --find-links = ./wheels @./wheels",
        "pip.conf:3:5 1 pip extra-index-url = https://c.example/simple @https://c.example/simple",
        "pip.conf:4:5 1 pip extra-index-url = https://d.example/simple @https://d.example/simple",
        "pip.conf:6:16 4 pip trusted-host = c.example @c.example",
        "pip.conf:6:26 4 pip trusted-host = d.example @d.example",
        ".github/workflows/ci.yml:3:24 1 pip PIP_EXTRA_INDEX_URL = https://e.example/simple @https://e.example/simple",
        ".github/workflows/ci.yml:4:22 1 uv UV_INDEX = https://f.example/simple @https://f.example/simple",
        ".github/workflows/ci.yml:9:26 6 uv UV_INDEX_STRATEGY = unsafe-best-match @unsafe-best-match",
        ".github/workflows/ci.yml:10:22 0 pip PIP_INDEX_URL = ${{ secrets.INDEX }} (opaque) @${{ secrets.INDEX }}",
        "pyproject.toml:7:8 1 uv [[tool.uv.index]] = https://h.example/simple @https://h.example/simple",
        "pyproject.toml:10:8 2 uv [[tool.uv.index]] = https://i.example/simple @https://i.example/simple",
        "pyproject.toml:2:21 1 uv extra-index-url = https://g.example/simple @https://g.example/simple",
        "pyproject.toml:3:25 5 uv allow-insecure-host = g.example @g.example",
        "pyproject.toml:14:14 0 uv index-url = http://j.example/simple @http://j.example/simple",
    };
    CHECK(lines == expected);
    CHECK(is_pypi_url("https://pypi.org/simple"));
    CHECK_FALSE(is_pypi_url("https://test.pypi.org/simple"));
}
