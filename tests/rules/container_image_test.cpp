#include <catch2/catch.hpp>

#include "rules/workflow/container_image.hpp"

using namespace pysec;

TEST_CASE("image references: name, tag, digest", "[rules][container-image]") {
    ImageReference plain = parse_image_reference("python");
    CHECK(plain.name == "python");
    CHECK_FALSE(plain.has_tag);
    CHECK_FALSE(plain.has_digest);

    ImageReference tagged = parse_image_reference("docker://ghcr.io/octo-org/app:1.2");
    CHECK(tagged.name == "ghcr.io/octo-org/app");
    CHECK(tagged.tag == "1.2");

    ImageReference port = parse_image_reference("localhost:5000/cache");
    CHECK(port.name == "localhost:5000/cache");
    CHECK_FALSE(port.has_tag);

    ImageReference both = parse_image_reference(" localhost:5000/py:3.12@SHA256:ABC ");
    CHECK(both.name == "localhost:5000/py");
    CHECK(both.tag == "3.12");
    CHECK(both.digest == "sha256:abc");
    CHECK(both.pinned_by_digest());

    CHECK_FALSE(parse_image_reference("python@latest").pinned_by_digest());
}
