#!/usr/bin/env bash
# Builds pysec and runs the whole test suite: the Catch2 unit, rule and
# end-to-end tests (CTest), then the container test, which builds the real
# Dockerfile with podman and runs the image as the GitHub runner does.
#   PYSEC_SKIP_CONTAINER_TEST=1  skip the container test (it needs root)
set -euo pipefail
cd "$(dirname "$0")/.."

PYSEC_WERROR=ON scripts/build.sh
build_dir=${PYSEC_BUILD_DIR:-build}
ctest --test-dir "$build_dir" --output-on-failure -j "$(nproc)"

if [ "${PYSEC_SKIP_CONTAINER_TEST:-0}" = 1 ]; then
  echo "test: container test skipped (PYSEC_SKIP_CONTAINER_TEST=1)"
  exit 0
fi
container_test=../shared/tools/container-test
[ -x "$container_test" ] || { echo "test: $container_test not found" >&2; exit 1; }
"$container_test" "$PWD"
