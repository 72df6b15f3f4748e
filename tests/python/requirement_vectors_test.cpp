#include <catch2/catch.hpp>

#include <set>

#include "python/pep440_vectors.hpp"
#include "python/requirement.hpp"

using namespace pysec::python;
using pysec::test::load_pep440_vectors;

TEST_CASE("requirements_valid.json: every field of every requirement", "[pep508]") {
    auto vectors = load_pep440_vectors("requirements_valid.json");
    REQUIRE(vectors.size() == 432);
    for (const auto& entry : vectors) {
        std::string input = entry["input"].get<std::string>();
        INFO("requirement: " << input);
        auto requirement = Requirement::parse(input);
        if (!requirement) FAIL_CHECK(requirement.error().to_string());
        REQUIRE(requirement.ok());

        CHECK(requirement->name() == entry["name"].get<std::string>());

        auto expected_extras = entry["extras"].get<std::set<std::string>>();
        std::set<std::string> extras(requirement->extras().begin(), requirement->extras().end());
        CHECK(extras == expected_extras);

        auto expected_specifiers = entry["specifiers"].get<std::set<std::string>>();
        std::set<std::string> specifiers;
        for (const Specifier& specifier : requirement->specifier().specifiers()) {
            specifiers.insert(specifier.to_string());
        }
        CHECK(specifiers == expected_specifiers);
        auto expected_set = SpecifierSet::parse(entry["specifier"].get<std::string>());
        REQUIRE(expected_set.ok());
        CHECK(requirement->specifier() == *expected_set);

        if (entry["url"].is_null()) {
            CHECK_FALSE(requirement->url().has_value());
        } else {
            CHECK(requirement->url() == entry["url"].get<std::string>());
        }

        if (entry["marker"].is_null()) {
            CHECK_FALSE(requirement->marker().has_value());
        } else {
            auto expected_marker = Marker::parse(entry["marker"].get<std::string>());
            REQUIRE(expected_marker.ok());
            REQUIRE(requirement->marker().has_value());
            INFO("marker: " << requirement->marker()->to_string());
            CHECK(*requirement->marker() == *expected_marker);
        }

        // str(Requirement) reads back as an equal requirement.
        auto again = Requirement::parse(requirement->to_string());
        REQUIRE(again.ok());
        CHECK(*again == *requirement);
    }
}

TEST_CASE("requirements_invalid.json: every requirement is rejected with packaging's message", "[pep508]") {
    auto vectors = load_pep440_vectors("requirements_invalid.json");
    REQUIRE(vectors.size() == 39);
    for (const auto& entry : vectors) {
        std::string input = entry["input"].get<std::string>();
        INFO(entry["test"].get<std::string>() << ": " << input);
        auto requirement = Requirement::parse(input);
        REQUIRE_FALSE(requirement.ok());
        std::string message = requirement.error().to_string();
        INFO("our message: " << message);
        if (!entry["error"].is_null()) {
            CHECK(message.find(entry["error"].get<std::string>()) != std::string::npos);
        }
        if (!entry["message"].is_null()) {
            CHECK(message == entry["message"].get<std::string>());
        }
    }
}
