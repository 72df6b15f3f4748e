#include <catch2/catch.hpp>

#include "python/version.hpp"

using namespace pysec::python;

namespace {
Version v(std::string_view text) {
    auto version = Version::parse(text);
    REQUIRE(version.ok());
    return *version;
}
}  // namespace

TEST_CASE("Version exposes its parts", "[pep440]") {
    Version version = v(" V1!2.03.4-RC5_post6.DEV7+Ubuntu-1.20 ");
    CHECK(version.epoch().digits() == "1");
    REQUIRE(version.release().size() == 3);
    CHECK(version.release()[1].to_uint64() == 3u);
    REQUIRE(version.pre().has_value());
    CHECK(version.pre()->kind == Version::PreReleaseKind::release_candidate);
    CHECK(version.pre()->number.to_uint64() == 5u);
    CHECK(version.post()->digits() == "6");
    CHECK(version.dev()->digits() == "7");
    CHECK(version.normalized() == "1!2.3.4rc5.post6.dev7+ubuntu.1.20");
    CHECK(version.public_version() == "1!2.3.4rc5.post6.dev7");
    CHECK(version.base_version() == "1!2.3.4");
    CHECK(version.local_label() == "ubuntu.1.20");
    CHECK(version.is_prerelease());
    CHECK(version.is_postrelease());
    CHECK(version.is_devrelease());
}

TEST_CASE("Version classifies releases as packaging does", "[pep440]") {
    CHECK_FALSE(v("1.0").is_prerelease());
    CHECK(v("1.0a1").is_prerelease());
    CHECK(v("1.0.dev1").is_prerelease());
    CHECK_FALSE(v("1.0.post1").is_prerelease());
    CHECK(v("1.0-1").is_postrelease());
    CHECK(v("1.0-1").post()->digits() == "1");
    CHECK(v("1.0.post1.dev2").is_devrelease());
    CHECK(v("1.0+local").has_local());
    CHECK(v("1.0").local_label().empty());
}

TEST_CASE("Version ordering: trailing zeros, suffixes and local labels", "[pep440]") {
    CHECK(v("1.0") == v("1"));
    CHECK(v("1.0.0") == v("1"));
    CHECK(v("0!1.0") == v("1.0"));
    CHECK(v("1.0.dev0") < v("1.0a0.dev0"));
    CHECK(v("1.0a0.dev0") < v("1.0a0"));
    CHECK(v("1.0rc1") < v("1.0"));
    CHECK(v("1.0") < v("1.0+local"));
    CHECK(v("1.0+local") < v("1.0.post0"));
    CHECK(v("1.0+abc") < v("1.0+1"));          // letters before numbers
    CHECK(v("1.0+1") < v("1.0+1.0"));          // a prefix first
    CHECK(v("1.0+ABC") == v("1.0+abc"));
    CHECK(v("1.0+deadbeef.0") == v("1.0+deadbeef.00"));
    CHECK(v("1!0.1") > v("99999"));
    CHECK(v("1.0c1") == v("1.0rc1"));
    CHECK(v("1.2.r32") == v("1.2.post32"));
}

TEST_CASE("Version numbers have no size limit", "[pep440]") {
    Version big = v("1.184467440737095516150000000000001");
    Version bigger = v("1.184467440737095516150000000000002");
    CHECK(big < bigger);
    CHECK_FALSE(big.release()[1].to_uint64().has_value());
    CHECK(v("1.000000000000000000000000000000001").normalized() == "1.1");
    CHECK(VersionNumber::from_digits("999").next().digits() == "1000");
    CHECK(VersionNumber::from_digits("0009").next().digits() == "10");
}

TEST_CASE("Version rejects what packaging rejects", "[pep440]") {
    for (std::string_view text : {"", " ", "v", "1.", "1.0+", "1.0+a..b", "1.0-", "1.0a1b1",
                                  "1.0.dev1.post1", "1!", "!1", "1.0 1", "1.0\n1", "+local", "1.0_", "1,0"}) {
        INFO("version: " << text);
        CHECK_FALSE(Version::parse(text).ok());
    }
    CHECK(Version::parse("1.0.post-")->normalized() == "1.0.post0");
    CHECK(Version::parse("1.0-dev-1")->normalized() == "1.0.dev1");
    auto error = Version::parse("1.0+a+").error();
    CHECK(error.message == "Invalid version: '1.0+a+'");
    CHECK(error.to_string() == error.message);
}

TEST_CASE("Version::from_parts builds a version without text", "[pep440]") {
    Version::Parts parts;
    parts.release = {VersionNumber(2), VersionNumber(0)};
    parts.dev = VersionNumber(0);
    Version version = Version::from_parts(parts);
    CHECK(version.normalized() == "2.0.dev0");
    CHECK(version < v("2.0a0"));
    CHECK(Version::from_parts({}).normalized() == "0");
}
