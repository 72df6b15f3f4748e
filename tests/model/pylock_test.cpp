// The PEP 751 view, against pip's real pylock.toml files and a hand-written
// lock with every kind of package.

#include <catch2/catch.hpp>

#include "model/pylock.hpp"
#include "parse/parse.hpp"
#include "support/test_support.hpp"

using namespace pysec;

namespace {

struct ParsedLock {
    ParsedFile file;
    Pylock lock;
};

ParsedLock read_lock(std::string text, std::string path = "pylock.toml") {
    ParsedLock result{parse_document(path, std::move(text), DocumentFormat::Toml), {}};
    REQUIRE_FALSE(result.file.failure);
    auto lock = read_pylock(*result.file.document);
    REQUIRE(lock);
    result.lock = std::move(*lock);
    return result;
}

}  // namespace

TEST_CASE("pylock.toml: the lock pip writes for its own build", "[model][pylock]") {
    std::string path = "pypa__pip/build-project/pylock.toml";
    ParsedLock parsed = read_lock(test::read_file(test::shared_dir() + "/corpus/" + path), path);
    const Pylock& lock = parsed.lock;
    CHECK(lock.lock_version == "1.0");
    CHECK(lock.created_by == "pip");
    REQUIRE(lock.packages.size() == 4);
    const PylockPackage& build = lock.packages[0];
    CHECK(build.name == "build");
    CHECK(build.version == "1.5.0");
    CHECK(build.index.empty());
    CHECK(build.from_registry());  // its wheel is fetched by URL
    REQUIRE(build.wheels.size() == 1);
    CHECK(build.wheels[0].filename == "build-1.5.0-py3-none-any.whl");
    REQUIRE(build.wheels[0].hashes.size() == 1);
    CHECK(build.wheels[0].hashes[0].first == "sha256");
    CHECK_FALSE(build.wheels[0].upload_time);
    CHECK(lock.packages[1].canonical_name == "flit-core");
    CHECK(parsed.file.document->text().substr(build.node->begin, 12) == "[[packages]]");
}

TEST_CASE("pylock.toml: pip's test lock with local sdist, archive and wheel", "[model][pylock]") {
    std::string path = "pypa__pip/tests/data/lockfiles/pylock.toml";
    ParsedLock parsed = read_lock(test::read_file(test::shared_dir() + "/corpus/" + path), path);
    const Pylock& lock = parsed.lock;
    REQUIRE(lock.packages.size() == 3);
    REQUIRE(lock.packages[0].sdist);
    CHECK(lock.packages[0].sdist->path == "../packages/simple-2.0.tar.gz");
    CHECK_FALSE(lock.packages[0].from_registry());
    REQUIRE(lock.packages[1].archive);
    CHECK(lock.packages[1].archive->filename == "simple2-3.0.tar.gz");
    CHECK(lock.packages[1].version.empty());
    CHECK(lock.packages[1].artifacts().size() == 1);
    CHECK(lock.packages[2].wheels.size() == 1);
}

TEST_CASE("pylock.toml: index, vcs, directory and TOML date-time upload times", "[model][pylock]") {
    ParsedLock parsed = read_lock(R"(lock-version = "1.0"
created-by = "hand"

[[packages]]
name = "attrs"
version = "24.2.0"
index = "https://pypi.org/simple"
sdist = { name = "attrs-24.2.0.tar.gz", url = "https://files.pythonhosted.org/attrs-24.2.0.tar.gz", upload-time = 2024-08-06T14:37:38Z, hashes = { sha256 = "aa", sha512 = "bb" } }
wheels = [
  { url = "https://files.pythonhosted.org/attrs-24.2.0-py3-none-any.whl", upload-time = 2024-08-06T16:37:36+02:00, hashes = {} },
  { url = "https://files.pythonhosted.org/attrs-24.2.0-py3-none-any.whl", upload-time = "2024-08-06T14:37:36Z" },
]

[[packages]]
name = "from-vcs"
[packages.vcs]
type = "git"
url = "https://github.com/example/from-vcs"
commit-id = "0123456789abcdef0123456789abcdef01234567"

[[packages]]
name = "local"
[packages.directory]
path = "libs/local"
editable = true
)");
    const Pylock& lock = parsed.lock;
    REQUIRE(lock.packages.size() == 3);
    const PylockPackage& attrs = lock.packages[0];
    CHECK(attrs.index == "https://pypi.org/simple");
    REQUIRE(attrs.sdist);
    CHECK(attrs.sdist->hashes.size() == 2);
    CHECK(attrs.sdist->upload_time == 1722955058);
    REQUIRE(attrs.wheels.size() == 2);
    CHECK(attrs.wheels[0].filename == "attrs-24.2.0-py3-none-any.whl");
    CHECK(attrs.wheels[0].hashes.empty());
    CHECK(attrs.wheels[0].upload_time == 1722955056);
    CHECK(attrs.wheels[1].upload_time == 1722955056);
    CHECK(attrs.artifacts().size() == 3);
    CHECK(lock.packages[1].vcs);
    CHECK_FALSE(lock.packages[1].from_registry());
    CHECK(lock.packages[2].directory);
    CHECK(lock.packages[2].artifacts().empty());
}
