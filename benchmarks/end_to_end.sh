#!/usr/bin/env bash
# End-to-end benchmark of the command-line tool on generated case files: every command from the
# file to its output, wall time and peak memory (GNU time), as a user runs them.
#
# Usage: benchmarks/end_to_end.sh BUILD_DIR [WORK_DIR] [SIZE ...]
#   BUILD_DIR  a Release build with the benchmarks (narrative and benchmarks/narrative_generate_case)
#   WORK_DIR   where the generated files go (default: a new temporary folder, removed at the end)
#   SIZE       STATEMENTS:RELATIONS (default 10000:100000 100000:1000000 1000000:10000000)
# Environment: TIME_LIMIT seconds per command (default 600); PEER=1 also runs the numpy peer
# (benchmarks/peer_dfquad.py, needs python3-numpy) on each file.
set -uo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
build="${1:?usage: end_to_end.sh BUILD_DIR [WORK_DIR] [SIZE ...]}"
shift
narrative="$build/narrative"
generate="$build/benchmarks/narrative_generate_case"
for tool in "$narrative" "$generate"; do
    [ -x "$tool" ] || { echo "error: $tool not found (configure with -DNARRATIVE_BUILD_BENCHMARKS=ON and build it)" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "error: /usr/bin/time is missing (Debian package time)" >&2; exit 2; }
if [ $# -gt 0 ] && [[ "$1" != *:* ]]; then
    work="$1"
    shift
    mkdir -p "$work"
else
    work="$(mktemp -d)"
    trap 'rm -rf "$work"' EXIT
fi
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000:100000 100000:1000000 1000000:10000000)
limit="${TIME_LIMIT:-600}"

# run NAME FILE_BYTES COMMAND...: one line with wall seconds, peak RSS and its ratio to the file.
run() {
    local name="$1" bytes="$2"
    shift 2
    local log="$work/time.log" status
    timeout "$limit" /usr/bin/time -f "%e %M" -o "$log" "$@" >"$work/out.txt" 2>"$work/err.txt"
    status=$?
    if [ $status -eq 124 ]; then
        printf "  %-16s  over the limit of %s s\n" "$name" "$limit"
        return
    fi
    # GNU time puts "Command exited with non-zero status N" first when the command fails.
    read -r seconds kib < <(tail -n 1 "$log" 2>/dev/null) || { seconds="?"; kib=0; }
    [[ "$kib" =~ ^[0-9]+$ ]] || kib=0
    local mib=$((kib / 1024))
    printf "  %-16s %8s s %8s MiB %6s x file   exit %s" "$name" "$seconds" "$mib" \
        "$(awk -v k="$kib" -v b="$bytes" 'BEGIN { printf "%.2f", k * 1024 / b }')" "$status"
    if [ "$name" = check ]; then
        printf "   %s MB/s" "$(awk -v s="$seconds" -v b="$bytes" 'BEGIN { if (s > 0) printf "%.0f", b / 1e6 / s; else print "-" }')"
    fi
    printf "\n"
    if [ $status -ne 0 ]; then sed -n '1,3p' "$work/err.txt" | sed 's/^/      /'; fi
}

echo "narrative end to end: $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo); time limit $limit s per command"
for size in "${sizes[@]}"; do
    n="${size%%:*}"
    m="${size##*:}"
    file="$work/case-$n-$m.json"
    [ -f "$file" ] || "$generate" "$n" "$m" "$file" || exit 1
    bytes=$(stat -L -c %s "$file")
    echo "$n statements, $m relations: $file ($((bytes / 1048576)) MiB)"
    run check "$bytes" "$narrative" check "$file"
    run score "$bytes" "$narrative" score "$file" --semantics df-quad --format json -o "$work/score.json"
    run "score 2 threads" "$bytes" "$narrative" score "$file" --semantics df-quad --threads 2 --format json -o "$work/score.json"
    run "score no-infer" "$bytes" "$narrative" score "$file" --semantics df-quad --no-infer --format json -o "$work/score.json"
    run actors "$bytes" "$narrative" actors "$file" --format json -o "$work/actors.json"
    run infer "$bytes" "$narrative" infer "$file" -o "$work/inferred.json"
    run contradictions "$bytes" "$narrative" contradictions "$file" --summary
    run "contradictions json" "$bytes" "$narrative" contradictions "$file" --format json -o "$work/contradictions.json"
    run "convert graphml" "$bytes" "$narrative" convert "$file" "$work/case.graphml"
    if [ "${PEER:-0}" = 1 ]; then
        python=/usr/bin/python3  # Debian's, where python3-numpy installs
        [ -x "$python" ] || python=python3
        run "numpy peer" "$bytes" "$python" "$here/peer_dfquad.py" "$file"
        sed -n '1p' "$work/out.txt" | sed 's/^/      /'
    fi
done
