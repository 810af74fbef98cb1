#!/usr/bin/env bash
# The Python package's tests (python/tests): a fresh virtual environment,
# the package installed from this clone as a user installs it
# (`pip install ./python`, maturin from PyPI as its build backend), and
# pytest, chDB and DuckDB from PyPI for the suite and its ClickHouse and
# DuckDB tests. The tests compare with the `chatcodes` command, which they
# build with cargo. Any step that fails fails the script; under CI=true a
# missing component fails its test instead of skipping it.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
python="${PYTHON:-python3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$python" -m venv "$work/venv"
pip=("$work/venv/bin/pip" --disable-pip-version-check -q)
"${pip[@]}" install ./python
"${pip[@]}" install -r python/tests/requirements.txt
# From outside the source tree, so the installed package is the one imported.
cd "$work"
"$work/venv/bin/python" -m pytest -q -p no:cacheprovider "$repo/python/tests"
