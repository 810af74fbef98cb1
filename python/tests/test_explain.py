"""`chatcodes.explain`, `explain_all` and `entries` against the command."""

import pytest

import chatcodes


def test_the_readme_line():
    assert chatcodes.explain(70001).retryability == "reauthenticate"


def test_the_catalogue_is_the_commands(cli):
    entries = chatcodes.entries()
    assert len(entries) > 1000
    version = cli.run("--version").stdout.decode()
    assert f"(catalogue {chatcodes.CATALOGUE_VERSION})" in version
    by_namespace = {}
    for e in entries:
        by_namespace.setdefault(e.namespace, []).append(e)
    assert set(by_namespace) == {"tencent_server", "tencent_sdk", "tencent_web", "nexconn_http",
                                 "nexconn_business", "nexconn_client"}
    for namespace, group in by_namespace.items():
        # One command for all of a namespace's codes: each entry's first code.
        codes = [str(e.range[0] if e.range else e.code) for e in group]
        expected = cli.json("explain", "--format", "json", "-n", namespace, "--", *codes)
        got = [chatcodes.explain(int(c), namespace=namespace).to_dict() for c in codes]
        assert got == expected, namespace
        assert chatcodes.entries(namespace) == group


def test_chinese_is_the_commands(cli):
    for code in ["70001", "-10106", "30515", "125000"]:
        expected = cli.json("--lang", "zh", "explain", "--format", "json", "--", code)
        got = [e.to_dict() for e in chatcodes.explain_all(int(code), lang="zh")]
        assert got == expected
        assert any("\u4e00" <= ch <= "\u9fff" for ch in got[0]["description"])


def test_every_meaning_in_the_commands_order(cli):
    expected = cli.json("explain", "--format", "json", "1001")
    got = chatcodes.explain_all(1001)
    assert [e.namespace for e in got] == [r["namespace"] for r in expected]
    assert len(got) >= 2
    assert chatcodes.explain(1001).namespace == expected[0]["namespace"]
    assert chatcodes.explain_all(424242) == []


def test_the_attributes_are_the_records():
    e = chatcodes.explain(70001)
    record = e.to_dict()
    for key in ["code", "vendor", "namespace", "category", "name", "description", "retryability",
                "retry_after_ms", "remedy", "source", "causes", "api", "aliases", "retired"]:
        assert getattr(e, key) == record[key], key
    assert e.name == "ERR_SVR_ACCOUNT_USERSIG_EXPIRED" and e.vendor == "tencent"
    assert e.is_failure and e.range is None
    assert "https://" in e.source
    assert "ERR_SVR_ACCOUNT_USERSIG_EXPIRED" in str(e) and "70001" in repr(e)
    assert not chatcodes.explain(30539).is_failure


def test_a_code_inside_a_range_keeps_both():
    e = chatcodes.explain(125000)
    assert (e.code, e.range) == (125000, (120001, 130000))
    assert e.to_dict()["range"] == "120001-130000"


def test_names_and_text_work_as_in_the_command():
    e = chatcodes.explain(70001)
    assert chatcodes.explain("ERR_SVR_ACCOUNT_USERSIG_EXPIRED") == e
    assert chatcodes.explain("err_svr_account_usersig_expired") == e
    assert chatcodes.explain(" 70001 ") == e
    assert chatcodes.explain("70001.0") == e
    assert chatcodes.explain("-10106").code == -10106
    assert chatcodes.explain(70001) != chatcodes.explain(70001, lang="zh")
    assert chatcodes.explain_all("ERR_SVR_ACCOUNT_USERSIG_EXPIRED") == [e]
    # Hashable, as equality says: a set of what a log's codes mean.
    assert len({e, chatcodes.explain("70001"), chatcodes.explain(70001, lang="zh")}) == 2
    assert len({chatcodes.explain(125000), chatcodes.explain(125001)}) == 2


class Index:
    """An integer type of another library (numpy.int64, say): it has __index__."""

    def __init__(self, value):
        self.value = value

    def __index__(self):
        return self.value


def test_integers_of_other_types():
    assert chatcodes.explain(Index(70001)) == chatcodes.explain(70001)
    assert chatcodes.explain(Index(2**70)) is None
    assert chatcodes.explain_all(Index(1001)) == chatcodes.explain_all(1001)


def test_unknown_codes_are_none():
    assert chatcodes.explain(424242) is None
    assert chatcodes.explain("NO_SUCH_CODE_NAME") is None
    assert chatcodes.explain(2**70) is None
    assert chatcodes.explain("99999999999999999999999") is None
    assert chatcodes.explain(70001, namespace="nexconn_http") is None


def test_wrong_input_is_a_clear_error():
    with pytest.raises(ValueError, match="neither a code number"):
        chatcodes.explain("70001x")
    with pytest.raises(ValueError, match="empty code"):
        chatcodes.explain("  ")
    with pytest.raises(TypeError, match="not a bool"):
        chatcodes.explain(True)
    with pytest.raises(TypeError, match="float"):
        chatcodes.explain(70001.5)
    with pytest.raises(TypeError):
        chatcodes.explain(None)
    with pytest.raises(ValueError, match="known: tencent_server"):
        chatcodes.explain(70001, namespace="tencent")
    with pytest.raises(ValueError, match="language"):
        chatcodes.explain(70001, lang="fr")


def test_a_namespace_and_an_api_that_disagree_are_refused():
    with pytest.raises(ValueError, match="tencent_server"):
        chatcodes.explain(10010, namespace="nexconn_business", api="v4/group_open_http_svc/destroy_group")


def test_an_apis_own_wording(cli):
    api = "v4/group_open_http_svc/destroy_group"
    e = chatcodes.explain(10010, api=api)
    assert e.already_done
    assert e.to_dict() == cli.json("explain", "--format", "json", "--api", api, "10010")[0]
    assert chatcodes.explain(10010, api="group_open_http_svc/destroy_group") == e
    assert e.repeat == {"safe": True} and chatcodes.explain(10010).repeat is None
    send = chatcodes.explain(20003, api="v4/openim/sendmsg").repeat
    assert send["safe"] is False and "MsgRandom" in send["how"]
    assert chatcodes.explain(10010).already_done is None
    with pytest.raises(ValueError, match="destroy_group"):
        chatcodes.explain(10010, api="v4/group_open_http_svc/destroy_grup")


def test_entries_of_one_namespace():
    web = chatcodes.entries("tencent_web")
    assert web and all(e.namespace == "tencent_web" for e in web)
    assert sum(len(chatcodes.entries(ns)) for ns in {e.namespace for e in chatcodes.entries()}) \
        == len(chatcodes.entries())
