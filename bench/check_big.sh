#!/usr/bin/env bash
# Speed, peak memory and report size of `chatcodes check` on large friend_add
# responses (bench/gen_big_response.py): 120,000 items (about 14 MB, 17,143
# failures) and 510,000 items (about 59 MB). Best of 5 wall-clock runs; peak
# memory from /usr/bin/time. Usage: bench/check_big.sh [OTHER_BIN]
# OTHER_BIN, another build of chatcodes (an older commit), is measured beside it.
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cargo build --release --quiet -p chatcodes-cli
bin=target/release/chatcodes
python3 bench/gen_big_response.py 120000 > "$work/14mb.json"
python3 bench/gen_big_response.py 510000 > "$work/59mb.json"
measure() { # BIN FILE [ARGS...]: MB/s, peak RSS (MB and x input), output lines
  local bin=$1 file=$2; shift 2
  local bytes; bytes=$(stat -c %s "$file")
  python3 - "$bin" "$file" "$bytes" "$@" <<'PY'
import resource, subprocess, sys, time
bin, path, size, args = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
best = None
for _ in range(5):
    start = time.perf_counter()
    with open(path, "rb") as f:
        p = subprocess.run([bin, "check", "-", *args], stdin=f, capture_output=True)
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
lines = p.stdout.count(b"\n")
t = subprocess.run(["/usr/bin/time", "-f", "%M", bin, "check", path, *args],
                   capture_output=True)
peak_kb = int(t.stderr.decode().strip().splitlines()[-1])
print(f"{best:7.3f} s  {size / best / 1e6:7.1f} MB/s  peak {peak_kb / 1024:6.1f} MB "
      f"({peak_kb * 1024 / size:4.2f}x input)  exit {p.returncode}  {lines} lines of output")
PY
}
other="${1:-}"
for f in 14mb 59mb; do
  echo "== $f.json: $(stat -c %s "$work/$f.json") bytes"
  echo -n "check (text):        "; measure "$bin" "$work/$f.json"
  echo -n "check --format json: "; measure "$bin" "$work/$f.json" --format json
  if [ -n "$other" ]; then echo -n "other build (text):  "; measure "$other" "$work/$f.json"; fi
done
