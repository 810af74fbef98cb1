"""`chatcodes.enrich_line` and `chatcodes.Enricher` against `chatcodes enrich`."""

import io
import subprocess
import sys

import pytest

import chatcodes
from conftest import REPO


@pytest.fixture(scope="module")
def log(cli, tmp_path_factory):
    """3,000 lines of the benchmark's short-line log: codes from the whole
    catalogue, 30 APIs, broken lines."""
    where = tmp_path_factory.mktemp("log")
    codes = where / "codes.json"
    codes.write_bytes(cli.run("export", "--format", "json", "--columns", "code,namespace").stdout)
    made = subprocess.run([sys.executable, str(REPO / "bench" / "gen_short_log.py"), str(codes), "3000"],
                          capture_output=True, check=True, timeout=120)
    # Add what the generator lacks: CRLF, a non-UTF-8 line, no final newline.
    return made.stdout + b'{"ErrorCode":70001}\r\n\xff\xfe{"ErrorCode":70001}\n{"ErrorCode":10010}'


def test_enrich_line_is_the_commands(cli, log):
    expected = cli.run("enrich", "--threads", "1", input=log).stdout
    lines = log.splitlines(keepends=True)
    assert b"".join(chatcodes.enrich_line(line) for line in lines) == expected
    text = [line.decode() for line in lines if b"\xff" not in line]
    assert "".join(chatcodes.enrich_line(line) for line in text) == \
        cli.run("enrich", input="".join(text).encode()).stdout.decode()
    assert expected.count(b"_explained") > 1000


def test_stream_is_the_commands(cli, log):
    for options, kwargs in [([], {}),
                            (["--fields", "name,retryability"], {"fields": ["name", "retryability"]}),
                            (["--lang", "zh"], {"lang": "zh"}),
                            (["--namespace", "nexconn_business"], {"namespace": "nexconn_business"}),
                            (["--api-field", ""], {"api_field": None}),
                            (["--api", "v4/sns/friend_add", "--api-field", ""],
                             {"api": "v4/sns/friend_add", "api_field": ""}),
                            (["--field", "ts"], {"paths": ["ts"]})]:
        expected = cli.run("enrich", *options, input=log).stdout
        sink = io.BytesIO()
        summary = chatcodes.Enricher(**kwargs).stream(io.BytesIO(log), sink)
        assert sink.getvalue() == expected, options
        assert summary.lines == log.count(b"\n") + 1
        assert summary.enriched > 0 and summary.not_json > 0
        assert chatcodes.Enricher(**kwargs).line(log) == expected


def test_a_line_keeps_its_type_and_what_is_not_json():
    assert chatcodes.enrich_line("plain text") == "plain text"
    assert chatcodes.enrich_line(b"plain text\n") == b"plain text\n"
    assert chatcodes.enrich_line('{"ErrorCode":0}') == '{"ErrorCode":0}'
    assert chatcodes.enrich_line("\ud800") == "\ud800"
    out = chatcodes.enrich_line(b'{"ErrorCode":70001}\n')
    assert isinstance(out, bytes) and out.endswith(b"}\n") and b"reauthenticate" in out
    lean = chatcodes.Enricher(fields=["retryability"]).line('{"ErrorCode":70001}')
    assert lean == '{"ErrorCode":70001,"ErrorCode_explained":{"code":70001,"retryability":"reauthenticate"}}'


def test_wrong_input_and_options():
    with pytest.raises(TypeError, match="str or bytes"):
        chatcodes.enrich_line(70001)
    with pytest.raises(ValueError, match="unknown field"):
        chatcodes.Enricher(fields=["nmae"])
    with pytest.raises(ValueError, match="namespace"):
        chatcodes.Enricher(namespace="tencent")
    with pytest.raises(ValueError):
        chatcodes.Enricher(paths=["a..b"])


class Failing(io.RawIOBase):
    def write(self, data):
        raise OSError(28, "No space left on device")


def test_a_stream_passes_the_files_errors_on():
    with pytest.raises(OSError, match="No space left"):
        chatcodes.Enricher().stream(io.BytesIO(b'{"ErrorCode":70001}\n'), Failing())

    class Broken(io.RawIOBase):
        def readinto(self, b):
            raise KeyError("source broke")

    with pytest.raises(KeyError, match="source broke"):
        chatcodes.Enricher().stream(Broken(), io.BytesIO())
    with pytest.raises(TypeError, match="binary mode"):
        chatcodes.Enricher().stream(io.StringIO('{"ErrorCode":70001}\n'), io.BytesIO())


def test_a_stream_flushes_when_the_source_has_nothing_waiting():
    flushed = []

    class Sink(io.BytesIO):
        def flush(self):
            flushed.append(len(self.getvalue()))

    class Trickle(io.RawIOBase):
        """Returns one line per read, as a pipe with a slow writer does."""
        def __init__(self):
            self.lines = [b'{"ErrorCode":70001}\n', b"plain\n"]

        def readable(self):
            return True

        def readinto(self, b):
            if not self.lines:
                return 0
            line = self.lines.pop(0)
            b[:len(line)] = line
            return len(line)

    sink = Sink()
    summary = chatcodes.Enricher().stream(Trickle(), sink)
    assert (summary.lines, summary.enriched) == (2, 1)
    # Each short read is written out before the next is asked for.
    assert flushed[0] > 0 and flushed[0] < len(sink.getvalue())
