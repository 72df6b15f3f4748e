#include <catch2/catch.hpp>

#include "python/requirement.hpp"

using namespace pysec::python;

namespace {
Requirement requirement(std::string_view text) {
    auto parsed = Requirement::parse(text);
    INFO(text);
    if (!parsed) FAIL(parsed.error().to_string());
    return *parsed;
}
}  // namespace

TEST_CASE("Requirement parts", "[pep508]") {
    Requirement r = requirement("  Foo.Bar [security , Socks] (>=2.8.1, ==2.8.*) ; python_version < '2.7'");
    CHECK(r.name() == "Foo.Bar");
    CHECK(r.canonical_name() == "foo-bar");
    CHECK(r.extras() == std::vector<std::string>{"Socks", "security"});
    CHECK(r.specifier().to_string() == "==2.8.*,>=2.8.1");
    CHECK_FALSE(r.url().has_value());
    REQUIRE(r.marker().has_value());
    CHECK(r.marker()->to_string() == "python_version < \"2.7\"");
    CHECK(r.to_string() == "Foo.Bar[Socks,security]==2.8.*,>=2.8.1; python_version < \"2.7\"");
}

TEST_CASE("Requirement string forms round-trip as in packaging's tests", "[pep508]") {
    for (std::string_view text : {"name[bar]>=3; python_version == \"2.7\"", "name @ http://foo.com",
                                  "name @ http://foo.com ; extra == \"feature\"", "name"}) {
        CHECK(requirement(text).to_string() == text);
    }
    CHECK(requirement("name@ http://foo.com").to_string() == "name @ http://foo.com");
    CHECK(requirement("name >=2, <3").to_string() == "name<3,>=2");
    CHECK(requirement("foo[]").extras().empty());
    CHECK(requirement("name()").specifier().empty());
    CHECK(requirement("name>=1.0,").specifier().to_string() == ">=1.0");
    CHECK(requirement("name @ gopher:/foo/com").url() == "gopher:/foo/com");
    CHECK(requirement("name===").specifier().to_string() == "===");
    CHECK(requirement("demo===x,>=1").specifier().specifiers().size() == 2);
}

TEST_CASE("Requirement pins: == and ===", "[pep508]") {
    auto pinned = [](std::string_view text) {
        Requirement parsed = requirement(text);
        const auto& specifiers = parsed.specifier().specifiers();
        return specifiers.size() == 1 && specifiers.front().is_exact_pin();
    };
    CHECK(pinned("requests==2.31.0"));
    CHECK(pinned("requests===2.31.0"));
    CHECK_FALSE(pinned("requests==2.*"));
    CHECK_FALSE(pinned("requests>=2.31.0"));
    CHECK_FALSE(pinned("requests"));
}

TEST_CASE("Requirement equality is packaging's", "[pep508]") {
    CHECK(requirement("Foo_Bar[b,a]>=1.0,<2") == requirement("foo-bar [a, b] (<2, >=1)"));
    CHECK(requirement("foo==1.0") == requirement("foo==1.0.0"));
    CHECK_FALSE(requirement("foo[a]") == requirement("foo"));
    CHECK_FALSE(requirement("foo; os_name == 'a'") == requirement("foo"));
    CHECK_FALSE(requirement("foo @ https://a/b") == requirement("foo @ https://a/c"));
}

TEST_CASE("Requirement errors point where packaging points", "[pep508]") {
    auto error = Requirement::parse("name[bar baz]").error();
    CHECK(error.message == "Expected comma between extra names");
    CHECK(error.begin == 9);
    CHECK(error.end == 9);
    // Spans count characters, not bytes.
    auto unicode = Requirement::parse("n\xC3\xA9 >= 1.0 #").error();
    CHECK(unicode.message == "Expected package name at the start of dependency specifier");
    auto after_unicode = Requirement::parse("name; os_name == '\xC3\xA9t\xC3\xA9' and").error();
    CHECK(after_unicode.message == "Expected a marker variable or quoted string");
    CHECK(after_unicode.begin == 26);  // 28 bytes
    CHECK(Requirement::parse("foo!").error().message ==
          "Expected semicolon (after name with no version specifier) or end");
    CHECK(Requirement::parse("name; foobar=='x'").error().message == "Expected a marker variable or quoted string");
    CHECK(Requirement::parse("name >= 1.0+Local").error().message ==
          "Expected comma (within version specifier), semicolon (after version specifier) or end");
    auto specifier = Requirement::parse("demo===x,y").error();
    CHECK(specifier.to_string() == "Invalid specifier: 'y'");
}
