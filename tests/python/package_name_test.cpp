#include <catch2/catch.hpp>

#include "python/package_name.hpp"
#include "python/pep440_vectors.hpp"

using namespace pysec::python;
using pysec::test::load_pep440_vectors;

TEST_CASE("canonicalize_name.json: PEP 503 normalization", "[pep440]") {
    auto vectors = load_pep440_vectors("canonicalize_name.json");
    REQUIRE(vectors.size() == 10);
    for (const auto& entry : vectors) {
        std::string name = entry[0].get<std::string>();
        INFO("name: " << name);
        CHECK(canonicalize_name(name) == entry[1].get<std::string>());
    }
}

TEST_CASE("canonicalize_name folds separators and case", "[pep440]") {
    CHECK(canonicalize_name("Django") == "django");
    CHECK(canonicalize_name("oslo.concurrency") == "oslo-concurrency");
    CHECK(canonicalize_name("A-_.b__C") == "a-b-c");
    CHECK(canonicalize_name("-leading.and.trailing_") == "-leading-and-trailing-");
    CHECK(canonicalize_name("") == "");
}

TEST_CASE("is_valid_name follows the core metadata rule", "[pep440]") {
    CHECK(is_valid_name("requests"));
    CHECK(is_valid_name("a"));
    CHECK(is_valid_name("Foo.Bar_baz-2"));
    CHECK_FALSE(is_valid_name(""));
    CHECK_FALSE(is_valid_name("-foo"));
    CHECK_FALSE(is_valid_name("foo_"));
    CHECK_FALSE(is_valid_name("foo bar"));
    CHECK_FALSE(is_valid_name("f\xC3\xBC\x62"));  // "füb"
}
