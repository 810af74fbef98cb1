#!/usr/bin/env bash
# Writes every output of a chatcodes binary into OUT_DIR, so that two builds
# can be compared byte for byte (`diff -r`): each export format, the
# references (Markdown, HTML, a page per code), `check` on every response
# fixture in text, JSON and NDJSON, `enrich` on the benchmark logs, and
# `explain` in each format on a set of codes.
# Usage: scripts/snapshot_outputs.sh BIN OUT_DIR
set -euo pipefail
bin="$1"
out="$2"
here="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$out/export" "$out/check" "$out/docs"
for format in csv json ndjson yaml syslog-ng rsyslog; do
  "$bin" export --format "$format" > "$out/export/all.$format"
done
"$bin" export --format json --dictionary --namespace tencent_server > "$out/export/dictionary.json"
"$bin" export --columns code,description > "$out/export/two-columns.csv"
"$bin" docs > "$out/docs/REFERENCE.md"
"$bin" docs --format html --out "$out/docs/site"
"$bin" docs --split --out "$out/docs/split"
for body in "$here"/cli/tests/fixtures/responses/*.json; do
  name="$(basename "$body" .json)"
  api="$(sed -n 's/^api = "\(.*\)"$/\1/p' "${body%.json}.toml")"
  args=()
  [ -n "$api" ] && args+=(--api "$api")
  for format in text json ndjson; do
    "$bin" check "${args[@]}" --format "$format" "$body" > "$out/check/$name.$format" 2>&1 || echo "exit $?" >> "$out/check/$name.$format"
  done
done
python3 "$here/bench/gen_rest_log.py" 20000 | "$bin" enrich > "$out/enrich-mixed.ndjson" 2> "$out/enrich-mixed.summary"
python3 "$here/bench/gen_worst_log.py" 20000 | "$bin" enrich > "$out/enrich-worst.ndjson" 2> "$out/enrich-worst.summary"
codes=(70001 -10106 0 404 1001 30001 125000 31023 34001 2025 ERR_SVR_ACCOUNT_USERSIG_EXPIRED)
for format in text json problem; do
  "$bin" explain "${codes[@]}" --format "$format" > "$out/explain.$format" 2>&1 || true
done
"$bin" explain --api v4/sns/friend_add 30010 30001 > "$out/explain-api.text"
"$bin" search usersig expired > "$out/search.text"
"$bin" list > "$out/list.text"
