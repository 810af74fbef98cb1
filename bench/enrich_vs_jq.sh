#!/usr/bin/env bash
# Throughput of `chatcodes enrich` and of the equivalent jq program on the same
# generated Tencent REST log, in one run. Usage: bench/enrich_vs_jq.sh [LINES] [OTHER_BIN]
# OTHER_BIN, another build of chatcodes (an older commit), is timed beside it.
# Best of 3 wall-clock runs each; the chatcodes runs (this build with default
# and one thread, to /dev/null and to a file, and OTHER_BIN) take turns.
# LOG=worst uses the worst case (bench/gen_worst_log.py: every line carries a
# non-zero code, half of them in ResultItem[]) and LOG=short a log of short
# lines with codes from the whole catalogue and thirty APIs
# (bench/gen_short_log.py) instead of the mixed log.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-200000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet -p chatcodes-cli
bin="${CARGO_TARGET_DIR:-target}/release/chatcodes"
bench/gen_log.sh "${LOG:-mixed}" "$lines" "$bin" > "$work/log.ndjson"
"$bin" export --format json --dictionary --namespace tencent_server > "$work/dict.json"
bytes=$(stat -c %s "$work/log.ndjson")
# jq: parse each line (keeping broken ones), explain ErrorCode and ResultItem[].ResultCode.
jq_program='. as $line | (try fromjson catch null) as $r
  | if $r == null then $line
    else ($r | walk(if type == "object" and ((.ErrorCode // 0) != 0)
                    then . + {ErrorCode_explained: {code: .ErrorCode, description: ($dict[0][(.ErrorCode|tostring)] // "unknown")}}
                    elif type == "object" and ((.ResultCode // 0) != 0)
                    then . + {ResultCode_explained: {code: .ResultCode, description: ($dict[0][(.ResultCode|tostring)] // "unknown")}}
                    else . end) | tojson) end'
best_each() { # best of 3 wall-clock seconds of each `sh -c` command, run in turns
  # (one run of each per round), so that a burst of noise on this shared
  # machine does not fall on all three runs of one of them; one line of times
  python3 - "$@" <<'PY'
import subprocess, sys, time
times = [[] for _ in sys.argv[1:]]
for _ in range(3):
    for i, command in enumerate(sys.argv[1:]):
        start = time.perf_counter()
        subprocess.run(["sh", "-c", command], check=True)
        times[i].append(time.perf_counter() - start)
print(" ".join(f"{min(t):.4f}" for t in times))
PY
}
# The plainest jq program: the top-level ErrorCode only.
jq_plain='. as $line | (try fromjson catch null) as $r
  | if $r == null then $line
    else ($r | if ((.ErrorCode // 0) != 0)
               then . + {ErrorCode_explained: {code: .ErrorCode, description: ($dict[0][(.ErrorCode|tostring)] // "unknown")}}
               else . end | tojson) end'
other="${2:-}"
# Every chatcodes run in turns; the other build (if any) last in each round.
cc_runs=("$bin enrich < '$work/log.ndjson' > /dev/null 2>&1"
  "$bin enrich --threads 1 < '$work/log.ndjson' > /dev/null 2>&1"
  "$bin enrich < '$work/log.ndjson' > '$work/out.ndjson' 2>/dev/null"
  "$bin enrich --threads 1 < '$work/log.ndjson' > '$work/out1.ndjson' 2>/dev/null"
  "$bin enrich --fields name,retryability < '$work/log.ndjson' > '$work/fields.ndjson' 2>/dev/null")
[ -z "$other" ] || cc_runs+=("$other enrich < '$work/log.ndjson' > /dev/null 2>&1")
read -r t_cc t_cc1 t_file t_file1 t_fields t_other < <(best_each "${cc_runs[@]}")
out_bytes=$(stat -c %s "$work/out.ndjson")
cmp -s "$work/out.ndjson" "$work/out1.ndjson" || { echo "threads 1 and the default wrote other bytes" >&2; exit 1; }
fields_bytes=$(stat -c %s "$work/fields.ndjson")
t_jq_plain=$(best_each "jq -R -r --slurpfile dict '$work/dict.json' '$jq_plain' < '$work/log.ndjson' > /dev/null 2>&1")
t_cat=$(best_each "cat '$work/log.ndjson' > /dev/null 2>&1")
t_jq=$(best_each "jq -R -r --slurpfile dict '$work/dict.json' '$jq_program' < '$work/log.ndjson' > /dev/null 2>&1")
# The lines without a code field alone (ten copies): enrich should cost little
# more than a copy.
grep -v 'Code"' "$work/log.ndjson" > "$work/nocode1.ndjson" || true
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$work/nocode1.ndjson"; done > "$work/nocode.ndjson"
nocode_bytes=$(stat -c %s "$work/nocode.ndjson")
if [ "$nocode_bytes" -gt 0 ]; then
  t_nc_cc=$(best_each "$bin enrich < '$work/nocode.ndjson' > /dev/null 2>&1")
  t_nc_cat=$(best_each "cat '$work/nocode.ndjson' > /dev/null 2>&1")
  [ -z "$other" ] || t_nc_other=$(best_each "$other enrich < '$work/nocode.ndjson' > /dev/null 2>&1")
fi
mbps() { echo "scale=1; ${2:-$bytes} / $1 / 1000000" | bc -l; }
echo "input: $lines lines, $bytes bytes"
echo "cat (copy only):   $(printf %.3f "$t_cat") s  $(mbps "$t_cat") MB/s"
echo "chatcodes enrich:  $(printf %.3f "$t_cc") s  $(mbps "$t_cc") MB/s"
[ -z "$other" ] || echo "other build enrich: $(printf %.3f "$t_other") s  $(mbps "$t_other") MB/s  ($other)"
echo "jq equivalent:     $(printf %.3f "$t_jq") s  $(mbps "$t_jq") MB/s"
echo "chatcodes / jq:    $(echo "scale=1; $t_jq / $t_cc" | bc -l)x"
echo "enrich --threads 1: $(printf %.3f "$t_cc1") s  $(mbps "$t_cc1") MB/s  (default threads / 1 thread: $(echo "scale=2; $t_cc1 / $t_cc" | bc -l)x)"
echo "plainest jq (top-level ErrorCode only): $(printf %.3f "$t_jq_plain") s  $(mbps "$t_jq_plain") MB/s  (chatcodes / it: $(echo "scale=1; $t_jq_plain / $t_cc" | bc -l)x)"
echo "to a file:          $(printf %.3f "$t_file") s  $(mbps "$t_file") MB/s; --threads 1: $(printf %.3f "$t_file1") s  $(mbps "$t_file1") MB/s"
echo "output / input:     $(echo "scale=2; $out_bytes / $bytes" | bc -l)x; with --fields name,retryability $(echo "scale=2; $fields_bytes / $bytes" | bc -l)x ($(printf %.3f "$t_fields") s to a file)"
[ "$nocode_bytes" -gt 0 ] || exit 0 # every line has a code field
echo "lines without a code field only: $nocode_bytes bytes"
echo "  cat:               $(printf %.3f "$t_nc_cat") s  $(mbps "$t_nc_cat" "$nocode_bytes") MB/s"
echo "  chatcodes enrich:  $(printf %.3f "$t_nc_cc") s  $(mbps "$t_nc_cc" "$nocode_bytes") MB/s"
[ -z "$other" ] || echo "  other build:       $(printf %.3f "$t_nc_other") s  $(mbps "$t_nc_other" "$nocode_bytes") MB/s"
