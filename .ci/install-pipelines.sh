#!/usr/bin/env bash
# Installs the two log pipeline engines the end-to-end test runs, from
# Debian's packages. rsyslog is installed as usual. syslog-ng conflicts with
# it as the system log daemon, so its two packages (syslog-ng-core and
# syslog-ng-mod-add-contextual-data) are unpacked with `apt-get download` +
# `dpkg -x` into $CHATCODES_SYSLOG_NG_PREFIX (default /opt/chatcodes-syslog-ng,
# where the test looks), and only the libraries they need are installed.
# Nothing is started. Run as root; running it again changes nothing.
set -euo pipefail
PREFIX="${CHATCODES_SYSLOG_NG_PREFIX:-/opt/chatcodes-syslog-ng}"
export DEBIAN_FRONTEND=noninteractive
apt_ready=""
apt_update() { [ -n "$apt_ready" ] || { apt-get update -qq; apt_ready=1; }; }
if ! command -v rsyslogd >/dev/null 2>&1; then
  apt_update
  apt-get install -y -qq --no-install-recommends rsyslog >/dev/null
fi
if [ ! -x "$PREFIX/usr/sbin/syslog-ng" ]; then
  apt_update
  # The libraries syslog-ng-core depends on, but not syslog-ng itself.
  deps=$(apt-cache depends syslog-ng-core | awk '/^ *\|?Depends:/ {print $2}' \
         | grep -v -e '^syslog-ng' -e '^<' -e '^lsb-base$' -e '^sysvinit-utils$' | sort -u)
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $deps >/dev/null
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
  chmod 755 "$work"
  (cd "$work" && apt-get download -qq syslog-ng-core syslog-ng-mod-add-contextual-data 2>/dev/null)
  mkdir -p "$PREFIX"
  for deb in "$work"/*.deb; do dpkg -x "$deb" "$PREFIX"; done
fi
LD_LIBRARY_PATH="$PREFIX/usr/lib/syslog-ng" "$PREFIX/usr/sbin/syslog-ng" --version | head -1
rsyslogd -v | head -1
