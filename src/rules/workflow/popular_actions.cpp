#include "rules/workflow/popular_actions.hpp"

#include <array>

namespace pysec {
namespace {

// The most used actions on GitHub and in Python projects' workflows: GitHub's
// own, the Python packaging and tooling ones, and the usual cloud, container,
// coverage and release helpers.  Lower case, since GitHub names are.
constexpr std::array<std::string_view, 72> list = {
    // GitHub
    "actions/checkout", "actions/setup-python", "actions/setup-node", "actions/setup-go", "actions/setup-java",
    "actions/setup-dotnet", "actions/cache", "actions/upload-artifact", "actions/download-artifact",
    "actions/github-script", "actions/create-github-app-token", "actions/attest-build-provenance",
    "actions/attest", "actions/dependency-review-action", "actions/stale", "actions/labeler",
    "actions/configure-pages", "actions/deploy-pages", "actions/upload-pages-artifact", "actions/first-interaction",
    "github/codeql-action", "github/super-linter",
    // Python packaging and tools
    "pypa/gh-action-pypi-publish", "pypa/cibuildwheel", "pypa/gh-action-pip-audit", "astral-sh/setup-uv",
    "astral-sh/ruff-action", "pre-commit/action", "hynek/build-and-inspect-python-package", "pyo3/maturin-action",
    "conda-incubator/setup-miniconda", "mamba-org/setup-micromamba", "prefix-dev/setup-pixi", "snok/install-poetry",
    "sigstore/gh-action-sigstore-python", "re-actors/alls-green", "codecov/codecov-action",
    "coverallsapp/github-action", "zizmorcore/zizmor-action", "tox-dev/action-pre-commit-uv",
    "readthedocs/actions",
    // Security
    "ossf/scorecard-action", "step-security/harden-runner", "trufflesecurity/trufflehog",
    "aquasecurity/trivy-action", "aquasecurity/setup-trivy", "gitleaks/gitleaks-action",
    "sigstore/cosign-installer",
    // Containers and clouds
    "docker/login-action", "docker/build-push-action", "docker/setup-buildx-action", "docker/setup-qemu-action",
    "docker/metadata-action", "aws-actions/configure-aws-credentials", "google-github-actions/auth",
    "google-github-actions/setup-gcloud", "azure/login",
    // Repository automation and other toolchains
    "peter-evans/create-pull-request", "peter-evans/create-or-update-comment", "softprops/action-gh-release",
    "ncipollo/release-action", "tj-actions/changed-files", "dorny/paths-filter", "peaceiris/actions-gh-pages",
    "jamesives/github-pages-deploy-action", "swatinem/rust-cache", "dtolnay/rust-toolchain",
    "taiki-e/install-action", "golangci/golangci-lint-action", "pnpm/action-setup", "ruby/setup-ruby",
    "slackapi/slack-github-action",
};

}  // namespace

std::span<const std::string_view> popular_actions() { return list; }

}  // namespace pysec
