#!/usr/bin/env bash
# The main job: installs what is missing, builds the ceasefire example, and runs it on the case
# file built from the two news articles (examples/ceasefire/ceasefire.json), then writes the
# HTML report of the case (every analysis on one page, the graph drawn).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/install-dependencies.sh
cmake --preset release -DNARRATIVE_BUILD_BENCHMARKS=OFF -DNARRATIVE_BUILD_TESTS=OFF > /dev/null
cmake --build --preset release --target narrative_example_ceasefire narrative_cli
./build/release/examples/narrative_example_ceasefire examples/ceasefire/ceasefire.json
# The same analyses on one page, to open in a browser.
./build/release/narrative report examples/ceasefire/ceasefire.json -o build/release/ceasefire-report.html
echo
echo "Report: build/release/ceasefire-report.html"

