#!/usr/bin/env bash
# Builds everything with warnings as errors and runs every test through CTest (what CI runs).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/install-dependencies.sh
cmake --workflow --preset ci
