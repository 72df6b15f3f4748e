#!/usr/bin/env bash
# Installs what pysec needs to build and test, from Debian 12's packages.
# Idempotent: installs only what is missing. Runs apt-get as root (through sudo
# when not root).
set -euo pipefail

packages=(
  g++ cmake make pkg-config
  libyaml-cpp-dev libgit2-dev nlohmann-json3-dev libcurl4-openssl-dev libcli11-dev
  catch2 libtomlplusplus-dev
  ca-certificates python3 python3-jsonschema openssl
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

as_root=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root (or sudo) to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi
echo "setup: installing ${missing[*]}"
"${as_root[@]}" apt-get update -q
DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
