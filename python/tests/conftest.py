"""Shared pieces of the Python package's tests: the repository, the
`chatcodes` command (the oracle the package must agree with) and the rule for
components: under CI=true a missing one fails, elsewhere it skips."""

import importlib
import json
import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI") == "true"


def require(module):
    """Imports `module` (chdb, duckdb): a missing one fails under CI=true and
    skips the test elsewhere."""
    try:
        return importlib.import_module(module)
    except ImportError as e:
        if IN_CI:
            pytest.fail(f"{module} is not installed, and CI=true needs it: {e}")
        pytest.skip(f"{module} is not installed: {e}")


def _build_cli():
    """The path of the `chatcodes` command, built by cargo from this clone
    (or $CHATCODES_BIN)."""
    given = os.environ.get("CHATCODES_BIN")
    if given:
        return given
    cargo = shutil.which("cargo")
    if cargo is None:
        if IN_CI:
            pytest.fail("cargo is not on PATH, and the tests compare with the chatcodes command")
        pytest.skip("cargo is not on PATH")
    built = subprocess.run(
        [cargo, "build", "-q", "-p", "chatcodes-cli", "--message-format=json"],
        cwd=REPO, capture_output=True, text=True, timeout=1800, check=True,
    )
    for line in built.stdout.splitlines():
        message = json.loads(line)
        if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "chatcodes" \
                and message.get("executable"):
            return message["executable"]
    pytest.fail("cargo built no chatcodes executable")


class Cli:
    """Runs the `chatcodes` command in the C locale (English text)."""

    def __init__(self, path):
        self.path = path

    def run(self, *args, input=None, ok=(0,)):
        done = subprocess.run(
            [self.path, *args], input=input, capture_output=True, timeout=120,
            env={**os.environ, "LC_ALL": "C", "NO_COLOR": "1"},
        )
        assert done.returncode in ok, f"chatcodes {' '.join(args)}: exit {done.returncode}: {done.stderr!r}"
        return done

    def json(self, *args, ok=(0,)):
        return json.loads(self.run(*args, ok=ok).stdout)


@pytest.fixture(scope="session")
def cli():
    return Cli(_build_cli())
