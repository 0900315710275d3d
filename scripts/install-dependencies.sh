#!/usr/bin/env bash
# Installs the Debian packages the project needs, if any is missing. Usage:
#   scripts/install-dependencies.sh [--fuzz] [extra-package ...]
# --fuzz adds what the fuzz targets need (scripts/fuzz.sh): Clang 14 and its runtime with libFuzzer.
set -euo pipefail
packages=(cmake ninja-build g++ libboost-graph-dev libeigen3-dev nlohmann-json3-dev libsimdjson-dev doctest-dev libcli11-dev libcadical-dev libgraphviz-dev pkg-config)
if [ "${1:-}" = "--fuzz" ]; then
    shift
    packages+=(clang-14 libclang-rt-14-dev)
fi
packages+=("$@")
missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi
echo "Installing missing Debian packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1; then
    sudo=(sudo)
else
    echo "error: these packages are missing and this user cannot install them: ${missing[*]}" >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
