#!/usr/bin/env bash
# Instructions `chatcodes enrich --threads 1` executes on a LINES-line log of
# each generator's (short, mixed, worst; see bench/enrich_vs_jq.sh), as
# valgrind's callgrind counts them: unlike wall-clock time on a shared 2-core
# machine, the count is the same from run to run, so a change to the scanner
# can be weighed by it. Each BIN (other builds of chatcodes) is counted beside
# this build, and their outputs are compared byte for byte.
# Usage: bench/enrich_instructions.sh [LINES] [BIN...]
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-20000}"
shift || true
command -v valgrind > /dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet -p chatcodes-cli
bin="${CARGO_TARGET_DIR:-target}/release/chatcodes"
for log in short mixed worst; do
  bench/gen_log.sh "$log" "$lines" "$bin" > "$work/$log.ndjson"
done
count() { # instructions of BIN on LOG; its output goes to OUT
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$1" enrich --threads 1 \
    < "$2" > "$3" 2> /dev/null
  callgrind_annotate "$work/cg.out" 2> /dev/null | awk '/PROGRAM TOTALS/ { gsub(",", "", $1); print $1 }'
}
printf '%-40s %14s %14s %14s\n' "build ($lines lines each)" short mixed worst
for b in "$bin" "$@"; do
  row=()
  for log in short mixed worst; do
    row+=("$(count "$b" "$work/$log.ndjson" "$work/$log.$(basename "$b").out")")
    cmp -s "$work/$log.$(basename "$bin").out" "$work/$log.$(basename "$b").out" ||
      echo "note: $b writes other bytes than $bin on the $log log" >&2
  done
  printf '%-40s %14s %14s %14s\n' "$b" "${row[@]}"
done
