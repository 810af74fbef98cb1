"""pipelines/clickhouse.sql with the real engine: chDB (ClickHouse in-process)
loads the code-keyed export as a dictionary, and every code answers as
`chatcodes.explain` does."""

import json
import os
import re

import pytest

import chatcodes
from conftest import REPO, require

SQL = (REPO / "pipelines" / "clickhouse.sql").read_text()
SERVER_PATH = "/var/lib/clickhouse/user_files/chatcodes_tencent_server.csv"
NAMESPACE = "tencent_server"


def statements(sql):
    """The file's statements, comments left out."""
    lines = [line for line in sql.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def every_code():
    """Every code of the namespace, each code of a range on its own."""
    codes = []
    for e in chatcodes.entries(NAMESPACE):
        first, last = e.range or (e.code, e.code)
        codes.extend(range(first, last + 1))
    return codes


@pytest.fixture(scope="module")
def session(cli, tmp_path_factory):
    chdb_session = require("chdb.session")
    where = tmp_path_factory.mktemp("clickhouse")
    columns = re.search(r"--columns (\S+)", SQL).group(1)
    table = where / "chatcodes_tencent_server.csv"
    table.write_bytes(cli.run("export", "--format", "csv", "--namespace", NAMESPACE, "--columns", columns).stdout)
    log = where / "app_log.ndjson"
    codes = [0, 70001, -10001, 125000, 10010, 424242, 20003, 0, -302, 120001, 130000]
    log.write_text("".join(json.dumps({"ts": i, "api": "v4/openim/sendmsg", "ErrorCode": c}) + "\n"
                           for i, c in enumerate(codes)))
    # chDB, like a server, reads FILE sources only inside its user files
    # directory, which for chDB is the working directory.
    before = os.getcwd()
    os.chdir(where)
    s = chdb_session.Session(str(where / "db"))
    s.query(f"CREATE TABLE app_log ENGINE = MergeTree ORDER BY ts AS "
            f"SELECT * FROM file('{log}', 'JSONEachRow', 'ts Int64, api String, ErrorCode Int64')")
    sql = SQL.replace(SERVER_PATH, str(table))
    assert sql != SQL, "the dictionary's path is the one the test replaces"
    *setup, query = statements(sql)
    for statement in setup:
        s.query(statement)
    try:
        yield s, query, codes
    finally:
        s.close()
        os.chdir(before)


def rows(session, sql):
    return [json.loads(line) for line in str(session.query(sql, "JSONEachRow")).splitlines() if line]


def test_the_query_explains_the_log(session):
    s, query, codes = session
    got = rows(s, query)
    failed = [c for c in codes if c != 0]
    assert [r["ErrorCode"] for r in got] == failed
    for row in got:
        e = chatcodes.explain(row["ErrorCode"], namespace=NAMESPACE)
        if e is None:
            assert (row["known"], row["retryability"], row["name"]) == (0, "unknown", None)
            continue
        assert row["known"] == 1
        assert (row["name"], row["retryability"], row["retry_after_ms"], row["remedy"]) == \
            (e.name, e.retryability, e.retry_after_ms, e.remedy)


def test_every_code_answers_as_explain_does(session):
    s, _, _ = session
    codes = every_code()
    assert len(codes) > 10000
    attributes = ["name", "category", "retryability", "retry_after_ms", "description", "remedy"]
    got = rows(s, f"""
        SELECT code, dictGet('chatcodes.tencent_server', ({', '.join(f"'{a}'" for a in attributes)}), code) AS v
        FROM (SELECT arrayJoin([{','.join(map(str, codes))}]) :: Int64 AS code)""")
    assert len(got) == len(codes)
    for row in got:
        e = chatcodes.explain(row["code"], namespace=NAMESPACE)
        assert list(row["v"].values() if isinstance(row["v"], dict) else row["v"]) == \
            [getattr(e, a) for a in attributes], row["code"]
    [count] = rows(s, "SELECT count() AS n FROM chatcodes.tencent_server")
    assert int(count["n"]) == len(set(codes))
    [version] = rows(s, "SELECT dictGet('chatcodes.tencent_server', 'catalogue_version', toInt64(70001)) AS v")
    assert version["v"] == chatcodes.CATALOGUE_VERSION


def test_codes_the_catalogue_lacks_are_not_in_the_dictionary(session):
    s, _, _ = session
    known = set(every_code())
    probes = [c for c in [1, 2, 5, 424242, -1, 10**12] if c not in known]
    got = rows(s, f"""SELECT code, dictHas('chatcodes.tencent_server', code) AS has
                      FROM (SELECT arrayJoin([{','.join(map(str, probes))}]) :: Int64 AS code)""")
    assert [r["has"] for r in got] == [0] * len(probes)
    assert all(chatcodes.explain(c, namespace=NAMESPACE) is None for c in probes)
