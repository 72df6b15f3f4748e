// Truncated, garbled and oversized variants of the vectors go through every parser
// and every operation on what parses: nothing may crash, throw or hang.

#include <catch2/catch.hpp>

#include <iterator>

#include "python/package_name.hpp"
#include "python/pep440_vectors.hpp"
#include "python/requirement.hpp"

using namespace pysec::python;

namespace {

std::vector<std::string> vector_strings() {
    std::vector<std::string> strings;
    auto add_all = [&](const nlohmann::json& value, auto& self) -> void {
        if (value.is_string()) {
            strings.push_back(value.get<std::string>());
        } else if (value.is_array() || value.is_object()) {
            for (const auto& item : value) self(item, self);
        }
    };
    for (const char* file : {"versions_ordered.json", "versions_invalid.json", "versions_normalized.json",
                             "specifiers.json", "specifiers_invalid.json", "canonicalize_name.json",
                             "requirements_valid.json", "requirements_invalid.json"}) {
        add_all(pysec::test::load_pep440_vectors(file), add_all);
    }
    return strings;
}

void exercise(const std::string& text) {
    static const Version reference = *Version::parse("1.0");
    static const MarkerEnvironment environment = [] {
        MarkerEnvironment env;
        env.values = {{"python_version", "3.12"}, {"python_full_version", "3.12.1"}, {"os_name", "posix"},
                      {"sys_platform", "linux"}, {"platform_release", "6.1"}, {"platform_system", "Linux"},
                      {"platform_version", "#1"}, {"platform_machine", "x86_64"},
                      {"platform_python_implementation", "CPython"}, {"implementation_name", "cpython"},
                      {"implementation_version", "3.12.1"}, {"extra", "Test_Extra"}};
        env.sets = {{"extras", {"a", "B_c"}}, {"dependency_groups", {}}};
        return env;
    }();

    (void)canonicalize_name(text);
    (void)is_valid_name(text);
    if (auto version = Version::parse(text)) {
        (void)version->normalized();
        (void)(*version <=> reference);
        CHECK(Version::parse(version->normalized()).ok());
    }
    if (auto specifier = Specifier::parse(text)) {
        (void)specifier->contains(reference);
        (void)specifier->contains(std::string_view(text), false);
        CHECK(Specifier::parse(specifier->to_string()).ok());
    }
    if (auto set = SpecifierSet::parse(text)) {
        (void)set->contains(reference);
        (void)set->to_string();
    }
    if (auto marker = Marker::parse(text)) {
        (void)marker->evaluate(environment);
        (void)marker->evaluate(environment, MarkerContext::lock_file);
        (void)marker->to_string();
    } else {
        (void)marker.error().to_string();
    }
    if (auto requirement = Requirement::parse(text)) {
        (void)requirement->to_string();
        if (requirement->marker()) (void)requirement->marker()->evaluate(environment);
        (void)requirement->specifier().contains(reference);
    } else {
        (void)requirement.error().to_string();
    }
}

}  // namespace

TEST_CASE("hostile input: truncated and garbled vectors never crash", "[pep508]") {
    const std::vector<std::string> strings = vector_strings();
    const std::string replacements[] = {"(", ")", "'", "\"", "\\", ";", "@", "[", ",", ".*", "+", "\xff", "\xc3",
                                        std::string(1, '\0'), " not ", "===", "\xe2\x80\xaf"};
    std::uint32_t seed = 12345;
    auto next = [&] { return seed = seed * 1103515245u + 12345u; };
    std::size_t exercised = 0;
    for (const std::string& text : strings) {
        for (std::size_t cut = 0; cut <= text.size(); ++cut) {
            exercise(text.substr(0, cut));
            exercise(text.substr(cut));
            exercised += 2;
        }
        for (int round = 0; round < 8 && !text.empty(); ++round) {
            std::string garbled = text;
            std::size_t at = next() % garbled.size();
            garbled.replace(at, next() % 3, replacements[next() % std::size(replacements)]);
            exercise(garbled);
            ++exercised;
        }
    }
    CHECK(exercised > 10000);
}

TEST_CASE("hostile input: deep nesting and long inputs are rejected or parsed quickly", "[pep508]") {
    std::string deep = "name; " + std::string(100000, '(') + "os_name == 'a'" + std::string(100000, ')');
    auto nested = Requirement::parse(deep);
    REQUIRE_FALSE(nested.ok());
    CHECK(nested.error().message == "Marker is nested too deeply");
    CHECK(Marker::parse(std::string(200, '(') + "os_name == 'a'" + std::string(200, ')')).ok());

    std::string long_name(1'000'000, 'a');
    CHECK(Requirement::parse(long_name + ">=1").ok());
    std::string long_version = "1";
    for (int i = 0; i < 100000; ++i) long_version += ".0";
    auto version = Version::parse(long_version);
    REQUIRE(version.ok());
    CHECK(*version == *Version::parse("1"));
    CHECK(Version::parse(std::string(100000, '9')).ok());
    CHECK_FALSE(Version::parse(std::string(100000, '.')).ok());
    CHECK_FALSE(Requirement::parse(std::string(100000, '[')).ok());
    std::string many_or = "os_name == 'a'";
    for (int i = 0; i < 10000; ++i) many_or += " or os_name == 'b'";
    CHECK(Marker::parse(many_or).ok());

    std::string many_specifiers = "name>=1";
    for (int i = 0; i < 20000; ++i) many_specifiers += ",>=1." + std::to_string(i) + ",==1.*";
    auto requirement = Requirement::parse(many_specifiers);
    REQUIRE(requirement.ok());
    CHECK(requirement->specifier().specifiers().size() == 40001);
    CHECK(*requirement == *requirement);
    CHECK(requirement->to_string().size() > 100000);
}
