#include <catch2/catch.hpp>

#include "python/pep440_vectors.hpp"
#include "python/version.hpp"

using namespace pysec::python;
using pysec::test::load_pep440_vectors;

TEST_CASE("versions_ordered.json: every version parses and the list is strictly increasing", "[pep440]") {
    auto vectors = load_pep440_vectors("versions_ordered.json");
    REQUIRE(vectors.size() == 92);
    std::vector<Version> versions;
    for (const auto& entry : vectors) {
        std::string text = entry.get<std::string>();
        INFO("version: " << text);
        auto version = Version::parse(text);
        REQUIRE(version.ok());
        versions.push_back(*version);
    }
    // Every pair, as upstream compares every pair with every operator.
    for (std::size_t i = 0; i < versions.size(); ++i) {
        for (std::size_t j = 0; j < versions.size(); ++j) {
            INFO(vectors[i].get<std::string>() << " vs " << vectors[j].get<std::string>());
            CHECK((versions[i] <=> versions[j]) == (i <=> j));
            CHECK((versions[i] == versions[j]) == (i == j));
        }
    }
}

TEST_CASE("versions_invalid.json: every string is rejected", "[pep440]") {
    auto vectors = load_pep440_vectors("versions_invalid.json");
    REQUIRE(vectors.size() == 20);
    for (const auto& entry : vectors) {
        std::string text = entry.get<std::string>();
        INFO("version: " << text);
        auto version = Version::parse(text);
        CHECK_FALSE(version.ok());
        if (!version) CHECK(version.error().message.starts_with("Invalid version: "));
    }
}

TEST_CASE("versions_normalized.json: str(Version(input)) is the normalized form", "[pep440]") {
    auto vectors = load_pep440_vectors("versions_normalized.json");
    REQUIRE(vectors.size() == 102);
    for (const auto& entry : vectors) {
        std::string input = entry[0].get<std::string>();
        std::string expected = entry[1].get<std::string>();
        INFO("version: " << input);
        auto version = Version::parse(input);
        REQUIRE(version.ok());
        CHECK(version->normalized() == expected);
        // The normalized form reads back as the same version.
        auto again = Version::parse(expected);
        REQUIRE(again.ok());
        CHECK(*again == *version);
        CHECK(again->normalized() == expected);
    }
}
