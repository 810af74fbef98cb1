#!/usr/bin/env bash
# Writes a generated Tencent REST log of LINES lines to stdout, of one of the
# benchmarks' shapes: mixed (bench/gen_rest_log.py), worst (bench/gen_worst_log.py:
# every line carries a non-zero code) or short (bench/gen_short_log.py: short
# lines with codes from the whole catalogue, which BIN, a chatcodes build, exports).
# Usage: bench/gen_log.sh mixed|worst|short LINES BIN
set -euo pipefail
cd "$(dirname "$0")/.."
case "$1" in
  worst) python3 bench/gen_worst_log.py "$2" ;;
  short)
    codes="$(mktemp)"
    trap 'rm -f "$codes"' EXIT
    "$3" export --format json --columns code,namespace > "$codes"
    python3 bench/gen_short_log.py "$codes" "$2" ;;
  mixed) python3 bench/gen_rest_log.py "$2" ;;
  *) echo "unknown log shape: $1 (mixed, worst or short)" >&2; exit 2 ;;
esac
