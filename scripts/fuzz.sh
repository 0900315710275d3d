#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: Clang 14, AddressSanitizer and
# UndefinedBehaviorSanitizer) and runs each for a time budget. Usage:
#   scripts/fuzz.sh [SECONDS] [TARGET ...]
# SECONDS per target (default 60); TARGET among case_json stance_csv case_csv claimreview graphml time aif iccma argdown argdown_json (default all).
# Each run starts from the seed corpus tests/fuzz/corpus/TARGET, with the dictionary
# tests/fuzz/TARGET.dict (the words of the format); inputs it finds go to
# build/fuzz/corpus/TARGET (kept between runs, never into the repository), and the input of
# a finding to build/fuzz/findings/TARGET/. Prints executions and findings per target; exits
# non-zero on any finding (a crash, a sanitizer report, a broken property, a timeout or an
# input using too much memory).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${1:-60}"
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(case_json stance_csv case_csv claimreview graphml time aif iccma argdown argdown_json)
fi
case "$seconds" in
    ''|*[!0-9]*) echo "error: SECONDS must be a whole number, got '$seconds'" >&2; exit 2 ;;
esac

bash scripts/install-dependencies.sh --fuzz
cmake --preset fuzz >/dev/null
build_targets=()
for t in "${targets[@]}"; do build_targets+=("narrative_fuzz_$t"); done
cmake --build --preset fuzz --target "${build_targets[@]}"

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
out="build/fuzz"
summary=()
failed=0
for t in "${targets[@]}"; do
    corpus="$out/corpus/$t"
    findings="$out/findings/$t"
    log="$out/logs/$t.log"
    mkdir -p "$corpus" "$findings" "$(dirname "$log")"
    echo "== fuzzing $t for ${seconds}s"
    dict=()
    if [ -f "tests/fuzz/$t.dict" ]; then dict=(-dict="tests/fuzz/$t.dict"); fi
    status=0
    "$out/tests/fuzz/narrative_fuzz_$t" "$corpus" "tests/fuzz/corpus/$t" "${dict[@]}" \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
        -artifact_prefix="$findings/" -print_final_stats=1 >"$log" 2>&1 || status=$?
    runs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)"
    if [ "$status" -eq 0 ]; then
        summary+=("$t: ${runs:-?} executions in ${seconds}s, no finding")
    else
        failed=1
        artifact="$(grep -o "Test unit written to .*" "$log" | tail -n 1 | sed 's/Test unit written to //')"
        summary+=("$t: ${runs:-?} executions, FINDING (exit $status): ${artifact:-see $log}")
        grep -m 5 -E "ERROR: |fuzz finding: |runtime error: " "$log" || true
    fi
done
echo "== fuzzing summary"
printf '%s\n' "${summary[@]}"
exit "$failed"
