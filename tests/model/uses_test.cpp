#include <catch2/catch.hpp>

#include "model/uses.hpp"

using namespace pysec;

TEST_CASE("uses: values are split into owner, repo, path and ref", "[model]") {
    auto checkout = parse_uses("actions/checkout@v4");
    CHECK(checkout.kind == UsesReference::Kind::Repository);
    CHECK(checkout.slug() == "actions/checkout");
    CHECK(checkout.ref == "v4");
    auto nested = parse_uses("github/codeql-action/upload-sarif@main");
    CHECK(nested.slug() == "github/codeql-action");
    CHECK(nested.subpath == "upload-sarif");
    CHECK(nested.action_path() == "github/codeql-action/upload-sarif");
    auto reusable = parse_uses("org/repo/.github/workflows/ci.yml@refs/heads/main");
    CHECK(reusable.subpath == ".github/workflows/ci.yml");
    CHECK(reusable.ref == "refs/heads/main");
    auto no_ref = parse_uses("actions/checkout");
    CHECK(no_ref.kind == UsesReference::Kind::Repository);
    CHECK_FALSE(no_ref.has_ref);
    CHECK(parse_uses("./.github/actions/x").kind == UsesReference::Kind::Local);
    CHECK(parse_uses("docker://alpine:3").kind == UsesReference::Kind::Docker);
    CHECK(parse_uses("checkout@v4").kind == UsesReference::Kind::Invalid);
    CHECK(parse_uses("/x@v1").kind == UsesReference::Kind::Invalid);
}

TEST_CASE("only full commit ids count as SHAs", "[model]") {
    CHECK(is_commit_sha("08eba0b27e820071cde6df949e0beb9ba4906955"));
    CHECK(is_commit_sha("08EBA0B27E820071CDE6DF949E0BEB9BA4906955"));
    CHECK(is_commit_sha(std::string(64, 'a')));
    CHECK_FALSE(is_commit_sha("08eba0b"));
    CHECK_FALSE(is_commit_sha("08eba0b27e820071cde6df949e0beb9ba490695g"));
    CHECK_FALSE(is_commit_sha("v4"));
}
