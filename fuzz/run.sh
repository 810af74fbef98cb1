#!/usr/bin/env bash
# Runs every fuzz target for SECONDS (default 600) each, one after the other,
# and prints libFuzzer's final statistics. Needs cargo-fuzz; on a stable
# toolchain RUSTC_BOOTSTRAP=1 enables the sanitizer flags it passes.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(enrich_line response check parse_code)
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  echo "== $target: $seconds s"
  cargo fuzz run -O "$target" "fuzz/corpus/$target" "fuzz/seeds/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -dict=fuzz/dicts/json.dict -print_final_stats=1 2>&1 |
    grep -E '^(Done|stat::|==|SUMMARY)|panicked|ERROR' || true
done
