#include <catch2/catch.hpp>

#include "python/pep440_vectors.hpp"
#include "python/specifier_set.hpp"

using namespace pysec::python;
using pysec::test::load_pep440_vectors;

TEST_CASE("specifiers.json: Specifier.contains with prereleases=True", "[pep440]") {
    auto vectors = load_pep440_vectors("specifiers.json");
    REQUIRE(vectors.size() == 188);
    for (const auto& entry : vectors) {
        std::string version_text = entry[0].get<std::string>();
        std::string specifier_text = entry[1].get<std::string>();
        bool expected = entry[2].get<bool>();
        INFO("version " << version_text << " in " << specifier_text << ", expected " << expected);
        auto specifier = Specifier::parse(specifier_text);
        REQUIRE(specifier.ok());
        auto version = Version::parse(version_text);
        REQUIRE(version.ok());
        CHECK(specifier->contains(*version, true) == expected);
        CHECK(specifier->contains(std::string_view(version_text), true) == expected);
        auto set = SpecifierSet::parse(specifier_text);
        REQUIRE(set.ok());
        CHECK(set->contains(*version, true) == expected);
        CHECK(set->contains(std::string_view(version_text), true) == expected);
        CHECK(specifier->to_string() == specifier_text);
    }
}

TEST_CASE("specifiers_invalid.json: every specifier is rejected", "[pep440]") {
    auto vectors = load_pep440_vectors("specifiers_invalid.json");
    REQUIRE(vectors.size() == 31);
    for (const auto& entry : vectors) {
        std::string text = entry.get<std::string>();
        INFO("specifier: " << text);
        auto specifier = Specifier::parse(text);
        CHECK_FALSE(specifier.ok());
        if (!specifier) CHECK(specifier.error().message.starts_with("Invalid specifier: "));
        CHECK_FALSE(SpecifierSet::parse(text).ok());
    }
}
