#!/usr/bin/env bash
# Installs headless Chromium (Debian's `chromium` package), which the test of
# the HTML reference (cli/tests/docs_site.rs) loads the generated site in.
# Run as root; running it again changes nothing.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive
if ! command -v chromium >/dev/null 2>&1; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
chromium --version
