// When a file last changed on the first-parent line of history, through the
// sources' last_change_time, in repositories built with chosen commit times.

#include <ctime>
#include <filesystem>

#include <catch2/catch.hpp>
#include <git2.h>

#include "repo/git_history.hpp"
#include "repo/source.hpp"
#include "support/test_support.hpp"

using namespace pysec;
namespace fs = std::filesystem;

namespace {

constexpr std::int64_t day = 86400;
constexpr std::int64_t t0 = 1741608000;  // 2025-03-10T12:00:00Z

std::unique_ptr<Source> worktree(const test::TempDir& repo) {
    Notices notices;
    return open_source(SourceRequest{{repo.path()}, std::nullopt, false}, notices);
}

std::unique_ptr<Source> at_revision(const test::TempDir& repo, const std::string& revision) {
    Notices notices;
    return open_source(SourceRequest{{repo.path()}, revision, false}, notices);
}

void check(int status) {
    if (status == 0) return;
    const git_error* error = git_error_last();
    FAIL((error ? error->message : "libgit2 error"));
}

// A merge commit on HEAD with `parents` (the first is HEAD's commit), whose
// tree is `tree_commit`'s tree.
std::string merge_commit(const std::string& path, const std::string& first, const std::string& second,
                  const std::string& tree_commit, std::int64_t time) {
    git_repository* repository = nullptr;
    check(git_repository_open(&repository, path.c_str()));
    git_oid ids[3];
    git_oid_fromstr(&ids[0], first.c_str());
    git_oid_fromstr(&ids[1], second.c_str());
    git_oid_fromstr(&ids[2], tree_commit.c_str());
    git_commit* parents[2] = {nullptr, nullptr};
    git_commit* source = nullptr;
    check(git_commit_lookup(&parents[0], repository, &ids[0]));
    check(git_commit_lookup(&parents[1], repository, &ids[1]));
    check(git_commit_lookup(&source, repository, &ids[2]));
    git_tree* tree = nullptr;
    check(git_commit_tree(&tree, source));
    git_signature* signature = nullptr;
    check(git_signature_new(&signature, "pysec tests", "tests@example.invalid", time, 0));
    git_oid merged;
    const git_commit* parent_list[] = {parents[0], parents[1]};
    check(git_commit_create(&merged, repository, "HEAD", signature, signature, nullptr, "merge", tree, 2,
                            parent_list));
    git_signature_free(signature);
    git_tree_free(tree);
    git_commit_free(source);
    git_commit_free(parents[0]);
    git_commit_free(parents[1]);
    git_repository_free(repository);
    char text[GIT_OID_HEXSZ + 1] = {};
    git_oid_tostr(text, sizeof text, &merged);
    return text;
}

// Points HEAD (the current branch) back at `commit`.
void reset_head(const std::string& path, const std::string& commit) {
    git_repository* repository = nullptr;
    check(git_repository_open(&repository, path.c_str()));
    git_oid id;
    git_oid_fromstr(&id, commit.c_str());
    git_object* object = nullptr;
    check(git_object_lookup(&object, repository, &id, GIT_OBJECT_COMMIT));
    check(git_reset(repository, object, GIT_RESET_HARD, nullptr));
    git_object_free(object);
    git_repository_free(repository);
}

}  // namespace

TEST_CASE("history: the commit that last changed the file, not the latest commit", "[repo][history]") {
    test::TempDir repo;
    repo.write("uv.lock", "version = 1\n");
    repo.write("README.md", "one\n");
    test::git_commit_all_at(repo.path(), "add the lock", t0);
    repo.write("README.md", "two\n");
    test::git_commit_all_at(repo.path(), "docs", t0 + day);
    CHECK(worktree(repo)->last_change_time("uv.lock") == t0);
    CHECK(worktree(repo)->last_change_time("README.md") == t0 + day);

    repo.write("uv.lock", "version = 1\nrevision = 3\n");
    test::git_commit_all_at(repo.path(), "re-lock", t0 + 2 * day);
    repo.write("README.md", "three\n");
    test::git_commit_all_at(repo.path(), "docs", t0 + 3 * day);
    CHECK(worktree(repo)->last_change_time("uv.lock") == t0 + 2 * day);
    // A scanned revision has its own history.
    CHECK(at_revision(repo, "HEAD~2")->last_change_time("uv.lock") == t0);
    CHECK(at_revision(repo, "HEAD")->last_change_time("uv.lock") == t0 + 2 * day);
    CHECK_FALSE(at_revision(repo, "HEAD")->last_change_time("missing.lock"));
    // A tree names no commit, so there is no history to read.
    CHECK_FALSE(at_revision(repo, "HEAD^{tree}")->last_change_time("uv.lock"));
}

TEST_CASE("history: a change reverted to an older content still counts", "[repo][history]") {
    test::TempDir repo;
    repo.write("uv.lock", "a\n");
    test::git_commit_all_at(repo.path(), "a", t0);
    repo.write("uv.lock", "b\n");
    test::git_commit_all_at(repo.path(), "b", t0 + day);
    repo.write("uv.lock", "a\n");
    test::git_commit_all_at(repo.path(), "back to a", t0 + 2 * day);
    CHECK(worktree(repo)->last_change_time("uv.lock") == t0 + 2 * day);
}

TEST_CASE("history: uncommitted changes count as now", "[repo][history]") {
    test::TempDir repo;
    repo.write("uv.lock", "a\n");
    repo.write("pylock.toml", "b\n");
    test::git_commit_all_at(repo.path(), "a", t0);
    repo.write("uv.lock", "changed\n");
    auto before = static_cast<std::int64_t>(std::time(nullptr));
    auto changed = worktree(repo)->last_change_time("uv.lock");
    REQUIRE(changed);
    CHECK(*changed >= before);
    CHECK(worktree(repo)->last_change_time("pylock.toml") == t0);
}

TEST_CASE("history: a repository without commits yet", "[repo][history]") {
    test::TempDir repo;
    git_libgit2_init();
    git_repository* repository = nullptr;
    check(git_repository_init(&repository, repo.path().c_str(), 0));
    repo.write("uv.lock", "a\n");
    git_index* index = nullptr;
    check(git_repository_index(&index, repository));
    check(git_index_add_bypath(index, "uv.lock"));
    check(git_index_write(index));
    git_index_free(index);
    git_repository_free(repository);
    auto before = static_cast<std::int64_t>(std::time(nullptr));
    auto changed = worktree(repo)->last_change_time("uv.lock");
    REQUIRE(changed);
    CHECK(*changed >= before);
}

TEST_CASE("history: a lock changed on a merged branch counts from the merge", "[repo][history]") {
    test::TempDir repo;
    repo.write("uv.lock", "a\n");
    std::string base = test::git_commit_all_at(repo.path(), "base", t0);
    repo.write("uv.lock", "from the branch\n");
    std::string branch = test::git_commit_all_at(repo.path(), "branch re-locks", t0 + day);
    reset_head(repo.path(), base);
    repo.write("README.md", "main moves on\n");
    std::string main = test::git_commit_all_at(repo.path(), "main", t0 + 2 * day);
    // The merge takes the branch's lock and main's README: build that tree by committing it.
    repo.write("uv.lock", "from the branch\n");
    std::string merged_tree = test::git_commit_all_at(repo.path(), "tree of the merge", t0 + 3 * day);
    reset_head(repo.path(), main);
    std::string merge = merge_commit(repo.path(), main, branch, merged_tree, t0 + 4 * day);
    reset_head(repo.path(), merge);
    CHECK(worktree(repo)->last_change_time("uv.lock") == t0 + 4 * day);
    CHECK(at_revision(repo, branch)->last_change_time("uv.lock") == t0 + day);
}

TEST_CASE("history: the walk is bounded", "[repo][history]") {
    test::TempDir repo;
    repo.write("uv.lock", "a\n");
    test::git_commit_all_at(repo.path(), "lock", t0);
    for (int i = 0; i < 5; ++i) {
        repo.write("README.md", std::to_string(i));
        test::git_commit_all_at(repo.path(), "docs", t0 + (i + 1) * day);
    }
    git_repository* repository = nullptr;
    check(git_repository_open(&repository, repo.path().c_str()));
    git_oid head;
    check(git_reference_name_to_id(&head, repository, "HEAD"));
    CHECK(git::last_change_time(repository, head, "uv.lock", 10) == t0);
    CHECK_FALSE(git::last_change_time(repository, head, "uv.lock", 3));
    CHECK(git::last_change_time(repository, head, "README.md", 1) == t0 + 5 * day);
    git_repository_free(repository);
}

TEST_CASE("history: sources without git have none", "[repo][history]") {
    test::TempDir directory;
    directory.write("uv.lock", "a\n");
    Notices notices;
    auto source = open_source(SourceRequest{{directory.path()}, std::nullopt, false}, notices);
    CHECK_FALSE(source->last_change_time("uv.lock"));
}
