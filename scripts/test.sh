#!/usr/bin/env bash
# The test command: installs the real components the end-to-end tests run
# (the log pipeline engines and headless Chromium, from Debian's packages,
# by the scripts in .ci/), then runs `cargo test` with any arguments given.
# Installing needs root (or sudo); a second run installs nothing. When the
# components cannot be installed, the tests that need them say so and stop,
# except under CI=true, where a missing component fails its test.
set -euo pipefail
cd "$(dirname "$0")/.."
as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -E "$@"
  else echo "test.sh: not root and no sudo; cannot run $*" >&2; return 1
  fi
}
for install in .ci/install-*.sh; do
  as_root bash "$install" || echo "test.sh: $install failed; the tests that need it will say so" >&2
done
exec cargo test "$@"
