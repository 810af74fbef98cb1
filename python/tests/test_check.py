"""`chatcodes.check` against `chatcodes check` on every response fixture of
the command's own tests (cli/tests/fixtures/responses)."""

import json
import pathlib

import pytest

try:
    import tomllib
except ImportError:  # Python < 3.11
    import tomli as tomllib

import chatcodes
from conftest import REPO

FIXTURES = sorted((REPO / "cli" / "tests" / "fixtures" / "responses").glob("*.json"))


def arguments(expect):
    """The keyword arguments of check() and the command's arguments for a
    fixture's verdict file."""
    kwargs, args = {}, []
    if "api" in expect:
        kwargs["api"] = expect["api"]
        args += ["--api", expect["api"]]
    if "vendor_flag" in expect:
        kwargs["vendor"] = expect["vendor_flag"]
        args += ["--vendor", expect["vendor_flag"]]
    args += expect.get("flags", [])
    return kwargs, args


OUTCOME_KEYS = ["failure", "kind", "array", "item", "code", "status", "message"]


def outcome_record(o):
    """An outcome with the members of the command's JSON report (absent ones None)."""
    item = {"field": o.item_field, "id": o.item} if o.item is not None else None
    return dict(zip(OUTCOME_KEYS, [o.is_failure, o.kind, o.array, item, o.code, o.status, o.message]))


def test_there_are_fixtures():
    assert len(FIXTURES) > 60


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.stem)
def test_check_agrees_with_the_command(cli, path):
    expect = tomllib.loads(path.with_suffix(".toml").read_text())
    kwargs, args = arguments(expect)
    body = path.read_bytes()
    done = cli.run("check", "--format", "json", *args, str(path), ok=(0, 1, 2))
    assert done.returncode == expect["exit"]
    if expect["exit"] == 2:
        with pytest.raises(chatcodes.NotAResponse) as raised:
            chatcodes.check(body, **kwargs)
        assert isinstance(raised.value, ValueError)
        assert done.stderr.decode().strip() == f"chatcodes check: {raised.value}"
        return
    report = chatcodes.check(body, **kwargs)
    command = json.loads(done.stdout)
    assert report.vendor == command["vendor"]
    assert report.api == command["api"]
    assert (report.code, report.message, report.request_id, report.action_status) == (
        command["code"], command["message"], command["request_id"], command["action_status"])
    assert [outcome_record(o) for o in report.outcomes] == [
        {k: o.get(k) for k in OUTCOME_KEYS} for o in command["outcomes"]]
    explained = {str(o.code): o.explanation.to_dict() for o in report.outcomes if o.explanation}
    assert explained == command.get("explanations", {})
    assert report.repeat == command.get("repeat")
    assert report.failed == (command["verdict"] != "ok")
    assert report.already_done == (0 < command["failed"] == command["already_done"])


def test_str_and_bytes_are_the_same_body():
    body = '{"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"UserSig expired"}'
    a, b = chatcodes.check(body), chatcodes.check(body.encode())
    assert a.failed and b.failed
    assert [o.code for o in a.outcomes] == [o.code for o in b.outcomes] == [70001]
    outcome = a.outcomes[0]
    assert outcome.kind == "request" and outcome.item is None
    assert outcome.message == "UserSig expired"
    assert outcome.explanation == chatcodes.explain(70001)
    assert outcome.retryability == "reauthenticate"


def test_a_success_has_no_outcomes():
    report = chatcodes.check(b'{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}')
    assert not report.failed and report.outcomes == [] and not report.already_done


def test_items_are_named():
    body = ('{"ActionStatus":"OK","ErrorCode":0,"ResultItem":['
            '{"To_Account":"a","ResultCode":0},{"To_Account":"b","ResultCode":30010,"ResultInfo":"full"}]}')
    report = chatcodes.check(body, api="v4/sns/friend_add")
    assert report.failed and report.api == "v4/sns/friend_add"
    [o] = report.outcomes
    assert (o.kind, o.item_field, o.item, o.code, o.message) == ("item_code", "To_Account", "b", 30010, "full")
    assert o.explanation.namespace == "tencent_server"
    assert chatcodes.check(body, api="v4/sns/friend_add", lang="zh").outcomes[0].explanation.description \
        != o.explanation.description


def test_already_done():
    body = '{"ActionStatus":"FAIL","ErrorCode":10010,"ErrorInfo":"group not found"}'
    report = chatcodes.check(body, api="v4/group_open_http_svc/destroy_group")
    assert report.failed and report.already_done and report.outcomes[0].already_done
    assert not chatcodes.check(body).already_done


def test_not_a_response():
    for body, reason in [(b"", "not a JSON document"), ("[1]", "found an array"),
                         ("{}", "not a response"), ('{"ActionStatus":"OK","ErrorCode":1,"ErrorInfo":""}', "webhook")]:
        with pytest.raises(chatcodes.NotAResponse, match=reason):
            chatcodes.check(body)
    with pytest.raises(chatcodes.NotAResponse, match="not a JSON document"):
        chatcodes.check('{"ActionStatus":"FAIL","ErrorCode":70001,"ErrorInfo":"\ud800"}')
    with pytest.raises(chatcodes.NotAResponse, match="Nexconn"):
        chatcodes.check('{"ActionStatus":"FAIL","ErrorCode":70001}', vendor="nexconn")


def test_wrong_arguments():
    with pytest.raises(TypeError, match="str or bytes"):
        chatcodes.check(42)
    with pytest.raises(ValueError, match="vendor"):
        chatcodes.check("{}", vendor="rongcloud")
    with pytest.raises(ValueError) as raised:
        chatcodes.check("{}", api="v4/no/such_api")
    assert not isinstance(raised.value, chatcodes.NotAResponse)
