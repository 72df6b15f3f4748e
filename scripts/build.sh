#!/usr/bin/env bash
# Installs the dependencies (scripts/setup.sh) and builds pysec into ./build.
#   PYSEC_BUILD_TYPE   Release (default) | RelWithDebInfo | Debug
#   PYSEC_BUILD_TESTS  ON (default) | OFF
#   PYSEC_BUILD_DIR    build (default)
#   PYSEC_WERROR       OFF (default) | ON (CI: warnings are errors)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
build_dir=${PYSEC_BUILD_DIR:-build}
cmake -S . -B "$build_dir" \
  -DCMAKE_BUILD_TYPE="${PYSEC_BUILD_TYPE:-Release}" \
  -DPYSEC_BUILD_TESTS="${PYSEC_BUILD_TESTS:-ON}" \
  -DPYSEC_WERROR="${PYSEC_WERROR:-OFF}" >/dev/null
cmake --build "$build_dir" -j "$(nproc)"
