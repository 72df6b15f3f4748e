#include <catch2/catch.hpp>

#include "python/specifier_set.hpp"

using namespace pysec::python;

namespace {
Specifier spec(std::string_view text) {
    auto specifier = Specifier::parse(text);
    REQUIRE(specifier.ok());
    return *specifier;
}
SpecifierSet set(std::string_view text) {
    auto specifiers = SpecifierSet::parse(text);
    REQUIRE(specifiers.ok());
    return *specifiers;
}
Version v(std::string_view text) {
    auto version = Version::parse(text);
    REQUIRE(version.ok());
    return *version;
}
}  // namespace

TEST_CASE("Specifier parts and string form", "[pep440]") {
    Specifier wildcard = spec("  == 1.4.* ");
    CHECK(wildcard.op() == SpecifierOperator::equal);
    CHECK(wildcard.version_text() == "1.4.*");
    CHECK(wildcard.is_wildcard());
    CHECK(wildcard.version()->normalized() == "1.4");
    CHECK(wildcard.to_string() == "==1.4.*");
    CHECK_FALSE(wildcard.is_exact_pin());
    CHECK(spec("==1.4").is_exact_pin());
    CHECK(spec("===foo").is_exact_pin());
    CHECK_FALSE(spec("===foo").version().has_value());
    CHECK(spec("~=1.4.2").op() == SpecifierOperator::compatible);
    CHECK(operator_text(SpecifierOperator::less_equal) == "<=");
    CHECK(spec("===").version_text().empty());
}

TEST_CASE("Specifier equality is packaging's", "[pep440]") {
    CHECK(spec("==1.2.3") == spec("== 1.2.3.0"));
    CHECK(spec(">=1.0") == spec(">=1"));
    CHECK_FALSE(spec("~=1.0") == spec("~=1.0.0"));
    CHECK_FALSE(spec("==1.2.*") == spec("==1.2.0.*"));
    CHECK_FALSE(spec("==1.2.3") == spec("~=1.2.3"));
}

TEST_CASE("Specifier.contains without pre-releases", "[pep440]") {
    CHECK(spec(">=1.0").contains(v("2.0a1")));
    CHECK_FALSE(spec(">=1.0").contains(v("2.0a1"), false));
    CHECK_FALSE(spec(">=1.0").contains(v("2.0.dev1"), false));
    CHECK(spec(">=1.0").contains(v("2.0.post1"), false));
}

TEST_CASE("Specifier === compares strings, ignoring ASCII case", "[pep440]") {
    Specifier arbitrary = spec("===1.0-FOO");
    CHECK(arbitrary.contains(std::string_view("1.0-foo")));
    CHECK_FALSE(arbitrary.contains(std::string_view("1.0")));
    CHECK(spec("===1.0").contains(v("1.0.0")) == false);  // str(Version("1.0.0")) is "1.0.0"
    CHECK(spec("===1.0.0").contains(v("1.0.0")));
    CHECK(spec("===1.0a1").contains(std::string_view("1.0A1")));
    CHECK_FALSE(spec("===1.0a1").contains(std::string_view("1.0A1"), false));
    CHECK_FALSE(spec(">=1.0").contains(std::string_view("not a version")));
}

TEST_CASE("Specifier boundaries: <, >, local versions, ~=", "[pep440]") {
    CHECK_FALSE(spec("<2.0").contains(v("2.0rc1")));
    CHECK(spec("<2.0rc1").contains(v("2.0b1")));
    CHECK(spec("<2.0").contains(v("1.9.post1")));
    CHECK_FALSE(spec("<0").contains(v("0.dev0")));
    CHECK_FALSE(spec(">1.0").contains(v("1.0.post1")));
    CHECK(spec(">1.0.post1").contains(v("1.0.post2")));
    CHECK(spec("<=1.0").contains(v("1.0+local")));
    CHECK_FALSE(spec("==1.0+a").contains(v("1.0+b")));
    CHECK(spec("!=1.0").contains(v("1.0.post0")));
    CHECK(spec("~=1.4.5").contains(v("1.4.9")));
    CHECK_FALSE(spec("~=1.4.5").contains(v("1.5.0")));
    CHECK_FALSE(spec("~=1.4.5").contains(v("1.5.0.dev0")));
    CHECK(spec("~=1.4.5a1").contains(v("1.4.5a2")));
    CHECK(spec("==1.*").contains(v("1.9999.post3+local")));
    CHECK_FALSE(spec("==1.9.*").contains(v("1.10")));
    CHECK(spec("==1.99999999999999999999.*").contains(v("1.99999999999999999999.5")));
    CHECK_FALSE(spec("==1.99999999999999999999.*").contains(v("1.100000000000000000000")));
}

TEST_CASE("SpecifierSet splits on commas and requires every specifier", "[pep440]") {
    SpecifierSet range = set(" >=1.0 , !=1.3.*, <2 ,");
    CHECK(range.specifiers().size() == 3);
    CHECK(range.to_string() == "!=1.3.*,<2,>=1.0");
    CHECK(range.contains(v("1.2")));
    CHECK_FALSE(range.contains(v("1.3.4")));
    CHECK_FALSE(range.contains(v("2.0")));
    CHECK(range.contains(v("1.4rc1")));
    CHECK_FALSE(range.contains(v("1.4rc1"), false));
    CHECK(range == set("<2,!=1.3.*,>=1"));
    CHECK_FALSE(range == set("<2,>=1"));
    CHECK(set("==1.0,==1.0.0").to_string() == "==1.0");
}

TEST_CASE("an empty SpecifierSet accepts everything", "[pep440]") {
    SpecifierSet empty = set("");
    CHECK(empty.empty());
    CHECK(empty.to_string().empty());
    CHECK(empty.contains(v("1.0a1")));
    CHECK_FALSE(empty.contains(v("1.0a1"), false));
    CHECK(empty.contains(std::string_view("not a version")));
    CHECK(SpecifierSet().contains(v("3")));
}

TEST_CASE("SpecifierSet reports the invalid item", "[pep440]") {
    auto invalid = SpecifierSet::parse(">=1.0, foo");
    REQUIRE_FALSE(invalid.ok());
    CHECK(invalid.error().message == "Invalid specifier: 'foo'");
    CHECK(Specifier::parse("it's").error().message == "Invalid specifier: \"it's\"");
}
