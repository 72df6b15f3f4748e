#!/usr/bin/env python3
"""Write a synthetic Python repository for benchmarking pysec.

    generate.py OUT_DIR N [--seed S] [--git]

OUT_DIR receives N GitHub Actions workflows (.github/workflows/wf-00000.yml ...,
1-20 KB each, sizes drawn from the seed) and the dependency files pysec audits:
.github/dependabot.yml, pyproject.toml, requirements*.txt, uv.lock and
.pre-commit-config.yaml, plus a few files pysec ignores (README, sources).
The same N and seed always give byte-identical files.

The content imitates real workflows: the three forms of `on:`, permissions,
env, concurrency, matrices, needs, `if:` expressions, SHA- and tag-pinned
`uses:`, `with:` blocks, multi-line `run: |` scripts, flow-style mappings and
anchors/aliases. It is not meant to be secure: some workflows use
pull_request_target, interpolate untrusted expressions or pin actions by tag,
so that the rules have findings to report.

By default OUT_DIR is a plain directory (pysec then reads the file system).
With --git it also becomes a git repository with one commit of everything,
made with the `git` command line, so that the libgit2 path can be measured.
Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import os
import random
import shutil
import subprocess
import sys

MIN_WORKFLOW_BYTES = 1024
MAX_WORKFLOW_BYTES = 20 * 1024

# Third-party actions, with the tag a project would pin and whether the
# generator may pin them by commit SHA instead.
ACTIONS = [
    ("actions/checkout", "v4"),
    ("actions/setup-python", "v5"),
    ("astral-sh/setup-uv", "v6"),
    ("actions/cache", "v4"),
    ("actions/upload-artifact", "v4"),
    ("actions/download-artifact", "v4"),
    ("codecov/codecov-action", "v5"),
    ("pypa/gh-action-pypi-publish", "release/v1"),
    ("github/codeql-action/init", "v3"),
    ("github/codeql-action/analyze", "v3"),
    ("docker/setup-buildx-action", "v3"),
    ("docker/login-action", "v3"),
    ("docker/build-push-action", "v6"),
    ("actions/github-script", "v7"),
    ("peter-evans/create-pull-request", "v7"),
    ("softprops/action-gh-release", "v2"),
    ("pre-commit/action", "v3.0.1"),
    ("actions/attest-build-provenance", "v2"),
]

PYTHON_VERSIONS = ["3.9", "3.10", "3.11", "3.12", "3.13", "3.14", "pypy3.10"]
OSES = ["ubuntu-latest", "ubuntu-24.04", "macos-latest", "macos-14", "windows-latest", "windows-2022"]
BRANCHES = ["main", "master", "develop", "release/**", "v[0-9]+.*", "stable"]
PATH_FILTERS = ["src/**", "tests/**", "pyproject.toml", "uv.lock", "requirements*.txt", ".github/workflows/**",
                "docs/**", "!docs/changelog.md", "**.py"]
PACKAGE_WORDS = ["alpha", "beta", "gamma", "delta", "kappa", "lambda", "sigma", "omega", "flux", "quark",
                 "nimbus", "cirrus", "stratus", "pico", "nano", "mega", "giga", "tera", "core", "util",
                 "http", "json", "yaml", "toml", "async", "sync", "crypt", "hash", "cache", "queue"]
REAL_PACKAGES = ["requests", "urllib3", "certifi", "idna", "charset-normalizer", "pydantic", "pydantic-core",
                 "typing-extensions", "annotated-types", "httpx", "httpcore", "h11", "anyio", "sniffio",
                 "click", "rich", "markdown-it-py", "mdurl", "pygments", "pytest", "pluggy", "iniconfig",
                 "packaging", "coverage", "pytest-cov", "ruff", "mypy", "mypy-extensions", "numpy",
                 "pandas", "python-dateutil", "pytz", "tzdata", "six", "attrs", "jinja2", "markupsafe",
                 "pyyaml", "tomli", "filelock", "platformdirs", "virtualenv", "distlib", "nodeenv",
                 "identify", "cfgv", "pre-commit", "sphinx", "docutils", "babel", "alabaster", "furo"]


class Rng:
    """random.Random plus the helpers the generator needs."""

    def __init__(self, seed: int) -> None:
        self.r = random.Random(seed)

    def chance(self, p: float) -> bool:
        return self.r.random() < p

    def pick(self, items):
        return self.r.choice(items)

    def sample(self, items, k):
        return self.r.sample(items, min(k, len(items)))

    def int(self, lo: int, hi: int) -> int:
        return self.r.randint(lo, hi)

    def hex(self, length: int) -> str:
        return "".join(self.r.choice("0123456789abcdef") for _ in range(length))

    def word(self) -> str:
        return self.r.choice(PACKAGE_WORDS)


def sha_for(action: str, tag: str) -> str:
    """A stable fake commit SHA for an action tag (the same everywhere)."""
    return hashlib.sha1(f"{action}@{tag}".encode()).hexdigest()


def uses_line(rng: Rng, action: str, tag: str) -> str:
    """A `uses:` value: SHA-pinned with a version comment, or pinned by tag/branch."""
    if rng.chance(0.55):
        return f"{action}@{sha_for(action, tag)} # {tag}"
    return f"{action}@{tag}"


# ---------------------------------------------------------------------------
# Workflow pieces. Each returns a list of lines (without trailing newlines).


def on_block(rng: Rng, index: int) -> list[str]:
    roll = rng.r.random()
    if index % 50 == 7:
        # A few dangerous triggers, as real repositories have.
        return ["on:", "  pull_request_target:", "    types: [opened, synchronize, reopened, labeled]",
                "    branches: [main]"]
    if index % 50 == 23:
        return ["on:", "  workflow_run:", '    workflows: ["CI", "Tests"]', "    types:", "      - completed",
                "    branches:", "      - main"]
    if roll < 0.12:
        return [f"on: {rng.pick(['push', 'pull_request', 'workflow_dispatch', 'release'])}"]
    if roll < 0.30:
        events = rng.sample(["push", "pull_request", "workflow_dispatch", "merge_group", "release"], rng.int(2, 3))
        return [f"on: [{', '.join(events)}]"]
    lines = ["on:"]
    if rng.chance(0.8):
        lines.append("  push:")
        lines.append("    branches:")
        for branch in rng.sample(BRANCHES, rng.int(1, 3)):
            lines.append(f'      - "{branch}"')
        if rng.chance(0.4):
            lines.append("    tags: ['v*']")
        if rng.chance(0.5):
            lines.append("    paths:")
            for path in rng.sample(PATH_FILTERS, rng.int(2, 5)):
                lines.append(f'      - "{path}"')
    if rng.chance(0.85):
        lines.append("  pull_request:")
        if rng.chance(0.5):
            lines.append("    types: [opened, synchronize, reopened, ready_for_review]")
        lines.append(f"    branches: [{', '.join(rng.sample(['main', 'develop', 'stable'], 2))}]")
        if rng.chance(0.4):
            lines.append("    paths-ignore:")
            lines.append("      - 'docs/**'")
            lines.append("      - '*.md'")
    if rng.chance(0.4):
        lines.append("  schedule:")
        lines.append(f"    - cron: '{rng.int(0, 59)} {rng.int(0, 23)} * * {rng.int(0, 6)}'")
    if rng.chance(0.5):
        lines.append("  workflow_dispatch:")
        if rng.chance(0.6):
            lines += ["    inputs:",
                      "      debug:",
                      "        description: 'Run with debug logging'",
                      "        type: boolean",
                      "        default: false",
                      "      target:",
                      "        description: Deployment target",
                      "        required: true",
                      "        type: choice",
                      "        options: [staging, production]"]
    if rng.chance(0.15):
        lines += ["  release:", "    types: [published]"]
    if len(lines) == 1:
        lines.append("  push:")
    return lines


def permissions_block(rng: Rng, indent: str = "") -> list[str]:
    roll = rng.r.random()
    if roll < 0.2:
        return []
    if roll < 0.35:
        return [f"{indent}permissions: {{}}"]
    if roll < 0.45:
        return [f"{indent}permissions: {rng.pick(['read-all', 'write-all'])}"]
    if roll < 0.6:
        return [f"{indent}permissions: {{ contents: read, pull-requests: write }}"]
    lines = [f"{indent}permissions:", f"{indent}  contents: {rng.pick(['read', 'read', 'write'])}"]
    for scope in rng.sample(["id-token", "pull-requests", "issues", "checks", "actions", "packages",
                             "security-events", "attestations"], rng.int(0, 3)):
        lines.append(f"{indent}  {scope}: {rng.pick(['read', 'write', 'none'])}")
    return lines


def env_block(rng: Rng, indent: str, anchor: str | None = None, flow: bool = True) -> list[str]:
    if flow and rng.chance(0.25):
        return [f"{indent}env: {{ PYTHONUNBUFFERED: '1', FORCE_COLOR: '1', PIP_DISABLE_PIP_VERSION_CHECK: 1 }}"]
    head = f"{indent}env:" + (f" &{anchor}" if anchor else "")
    lines = [head]
    candidates = [
        "PYTHONUNBUFFERED: \"1\"",
        "FORCE_COLOR: \"1\"",
        "UV_FROZEN: true",
        "UV_PYTHON_PREFERENCE: only-managed",
        "PIP_NO_CACHE_DIR: off",
        "COVERAGE_CORE: sysmon",
        "DEFAULT_PYTHON: \"3.12\"",
        "PYPI_TOKEN: ${{ secrets.PYPI_API_TOKEN }}",
        "GH_TOKEN: ${{ github.token }}",
        "CODECOV_TOKEN: ${{ secrets.CODECOV_TOKEN }}",
        "REGISTRY: ghcr.io",
        "IMAGE_NAME: ${{ github.repository }}",
        "BRANCH: ${{ github.head_ref || github.ref_name }}",
        f"CACHE_VERSION: v{rng.int(1, 9)}",
    ]
    for item in rng.sample(candidates, rng.int(2, 6)):
        lines.append(f"{indent}  {item}")
    return lines


def concurrency_block(rng: Rng) -> list[str]:
    roll = rng.r.random()
    if roll < 0.3:
        return []
    if roll < 0.5:
        return ["concurrency: ${{ github.workflow }}-${{ github.ref }}"]
    if roll < 0.65:
        return ["concurrency: { group: '${{ github.workflow }}-${{ github.event.pull_request.number || github.sha }}', "
                "cancel-in-progress: true }"]
    return ["concurrency:",
            "  group: ${{ github.workflow }}-${{ github.head_ref || github.run_id }}",
            f"  cancel-in-progress: {rng.pick(['true', 'false', '${{ github.event_name == ' + repr('pull_request') + ' }}'])}"]


RUN_SNIPPETS = [
    ["python -m pip install --upgrade pip", "pip install -r requirements.txt", "pip install -e '.[test]'"],
    ["uv sync --locked --all-extras --dev", "uv run pytest -q --cov=src --cov-report=xml"],
    ["uv venv", "uv pip install -r requirements-dev.txt", "uv run --frozen ruff check .", "uv run --frozen ruff format --check ."],
    ["pytest -n auto --junitxml=junit/test-results-${{ matrix.python-version }}.xml",
     "coverage combine || true", "coverage report -m --fail-under=85"],
    ['echo "PR title: ${{ github.event.pull_request.title }}"',
     'echo "Author: ${{ github.event.pull_request.user.login }}"'],
    ['echo "branch=${GITHUB_HEAD_REF:-${GITHUB_REF_NAME}}" >> "$GITHUB_OUTPUT"',
     'echo "sha_short=$(git rev-parse --short HEAD)" >> "$GITHUB_OUTPUT"'],
    ["python -m build --sdist --wheel --outdir dist/", "python -m twine check --strict dist/*", "ls -la dist"],
    ["pip install mypy types-requests types-PyYAML", "mypy --strict src/ | tee mypy.log",
     "if grep -q 'error:' mypy.log; then", "  echo '::error::mypy found problems'", "  exit 1", "fi"],
    ["curl -sSfL https://example.invalid/install.sh | sh -s -- -b /usr/local/bin",
     "wget -qO- https://example.invalid/tool.tar.gz | tar xz"],
    ['git config user.name "github-actions[bot]"',
     'git config user.email "41898282+github-actions[bot]@users.noreply.github.com"',
     'git commit -am "chore: update lock file" || echo "nothing to commit"', "git push origin HEAD:${{ github.head_ref }}"],
    ["for version in 3.10 3.11 3.12 3.13; do", '  uv run --python "$version" -- python -c "import sys; print(sys.version)"',
     "done"],
    ['echo "Deploying ${{ inputs.target }} from ${{ github.ref }}"',
     'echo "${{ github.event.head_commit.message }}" > message.txt',
     "./scripts/deploy.sh --env ${{ inputs.target }} --sha ${{ github.sha }}"],
    ["cat <<'EOF' > summary.md", "## Test results", "", "| Python | Result |", "|---|---|",
     "| ${{ matrix.python-version }} | ${{ job.status }} |", "EOF", 'cat summary.md >> "$GITHUB_STEP_SUMMARY"'],
    ["sudo apt-get update", "sudo apt-get install -y --no-install-recommends libxml2-dev libxslt1-dev graphviz"],
    ["pre-commit run --all-files --show-diff-on-failure --color=always"],
    ['python - <<"PY"', "import json, os, pathlib",
     "data = {'run': os.environ.get('GITHUB_RUN_ID'), 'ref': os.environ.get('GITHUB_REF')}",
     "pathlib.Path('meta.json').write_text(json.dumps(data))", "PY"],
]


def run_step(rng: Rng, indent: str, name: str) -> list[str]:
    lines = [f"{indent}- name: {name}"]
    if rng.chance(0.3):
        lines.append(f"{indent}  id: {name.lower().replace(' ', '-')[:20].strip('-')}")
    if rng.chance(0.25):
        lines.append(f"{indent}  if: ${{{{ {rng.pick(IF_CONDITIONS)} }}}}")
    if rng.chance(0.2):
        lines.append(f"{indent}  shell: {rng.pick(['bash', 'pwsh', 'python', 'bash -el {0}'])}")
    if rng.chance(0.2):
        lines.append(f"{indent}  working-directory: {rng.pick(['docs', 'packages/core', './src'])}")
    if rng.chance(0.3):
        lines.append(f"{indent}  env:")
        lines.append(f"{indent}    TITLE: ${{{{ github.event.pull_request.title }}}}")
        lines.append(f"{indent}    PY: ${{{{ matrix.python-version }}}}")
    if rng.chance(0.15):
        lines.append(f"{indent}  run: {rng.pick(['pytest -q', 'make test', 'uv run tox -e py', 'echo done'])}")
        return lines
    lines.append(f"{indent}  run: |")
    for snippet in rng.sample(RUN_SNIPPETS, rng.int(1, 3)):
        for line in snippet:
            lines.append(f"{indent}    {line}" if line else "")
    return lines


IF_CONDITIONS = [
    "github.event_name == 'push' && github.ref == 'refs/heads/main'",
    "github.event_name == 'pull_request' && !github.event.pull_request.draft",
    "success() && matrix.os == 'ubuntu-latest'",
    "always()",
    "failure()",
    "!cancelled() && needs.build.result == 'success'",
    "startsWith(github.ref, 'refs/tags/v')",
    "contains(github.event.pull_request.labels.*.name, 'safe to test')",
    "github.repository_owner == 'example-org'",
    "fromJSON(steps.meta.outputs.changed || 'false')",
    "inputs.debug",
    "hashFiles('**/uv.lock') != ''",
    "format('{0}-{1}', runner.os, matrix.python-version) != 'Windows-3.9'",
]


def uses_step(rng: Rng, indent: str) -> list[str]:
    action, tag = rng.pick(ACTIONS)
    name = action.split("/")[-1].replace("-", " ").capitalize()
    lines = [f"{indent}- name: {name}"] if rng.chance(0.8) else []
    first = "- " if not lines else "  "
    lines.append(f"{indent}{first}uses: {uses_line(rng, action, tag)}")
    inner = indent + "  "
    if rng.chance(0.2):
        lines.append(f"{inner}if: ${{{{ {rng.pick(IF_CONDITIONS)} }}}}")
    with_items = {
        "actions/checkout": ["persist-credentials: false", "fetch-depth: 0", "submodules: recursive",
                             "ref: ${{ github.event.pull_request.head.sha }}"],
        "actions/setup-python": ["python-version: ${{ matrix.python-version }}", "cache: pip",
                                 "cache-dependency-path: '**/requirements*.txt'", "allow-prereleases: true"],
        "astral-sh/setup-uv": ["enable-cache: true", "version: \"0.8.4\"", "python-version: ${{ matrix.python-version }}",
                               "cache-dependency-glob: uv.lock"],
        "actions/cache": ["path: ~/.cache/pip", "key: ${{ runner.os }}-pip-${{ hashFiles('**/requirements*.txt') }}",
                          "restore-keys: |\n" + inner + "    ${{ runner.os }}-pip-"],
        "actions/upload-artifact": ["name: dist-${{ matrix.os }}", "path: dist/", "retention-days: 5",
                                    "if-no-files-found: error"],
        "actions/download-artifact": ["name: dist", "path: dist/", "merge-multiple: true"],
        "codecov/codecov-action": ["token: ${{ secrets.CODECOV_TOKEN }}", "files: coverage.xml",
                                   "fail_ci_if_error: false", "flags: ${{ matrix.os }}"],
        "pypa/gh-action-pypi-publish": ["repository-url: https://test.pypi.org/legacy/", "skip-existing: true",
                                        "password: ${{ secrets.PYPI_API_TOKEN }}", "attestations: true"],
        "github/codeql-action/init": ["languages: python", "queries: security-extended"],
        "github/codeql-action/analyze": ["category: /language:python"],
        "docker/login-action": ["registry: ghcr.io", "username: ${{ github.actor }}",
                                "password: ${{ secrets.GITHUB_TOKEN }}"],
        "docker/build-push-action": ["context: .", "push: ${{ github.event_name != 'pull_request' }}",
                                     "tags: ghcr.io/${{ github.repository }}:${{ github.sha }}",
                                     "cache-from: type=gha", "cache-to: type=gha,mode=max"],
        "actions/github-script": ["script: |\n" + inner + "    const title = context.payload.pull_request.title;\n"
                                  + inner + "    core.info(`title: ${title}`);\n"
                                  + inner + "    await github.rest.issues.addLabels({...context.repo, "
                                  "issue_number: context.issue.number, labels: ['triage']});",
                                  "github-token: ${{ secrets.BOT_TOKEN }}"],
        "peter-evans/create-pull-request": ["title: 'chore: update dependencies'", "branch: bot/deps",
                                            "token: ${{ secrets.PAT }}"],
        "softprops/action-gh-release": ["files: dist/*", "generate_release_notes: true"],
        "actions/attest-build-provenance": ["subject-path: dist/*"],
    }.get(action, [])
    if with_items:
        chosen = rng.sample(with_items, rng.int(1, len(with_items)))
        if rng.chance(0.15) and all("\n" not in item for item in chosen):
            # Flow-style mapping.
            lines.append(f"{inner}with: {{ {', '.join(flow_item(item) for item in chosen)} }}")
        else:
            lines.append(f"{inner}with:")
            for item in chosen:
                lines.append(f"{inner}  {item}")
    return lines


def flow_item(item: str) -> str:
    """`key: value` for a flow mapping: quote values holding flow indicators, as people must."""
    key, value = item.split(": ", 1)
    if value[:1] in "'\"" or not any(c in value for c in "{}[],#"):
        return item
    if '"' not in value and "\\" not in value:
        return f'{key}: "{value}"'
    return f"{key}: '" + value.replace("'", "''") + "'"


def local_step(rng: Rng, indent: str) -> list[str]:
    target = rng.pick(["./.github/actions/setup", "./.github/actions/lint", "docker://alpine:3.20",
                       "docker://ghcr.io/example/tool@sha256:" + hashlib.sha256(b"tool").hexdigest(),
                       "example-org/shared-workflows/.github/actions/notify@main"])
    return [f"{indent}- uses: {target}", f"{indent}  with: {{ message: 'build ${{{{ github.run_number }}}}' }}"]


def job_header(rng: Rng, job_id: str, previous: list[str], job_index: int, anchored_env: bool) -> list[str]:
    lines = [f"  {job_id}:"]
    if rng.chance(0.7):
        lines.append(f"    name: {job_id.replace('-', ' ').title()} (${{{{ matrix.python-version || 'default' }}}})")
    if previous and rng.chance(0.6):
        needs = rng.sample(previous, rng.int(1, min(3, len(previous))))
        lines.append(f"    needs: {needs[0]}" if len(needs) == 1 else f"    needs: [{', '.join(needs)}]")
    if rng.chance(0.35):
        lines.append(f"    if: ${{{{ {rng.pick(IF_CONDITIONS)} }}}}")
    elif rng.chance(0.1):
        lines.append("    if: github.event_name != 'schedule' || github.repository == 'example-org/project'")
    matrix = rng.chance(0.5)
    if matrix:
        lines.append("    runs-on: ${{ matrix.os }}")
    else:
        lines.append(f"    runs-on: {rng.pick(['ubuntu-latest', 'ubuntu-24.04', '[self-hosted, linux, x64]', 'macos-latest'])}")
    lines += permissions_block(rng, "    ")
    if rng.chance(0.3):
        lines.append(f"    timeout-minutes: {rng.pick([10, 15, 30, 60, 360])}")
    if rng.chance(0.15):
        lines.append("    continue-on-error: ${{ matrix.experimental || false }}")
    if rng.chance(0.15):
        lines += ["    environment:", f"      name: {rng.pick(['pypi', 'testpypi', 'production'])}",
                  "      url: https://pypi.org/p/example-project"]
    if matrix:
        lines.append("    strategy:")
        lines.append(f"      fail-fast: {rng.pick(['false', 'true'])}")
        if rng.chance(0.2):
            lines.append(f"      max-parallel: {rng.int(2, 8)}")
        lines.append("      matrix:")
        lines.append(f"        os: [{', '.join(rng.sample(OSES, rng.int(1, 3)))}]")
        versions = rng.sample(PYTHON_VERSIONS, rng.int(2, 5))
        lines.append("        python-version:")
        for version in versions:
            lines.append(f'          - "{version}"')
        if rng.chance(0.4):
            lines += ["        include:",
                      "          - os: ubuntu-latest",
                      '            python-version: "3.14"',
                      "            experimental: true"]
        if rng.chance(0.3):
            lines += ["        exclude:", "          - { os: windows-latest, python-version: pypy3.10 }"]
    if anchored_env:
        lines.append("    env: *shared-env")
    elif rng.chance(0.4):
        lines += env_block(rng, "    ")
    if rng.chance(0.2):
        lines += ["    outputs:",
                  "      version: ${{ steps.meta.outputs.version }}",
                  "      changed: ${{ steps.filter.outputs.src }}"]
    if rng.chance(0.1):
        lines += ["    services:", "      postgres:", "        image: postgres:16",
                  "        env: { POSTGRES_PASSWORD: postgres }", "        ports: ['5432:5432']",
                  "        options: >-", "          --health-cmd pg_isready", "          --health-interval 10s"]
    if rng.chance(0.08):
        lines += ["    container:", "      image: python:3.12-slim", "      options: --user 1001"]
    if rng.chance(0.1):
        lines += ["    defaults:", "      run:", "        shell: bash", "        working-directory: ./src"]
    lines.append("    steps:")
    return lines


STEP_NAMES = ["Install dependencies", "Run tests", "Lint", "Type check", "Build package", "Build docs",
              "Show environment", "Upload coverage", "Check formatting", "Compute version", "Publish summary",
              "Smoke test", "Install system packages", "Collect metadata", "Verify wheel"]


def text_size(lines: list[str]) -> int:
    return sum(len(line) + 1 for line in lines)


def workflow(rng: Rng, index: int, target: int) -> str:
    lines = [f"# Synthetic workflow {index:05d} for pysec's benchmark (generated; do not edit).",
             f"name: {rng.pick(['CI', 'Tests', 'Release', 'Lint', 'Docs', 'Nightly', 'Publish', 'CodeQL'])} {index}"]
    if rng.chance(0.3):
        lines.append(f"run-name: \"${{{{ github.actor }}}} runs {index} on ${{{{ github.ref_name }}}}\"")
    lines += on_block(rng, index)
    lines += permissions_block(rng)
    shared_env = rng.chance(0.3)
    if shared_env:
        # An anchor on the workflow env, reused by some jobs through an alias.
        lines += env_block(rng, "", anchor="shared-env", flow=False)
    elif rng.chance(0.6):
        lines += env_block(rng, "")
    lines += concurrency_block(rng)
    if rng.chance(0.2):
        lines += ["defaults:", "  run:", "    shell: bash"]
    lines.append("jobs:")

    job_ids: list[str] = []
    checkout_anchor_defined = False
    # Leave room for the final job's minimum (a header and one step).
    while True:
        job_index = len(job_ids)
        job_id = f"{rng.pick(['test', 'lint', 'build', 'docs', 'publish', 'typecheck', 'coverage', 'package'])}-{job_index}"
        header = job_header(rng, job_id, job_ids, job_index, shared_env and job_index > 0 and rng.chance(0.5))
        first_step: list[str]
        if not checkout_anchor_defined and rng.chance(0.3):
            first_step = ["      - &checkout",
                          "        name: Check out",
                          f"        uses: actions/checkout@{sha_for('actions/checkout', 'v4')} # v4",
                          "        with:",
                          "          persist-credentials: false"]
            checkout_anchor_defined = True
        elif checkout_anchor_defined and rng.chance(0.5):
            first_step = ["      - *checkout"]
        else:
            first_step = uses_step(rng, "      ")
        job = header + first_step
        if job_ids and text_size(lines) + text_size(job) > target:
            break
        lines += job
        job_ids.append(job_id)
        steps_in_job = rng.int(2, 12)
        for _ in range(steps_in_job):
            roll = rng.r.random()
            if roll < 0.45:
                step = uses_step(rng, "      ")
            elif roll < 0.93:
                step = run_step(rng, "      ", rng.pick(STEP_NAMES))
            else:
                step = local_step(rng, "      ")
            if text_size(lines) + text_size(step) > target:
                break
            lines += step
        if text_size(lines) >= target - 200:
            break
    # Pad a workflow that came out under the minimum with a comment block.
    while text_size(lines) < MIN_WORKFLOW_BYTES:
        lines.append(f"# padding {rng.hex(40)}")
    return "\n".join(lines) + "\n"


def workflow_target_size(rng: Rng) -> int:
    """Between 1 and 20 KB, more small workflows than large ones (log-uniform)."""
    low, high = math.log(MIN_WORKFLOW_BYTES + 200), math.log(MAX_WORKFLOW_BYTES)
    return int(math.exp(rng.r.uniform(low, high)))


# ---------------------------------------------------------------------------
# Dependency files.


def dependabot_yml(rng: Rng) -> str:
    lines = ["version: 2", "updates:"]
    entries = [("pip", "/"), ("uv", "/"), ("github-actions", "/"), ("pre-commit", "/"), ("docker", "/docker"),
               ("pip", "/docs"), ("npm", "/frontend"), ("github-actions", "/.github/actions/setup")]
    for number, (ecosystem, directory) in enumerate(entries):
        lines += [f"  - package-ecosystem: {ecosystem}", f'    directory: "{directory}"',
                  "    schedule:", f"      interval: {rng.pick(['daily', 'weekly', 'monthly'])}"]
        if number % 2 == 0:
            lines += ["    cooldown:", f"      default-days: {rng.int(3, 14)}"]
            if number % 4 == 0:
                lines += ["      semver-major-days: 30", "      semver-minor-days: 7", "      include: ['*']"]
        if rng.chance(0.5):
            lines += ["    groups:", "      minor-and-patch:", "        update-types: [minor, patch]"]
        if rng.chance(0.4):
            lines += [f"    open-pull-requests-limit: {rng.int(2, 10)}", "    labels: [dependencies]"]
    return "\n".join(lines) + "\n"


def pyproject_toml(packages: list[str]) -> str:
    deps = ",\n".join(f'    "{name}>={1 + i % 3}.{i % 10}"' for i, name in enumerate(packages[:25]))
    return f'''[build-system]
requires = ["hatchling>=1.25"]
build-backend = "hatchling.build"

[project]
name = "example-project"
version = "1.4.2"
description = "A synthetic project for pysec's benchmark"
readme = "README.md"
requires-python = ">=3.9"
license = {{ text = "MIT" }}
authors = [{{ name = "Example", email = "dev@example.invalid" }}]
dependencies = [
{deps},
]

[project.optional-dependencies]
test = ["pytest>=8", "pytest-cov>=5", "hypothesis>=6.100"]
docs = ["sphinx>=7", "furo"]

[dependency-groups]
dev = ["ruff>=0.6", "mypy>=1.11", "pre-commit>=3.8"]
lint = ["ruff"]

[tool.uv]
index-url = "https://pypi.org/simple"
extra-index-url = ["https://download.example.invalid/simple"]
index-strategy = "unsafe-best-match"
exclude-newer = "2025-06-01T00:00:00Z"
no-build-isolation-package = ["example-native"]
constraint-dependencies = ["urllib3>=2.2.2"]

[[tool.uv.index]]
name = "internal"
url = "https://pypi.internal.example.invalid/simple"
explicit = true

[tool.uv.sources]
example-native = {{ index = "internal" }}
example-plugin = {{ git = "https://github.com/example/plugin", rev = "main" }}

[tool.ruff]
line-length = 100
target-version = "py39"

[tool.pytest.ini_options]
addopts = "-ra -q"
testpaths = ["tests"]
'''


def requirements_txt(rng: Rng, packages: list[str], hashed: bool) -> str:
    lines = ["# Generated for pysec's benchmark.", "--index-url https://pypi.org/simple"]
    if rng.chance(0.5):
        lines.append("--extra-index-url https://download.example.invalid/simple")
    for i, name in enumerate(packages):
        version = f"{rng.int(0, 9)}.{rng.int(0, 30)}.{rng.int(0, 9)}"
        if hashed:
            lines.append(f"{name}=={version} \\")
            lines.append(f"    --hash=sha256:{rng.hex(64)} \\")
            lines.append(f"    --hash=sha256:{rng.hex(64)}")
        else:
            spec = rng.pick([f"=={version}", f">={version}", f"~={version}", "", f">={version},<{int(version[0]) + 1}"])
            marker = rng.pick(["", "", "", " ; python_version < \"3.11\"", " ; sys_platform == \"win32\""])
            lines.append(f"{name}{spec}{marker}")
    lines.append("git+https://github.com/example/tool@main#egg=example-tool")
    lines.append("-e ./packages/core")
    return "\n".join(lines) + "\n"


def uv_lock(rng: Rng, count: int) -> str:
    names = list(REAL_PACKAGES)
    while len(names) < count:
        candidate = f"{rng.word()}-{rng.word()}"
        if candidate not in names:
            names.append(candidate)
    names = sorted(names[:count])
    out = ["version = 1", "revision = 2", 'requires-python = ">=3.9"', "resolution-markers = [",
           '    "python_full_version >= \'3.12\'",', '    "python_full_version < \'3.12\'",', "]", "",
           "[options]", 'exclude-newer = "2025-06-01T00:00:00Z"', ""]
    for i, name in enumerate(names):
        version = f"{rng.int(0, 9)}.{rng.int(0, 30)}.{rng.int(0, 9)}"
        under = name.replace("-", "_")
        day = f"2024-{rng.int(1, 12):02d}-{rng.int(1, 28):02d}T{rng.int(0, 23):02d}:{rng.int(0, 59):02d}:{rng.int(0, 59):02d}.{rng.int(0, 999999):06d}Z"
        out.append("[[package]]")
        out.append(f'name = "{name}"')
        out.append(f'version = "{version}"')
        if i % 37 == 5:
            out.append('source = { git = "https://github.com/example/' + name + '?rev=main#' + rng.hex(40) + '" }')
        elif i % 41 == 9:
            out.append('source = { registry = "https://pypi.internal.example.invalid/simple" }')
        else:
            out.append('source = { registry = "https://pypi.org/simple" }')
        deps = rng.sample(names, rng.int(0, 4))
        deps = [d for d in deps if d != name]
        if deps:
            out.append("dependencies = [")
            for dep in deps:
                marker = rng.pick(["", "", ", marker = \"python_full_version < '3.11'\""])
                out.append(f'    {{ name = "{dep}"{marker} }},')
            out.append("]")
        base = f"https://files.pythonhosted.org/packages/{rng.hex(2)}/{rng.hex(2)}/{rng.hex(60)}"
        if i % 37 != 5:
            out.append(f'sdist = {{ url = "{base}/{under}-{version}.tar.gz", hash = "sha256:{rng.hex(64)}", '
                       f'size = {rng.int(10000, 9000000)}, upload-time = "{day}" }}')
            out.append("wheels = [")
            tags = ["py3-none-any"] if rng.chance(0.6) else [
                "cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64", "cp312-cp312-macosx_11_0_arm64",
                "cp312-cp312-win_amd64", "cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64",
                "cp311-cp311-musllinux_1_2_x86_64"]
            for tag in tags:
                out.append(f'    {{ url = "{base}/{under}-{version}-{tag}.whl", hash = "sha256:{rng.hex(64)}", '
                           f'size = {rng.int(10000, 9000000)}, upload-time = "{day}" }},')
            out.append("]")
        out.append("")
    out += ["[[package]]", 'name = "example-project"', 'version = "1.4.2"', 'source = { editable = "." }',
            "dependencies = [", '    { name = "requests" },', '    { name = "pydantic" },', "]", ""]
    return "\n".join(out)


def pre_commit_config(rng: Rng) -> str:
    hooks = [
        ("https://github.com/pre-commit/pre-commit-hooks", "v5.0.0", ["trailing-whitespace", "end-of-file-fixer",
                                                                     "check-yaml", "check-toml"]),
        ("https://github.com/astral-sh/ruff-pre-commit", "v0.6.9", ["ruff", "ruff-format"]),
        ("https://github.com/pre-commit/mirrors-mypy", sha_for("mirrors-mypy", "v1.11.2"), ["mypy"]),
        ("https://github.com/astral-sh/uv-pre-commit", "0.4.20", ["uv-lock"]),
        ("https://github.com/zizmorcore/zizmor-pre-commit", sha_for("zizmor", "v1.5.0"), ["zizmor"]),
        ("https://github.com/codespell-project/codespell", "v2.3.0", ["codespell"]),
    ]
    lines = ["default_language_version:", "  python: python3.12", "ci:", "  autoupdate_schedule: monthly", "repos:"]
    for url, rev, ids in hooks:
        comment = "  # frozen: v1" if len(rev) == 40 else ""
        lines += [f"  - repo: {url}", f"    rev: {rev}{comment}", "    hooks:"]
        for hook in ids:
            lines.append(f"      - id: {hook}")
            if hook == "mypy":
                lines.append("        additional_dependencies: [types-requests, 'pydantic>=2']")
    lines += ["  - repo: local", "    hooks:", "      - id: pytest-check", "        name: pytest",
              "        entry: uv run pytest -q", "        language: system", "        pass_filenames: false"]
    return "\n".join(lines) + "\n"


# Files pysec collects but which are not workflows, and files it ignores.
def dependency_files(rng: Rng) -> dict[str, str]:
    packages = list(REAL_PACKAGES)
    return {
        ".github/dependabot.yml": dependabot_yml(rng),
        "pyproject.toml": pyproject_toml(packages),
        "requirements.txt": requirements_txt(rng, packages[:30], hashed=False),
        "requirements-dev.txt": requirements_txt(rng, packages[20:45], hashed=False),
        "requirements/docs.txt": requirements_txt(rng, packages[40:], hashed=True),
        "constraints.txt": requirements_txt(rng, packages[:12], hashed=False),
        "uv.lock": uv_lock(rng, 300),
        ".pre-commit-config.yaml": pre_commit_config(rng),
    }


def ignored_files() -> dict[str, str]:
    return {
        "README.md": "# example-project\n\nSynthetic repository for pysec's benchmark.\n",
        "src/example_project/__init__.py": '__version__ = "1.4.2"\n',
        "src/example_project/core.py": "def add(a: int, b: int) -> int:\n    return a + b\n",
        "tests/test_core.py": "from example_project.core import add\n\n\ndef test_add():\n    assert add(1, 2) == 3\n",
        "docs/index.md": "# Docs\n",
        ".gitignore": "__pycache__/\n.venv/\ndist/\n",
    }


def generate(out_dir: str, count: int, seed: int) -> dict[str, list[str]]:
    """Writes the repository; returns {'workflows': [...], 'dependencies': [...], 'other': [...]} (relative paths)."""
    rng = Rng(seed)
    workflow_dir = os.path.join(out_dir, ".github", "workflows")
    os.makedirs(workflow_dir, exist_ok=True)
    written: dict[str, list[str]] = {"workflows": [], "dependencies": [], "other": []}
    for index in range(count):
        # One generator per workflow: file k is the same whatever N is.
        file_rng = Rng(hash_seed(seed, index))
        text = workflow(file_rng, index, workflow_target_size(file_rng))
        relative = f".github/workflows/wf-{index:05d}.yml"
        write(out_dir, relative, text)
        written["workflows"].append(relative)
    for relative, text in dependency_files(rng).items():
        write(out_dir, relative, text)
        written["dependencies"].append(relative)
    for relative, text in ignored_files().items():
        write(out_dir, relative, text)
        written["other"].append(relative)
    return written


def hash_seed(seed: int, index: int) -> int:
    return int.from_bytes(hashlib.sha256(f"{seed}:{index}".encode()).digest()[:8], "little")


def write(root: str, relative: str, text: str) -> None:
    path = os.path.join(root, relative)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def make_git_repository(out_dir: str) -> None:
    git = shutil.which("git")
    if not git:
        sys.exit("generate.py: --git needs the `git` command line, which is not on PATH")
    env = dict(os.environ, GIT_AUTHOR_NAME="pysec bench", GIT_AUTHOR_EMAIL="bench@example.invalid",
               GIT_COMMITTER_NAME="pysec bench", GIT_COMMITTER_EMAIL="bench@example.invalid",
               GIT_AUTHOR_DATE="2025-01-01T00:00:00Z", GIT_COMMITTER_DATE="2025-01-01T00:00:00Z")
    quiet = {"check": True, "env": env, "stdout": subprocess.DEVNULL}
    subprocess.run([git, "init", "-q", "-b", "main", out_dir], **quiet)
    subprocess.run([git, "-C", out_dir, "add", "-A"], **quiet)
    subprocess.run([git, "-C", out_dir, "-c", "commit.gpgsign=false", "commit", "-q", "-m",
                    "Synthetic repository for pysec's benchmark"], **quiet)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out_dir", help="directory to write (created; must be empty or absent)")
    parser.add_argument("count", type=int, help="number of workflows")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--git", action="store_true", help="also make OUT_DIR a git repository with one commit")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("N must be >= 0")
    if os.path.exists(args.out_dir) and os.listdir(args.out_dir):
        parser.error(f"{args.out_dir} exists and is not empty")
    written = generate(args.out_dir, args.count, args.seed)
    if args.git:
        make_git_repository(args.out_dir)
    total = sum(os.path.getsize(os.path.join(args.out_dir, p)) for paths in written.values() for p in paths)
    print(f"generate.py: wrote {len(written['workflows'])} workflows, {len(written['dependencies'])} dependency "
          f"files and {len(written['other'])} other files ({total / 1e6:.2f} MB) to {args.out_dir}"
          + (" (git repository)" if args.git else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
