"""The README's DuckDB example, run as written with DuckDB on a realistic
log and the CSV export: every failed request is joined to what `explain`
says of its code."""

import json
import re
import subprocess
import sys

import chatcodes
from conftest import REPO, require

README = (REPO / "README.md").read_text()


def example():
    """The SQL block after the `duckdb-example` marker."""
    return re.search(r"<!-- duckdb-example -->\n```sql\n(.*?)```", README, re.S).group(1)


def test_the_readme_join(cli, tmp_path, monkeypatch):
    duckdb = require("duckdb")
    sql = example()
    columns = re.search(r"--columns (\S+) > codes\.csv", sql).group(1)
    (tmp_path / "codes.csv").write_bytes(
        cli.run("export", "--format", "csv", "--namespace", "tencent_server", "--columns", columns).stdout)
    log = subprocess.run([sys.executable, str(REPO / "bench" / "gen_rest_log.py"), "3000"],
                         capture_output=True, check=True, timeout=120).stdout
    log += b'{"ts":1800000000,"api":"v4/openim/sendmsg","response":{"ErrorCode":125000}}\n'
    (tmp_path / "app.log").write_bytes(log)
    monkeypatch.chdir(tmp_path)
    rows = duckdb.sql(sql).fetchall()

    expected = []
    for line in log.decode().splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        code = record.get("response", {}).get("ErrorCode")
        if code:
            expected.append((record["ts"], code))
    assert [(r[0], r[2]) for r in rows] == sorted(expected)
    assert len(rows) > 100
    unknown = 0
    for ts, api, code, name, retryability, remedy in rows:
        e = chatcodes.explain(code, namespace="tencent_server")
        if e is None:
            unknown += 1
            assert (name, retryability, remedy) == (None, "unknown", None)
        else:
            assert (name, retryability, remedy) == (e.name, e.retryability, e.remedy), code
    assert 0 < unknown < len(rows)
    # A code inside a range has its own row in the export.
    assert rows[-1][2] == 125000 and rows[-1][5] == chatcodes.explain(125000).remedy
