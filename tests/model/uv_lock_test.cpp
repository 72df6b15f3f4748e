// The uv.lock view, against the real locks of the corpus and hand-written
// locks of older revisions.

#include <catch2/catch.hpp>

#include "model/uv_lock.hpp"
#include "parse/parse.hpp"
#include "support/test_support.hpp"

using namespace pysec;

namespace {

struct ParsedLock {
    ParsedFile file;
    UvLock lock;
};

ParsedLock read_lock(std::string text, std::string path = "uv.lock") {
    ParsedLock result{parse_document(path, std::move(text), DocumentFormat::Toml), {}};
    REQUIRE_FALSE(result.file.failure);
    auto lock = read_uv_lock(*result.file.document);
    REQUIRE(lock);
    result.lock = std::move(*lock);
    return result;
}

ParsedLock read_corpus_lock(const std::string& relative) {
    return read_lock(test::read_file(test::shared_dir() + "/corpus/" + relative), relative);
}

const UvLockPackage& package_named(const UvLock& lock, std::string_view name) {
    for (const UvLockPackage& package : lock.packages) {
        if (package.name == name) return package;
    }
    FAIL("no package " << name);
    throw std::logic_error("unreachable");
}

}  // namespace

TEST_CASE("uv.lock: uv's own lock (revision 3, relative cooldown)", "[model][uv-lock]") {
    ParsedLock parsed = read_corpus_lock("astral-sh__uv/uv.lock");
    const UvLock& lock = parsed.lock;
    CHECK(lock.version == 1);
    CHECK(lock.revision == 3);
    CHECK(lock.effective_revision() == 3);
    CHECK_FALSE(lock.distribution_alias);
    REQUIRE(lock.options.exclude_newer_span);
    CHECK(lock.options.exclude_newer_span->value == "P7D");
    REQUIRE(lock.options.exclude_newer);
    CHECK(lock.options.exclude_newer->value == "0001-01-01T00:00:00Z");
    CHECK(lock.packages.size() > 50);
    const UvLockPackage& doc = package_named(lock, "annotated-doc");
    CHECK(doc.version == "0.0.4");
    CHECK(doc.source_kind == UvSourceKind::Registry);
    CHECK(doc.source == "https://pypi.org/simple");
    REQUIRE(doc.sdist);
    CHECK(doc.sdist->filename == "annotated_doc-0.0.4.tar.gz");
    REQUIRE(doc.sdist->hashes.size() == 1);
    CHECK(doc.sdist->hashes.front().first == "sha256");
    CHECK(doc.sdist->hashes.front().second.size() == 64);
    CHECK(doc.sdist->upload_time == 1762812462);  // 2025-11-10T22:07:42.062Z
    // Every registry file of a revision-3 lock from PyPI is hashed and dated.
    for (const UvLockPackage& package : lock.packages) {
        if (!package.from_registry()) continue;
        for (const LockArtifact* artifact : package.artifacts()) {
            INFO(package.name << " " << artifact->display_name());
            CHECK_FALSE(artifact->hashes.empty());
            CHECK(artifact->upload_time);
        }
    }
    // The package's table starts at its `[[package]]` header.
    std::string_view text = parsed.file.document->text();
    CHECK(text.substr(doc.node->begin, 11) == "[[package]]");
}

TEST_CASE("uv.lock: flask, pytest and uv's benchmark locks", "[model][uv-lock]") {
    for (const char* path : {"pallets__flask/uv.lock", "pytest-dev__pytest/uv.lock",
                             "astral-sh__uv/scripts/benchmark/uv.lock"}) {
        INFO(path);
        ParsedLock parsed = read_corpus_lock(path);
        CHECK(parsed.lock.revision == 3);
        std::size_t registry = 0;
        std::size_t editable = 0;
        for (const UvLockPackage& package : parsed.lock.packages) {
            CHECK_FALSE(package.name.empty());
            CHECK(package.source_kind != UvSourceKind::Unknown);
            registry += package.from_registry() ? 1 : 0;
            editable += package.source_kind == UvSourceKind::Editable ||
                                package.source_kind == UvSourceKind::Virtual
                            ? 1
                            : 0;
        }
        CHECK(registry > 10);
        CHECK(editable >= 1);
    }
}

TEST_CASE("uv.lock: a version 1 lock without revision (uv's test package)", "[model][uv-lock]") {
    ParsedLock parsed = read_corpus_lock("astral-sh__uv/test/packages/built-by-uv/uv.lock");
    const UvLock& lock = parsed.lock;
    CHECK(lock.version == 1);
    CHECK_FALSE(lock.revision);
    CHECK(lock.effective_revision() == 0);
    CHECK_FALSE(lock.options.node);
    const UvLockPackage& self = package_named(lock, "built-by-uv");
    CHECK(self.source_kind == UvSourceKind::Editable);
    CHECK(self.source == ".");
    const UvLockPackage& anyio = package_named(lock, "anyio");
    REQUIRE(anyio.sdist);
    CHECK_FALSE(anyio.sdist->hashes.empty());
    CHECK_FALSE(anyio.sdist->upload_time);  // revision < 2: no upload times
    CHECK_FALSE(anyio.sdist->upload_time_node);
}

TEST_CASE("uv.lock: the early [[distribution]] tables and string sources", "[model][uv-lock]") {
    ParsedLock parsed = read_lock(R"(version = 1
requires-python = ">=3.8"
exclude-newer = "2024-03-25T00:00:00Z"

[[distribution]]
name = "Idna"
version = "3.6"
source = "registry+https://pypi.org/simple"
sdist = { url = "https://files.pythonhosted.org/packages/bf/3f/idna-3.6.tar.gz", hash = "sha256:9ecdbbd083b06798ae1e86adcbfe8ab1479cf864e4ee30fe4e46a003d12491ca", size = 175426 }
wheels = [{ url = "https://files.pythonhosted.org/packages/c2/e7/idna-3.6-py3-none-any.whl", hash = "sha256:c05567e9c24a6b9faaa835c4821bad0590fbb9d5779e7caa6e1cc4978e7eb24f", size = 61567 }]

[[distribution]]
name = "project"
version = "0.1.0"
source = "editable+."

[[distribution]]
name = "tqdm"
version = "4.66.2"
source = "git+https://github.com/tqdm/tqdm?rev=v4.66.2#0123456789abcdef0123456789abcdef01234567"
)");
    const UvLock& lock = parsed.lock;
    CHECK(lock.distribution_alias);
    REQUIRE(lock.packages.size() == 3);
    CHECK(lock.packages[0].canonical_name == "idna");
    CHECK(lock.packages[0].source_kind == UvSourceKind::Registry);
    CHECK(lock.packages[0].source == "https://pypi.org/simple");
    REQUIRE(lock.packages[0].wheels.size() == 1);
    CHECK(lock.packages[0].wheels[0].filename == "idna-3.6-py3-none-any.whl");
    CHECK(lock.packages[1].source_kind == UvSourceKind::Editable);
    CHECK(lock.packages[2].source_kind == UvSourceKind::Git);
    // The top-level `exclude-newer` of early locks.
    REQUIRE(lock.options.exclude_newer);
    CHECK(lock.options.exclude_newer->value == "2024-03-25T00:00:00Z");
}

TEST_CASE("uv.lock: every source kind and the resolver options", "[model][uv-lock]") {
    ParsedLock parsed = read_lock(R"(version = 1
revision = 2
requires-python = ">=3.12"

[options]
exclude-newer = "2025-01-01T00:00:00Z"

[options.exclude-newer-package]
Hot_Fix = "2025-03-01T00:00:00Z"
trusted = false

[[package]]
name = "a"
version = "1.0"
source = { registry = "https://pkgs.example.com/simple" }
wheels = [{ url = "https://pkgs.example.com/a-1.0-py3-none-any.whl", upload-time = "2024-12-01T00:00:00Z" }]

[[package]]
name = "b"
version = "1.0"
source = { registry = "../local-index" }
sdist = { path = "../local-index/b-1.0.tar.gz", hash = "sha256:00" }

[[package]]
name = "c"
version = "1.0"
source = { url = "https://example.com/c-1.0.tar.gz", subdirectory = "sub" }
sdist = { hash = "sha256:11" }

[[package]]
name = "d"
version = "1.0"
source = { path = "dist/d-1.0-py3-none-any.whl" }
wheels = [{ filename = "d-1.0-py3-none-any.whl", hash = "sha256:22" }]

[[package]]
name = "e"
version = "1.0"
source = { directory = "libs/e" }

[[package]]
name = "f"
version = "1.0"
source = { editable = "." }

[[package]]
name = "g"
version = "1.0"
source = { virtual = "tools/g" }

[[package]]
name = "h"
version = "1.0"
source = { git = "https://github.com/example/h?branch=main#0123456789abcdef0123456789abcdef01234567" }
)");
    const UvLock& lock = parsed.lock;
    REQUIRE(lock.packages.size() == 8);
    const UvSourceKind kinds[] = {UvSourceKind::Registry,  UvSourceKind::Registry, UvSourceKind::Url,
                                  UvSourceKind::Path,      UvSourceKind::Directory, UvSourceKind::Editable,
                                  UvSourceKind::Virtual,   UvSourceKind::Git};
    for (std::size_t i = 0; i < 8; ++i) {
        INFO(lock.packages[i].name);
        CHECK(lock.packages[i].source_kind == kinds[i]);
    }
    CHECK(lock.packages[0].wheels[0].hashes.empty());
    CHECK(lock.packages[0].wheels[0].upload_time == 1733011200);
    CHECK(lock.packages[1].source == "../local-index");
    CHECK(lock.packages[1].sdist->path == "../local-index/b-1.0.tar.gz");
    CHECK(lock.packages[2].sdist->display_name() == "sdist");
    CHECK(lock.packages[3].wheels[0].filename == "d-1.0-py3-none-any.whl");
    CHECK(lock.options.exempted_packages == std::vector<std::string>{"hot-fix", "trusted"});
    CHECK(lock.exempts("hot-fix"));
    CHECK_FALSE(lock.exempts("a"));
}

TEST_CASE("uv.lock: anything that is not a lock reads as an empty one", "[model][uv-lock]") {
    ParsedLock parsed = read_lock("version = \"one\"\npackage = \"none\"\n");
    CHECK_FALSE(parsed.lock.version);
    CHECK(parsed.lock.packages.empty());
    ParsedLock odd = read_lock("[[package]]\nsource = 7\nsdist = 1\nwheels = [1, \"x\"]\n");
    REQUIRE(odd.lock.packages.size() == 1);
    CHECK(odd.lock.packages[0].source_kind == UvSourceKind::Unknown);
    CHECK_FALSE(odd.lock.packages[0].sdist);
    CHECK(odd.lock.packages[0].wheels.empty());
}

TEST_CASE("index URLs compare without credentials, case of the host or trailing slashes", "[model][uv-lock]") {
    CHECK(normalize_index_url("https://PyPI.org/simple/") == "https://pypi.org/simple");
    CHECK(normalize_index_url("https://user:s3cret@pkgs.example.com/simple") == "https://pkgs.example.com/simple");
    CHECK(normalize_index_url("https://token@Pkgs.Example.com/Simple/") == "https://pkgs.example.com/Simple");
    CHECK(normalize_index_url("../local-index/") == "../local-index");
    CHECK(is_pypi_index("https://pypi.org/simple"));
    CHECK(is_pypi_index("https://pypi.org/simple/"));
    CHECK(is_pypi_index("https://pypi.python.org/simple"));
    CHECK_FALSE(is_pypi_index("https://test.pypi.org/simple"));
    CHECK_FALSE(is_pypi_index("https://pypi.org.evil.example/simple"));
    CHECK_FALSE(is_pypi_index("https://download.pytorch.org/whl/cpu"));
}
