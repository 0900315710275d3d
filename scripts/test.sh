#!/usr/bin/env bash
# Builds everything with warnings as errors and runs every test through CTest, then runs each
# fuzz target for NARRATIVE_FUZZ_SECONDS seconds (default 60; 0 skips fuzzing) under
# AddressSanitizer and UndefinedBehaviorSanitizer (scripts/fuzz.sh). This is what CI runs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/install-dependencies.sh chromium  # chromium: the browser test of the HTML report
cmake --workflow --preset ci
fuzz_seconds="${NARRATIVE_FUZZ_SECONDS:-60}"
if [ "$fuzz_seconds" != "0" ]; then
    bash scripts/fuzz.sh "$fuzz_seconds"
fi
