#!/usr/bin/env bash
# Throughput of `chatcodes enrich` and of the equivalent jq program on the same
# generated Tencent REST log, in one run. Usage: bench/enrich_vs_jq.sh [LINES] [OTHER_BIN]
# OTHER_BIN, another build of chatcodes (an older commit), is timed beside it.
# LOG=worst uses the worst case (bench/gen_worst_log.py: every line carries a
# non-zero code, half of them in ResultItem[]) instead of the mixed log.
set -euo pipefail
cd "$(dirname "$0")/.."
lines="${1:-200000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
if [ "${LOG:-mixed}" = worst ]; then
  python3 bench/gen_worst_log.py "$lines" > "$work/log.ndjson"
else
  python3 bench/gen_rest_log.py "$lines" > "$work/log.ndjson"
fi
cargo build --release --quiet -p chatcodes-cli
bin=target/release/chatcodes
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
best() { # best of 3 wall-clock seconds; each command writes to /dev/null itself
  python3 - "$@" <<'PY'
import subprocess, sys, time
times = []
for _ in range(3):
    start = time.perf_counter()
    subprocess.run(sys.argv[1:], check=True)
    times.append(time.perf_counter() - start)
print(f"{min(times):.4f}")
PY
}
t_cc=$(best sh -c "$bin enrich < '$work/log.ndjson' > /dev/null 2>&1")
other="${2:-}"
[ -z "$other" ] || t_other=$(best sh -c "$other enrich < '$work/log.ndjson' > /dev/null 2>&1")
t_cat=$(best sh -c "cat '$work/log.ndjson' > /dev/null 2>&1")
t_jq=$(best sh -c "jq -R -r --slurpfile dict '$work/dict.json' '$jq_program' < '$work/log.ndjson' > /dev/null 2>&1")
# The lines without a code field alone (ten copies): enrich should cost little
# more than a copy.
grep -v 'Code"' "$work/log.ndjson" > "$work/nocode1.ndjson" || true
for _ in 1 2 3 4 5 6 7 8 9 10; do cat "$work/nocode1.ndjson"; done > "$work/nocode.ndjson"
nocode_bytes=$(stat -c %s "$work/nocode.ndjson")
t_nc_cc=$(best sh -c "$bin enrich < '$work/nocode.ndjson' > /dev/null 2>&1")
t_nc_cat=$(best sh -c "cat '$work/nocode.ndjson' > /dev/null 2>&1")
[ -z "$other" ] || t_nc_other=$(best sh -c "$other enrich < '$work/nocode.ndjson' > /dev/null 2>&1")
mbps() { echo "scale=1; ${2:-$bytes} / $1 / 1000000" | bc -l; }
echo "input: $lines lines, $bytes bytes"
echo "cat (copy only):   $(printf %.3f "$t_cat") s  $(mbps "$t_cat") MB/s"
echo "chatcodes enrich:  $(printf %.3f "$t_cc") s  $(mbps "$t_cc") MB/s"
[ -z "$other" ] || echo "other build enrich: $(printf %.3f "$t_other") s  $(mbps "$t_other") MB/s  ($other)"
echo "jq equivalent:     $(printf %.3f "$t_jq") s  $(mbps "$t_jq") MB/s"
echo "chatcodes / jq:    $(echo "scale=1; $t_jq / $t_cc" | bc -l)x"
echo "lines without a code field only: $nocode_bytes bytes"
echo "  cat:               $(printf %.3f "$t_nc_cat") s  $(mbps "$t_nc_cat" "$nocode_bytes") MB/s"
echo "  chatcodes enrich:  $(printf %.3f "$t_nc_cc") s  $(mbps "$t_nc_cc" "$nocode_bytes") MB/s"
[ -z "$other" ] || echo "  other build:       $(printf %.3f "$t_nc_other") s  $(mbps "$t_nc_other" "$nocode_bytes") MB/s"
