#!/usr/bin/env bash
# Build cost of the library, measured on a copy of the committed tree with
# its own target directory: an empty library crate for comparison, clean
# builds of the library (default features; and the command, for comparison),
# then
# incremental rebuilds after touching src/lib.rs (the build script must not
# run again) and after touching one data file (it must). Release profile.
# Usage: bench/build_cost.sh
set -euo pipefail
cd "$(dirname "$0")/.."
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
git archive HEAD | tar -x -C "$work" --one-top-level=chatcodes
cargo new --lib --quiet --vcs none "$work/empty"
(cd "$work/chatcodes" && cargo fetch --quiet)
secs() { # seconds a command takes, to 0.1 s
  local start end
  start=$(date +%s.%N)
  "$@" > "$work/last.log" 2>&1
  end=$(date +%s.%N)
  printf '%.1f' "$(echo "$end - $start" | bc -l)"
}
build() { (cd "$1" && shift && cargo build --release -p chatcodes --lib -v "$@"); }
ran_build_script() { grep -q 'Running `.*build-script-build' "$work/last.log" && echo yes || echo no; }
echo "empty library crate:                        $(secs build "$work/empty") s"
echo "chatcodes, default features (clean):        $(secs build "$work/chatcodes") s"
(cd "$work/chatcodes" && cargo clean --quiet)
echo "the command, chatcodes-cli (clean):         $(secs sh -c "cd '$work/chatcodes' && cargo build --release -p chatcodes-cli") s"
(cd "$work/chatcodes" && cargo clean --quiet)
(cd "$work/chatcodes" && cargo build --release -p chatcodes --lib --quiet)
touch "$work/chatcodes/src/lib.rs"
t=$(secs build "$work/chatcodes")
echo "touch src/lib.rs, rebuild:                  $t s (build script ran: $(ran_build_script))"
touch "$work/chatcodes/data/tencent/server/account.toml"
t=$(secs build "$work/chatcodes")
echo "touch data/tencent/server/account.toml:     $t s (build script ran: $(ran_build_script))"
