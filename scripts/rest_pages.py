"""Reading Tencent Cloud Chat's REST API pages from a git snapshot of
tencentyun/intlcloud-documents: shared by the extraction scripts.

Each page is Markdown. What we take from it: the API path from the sample
request URL, the JSON code blocks under the "Sample response(s)" heading, and
the rows of the "Error Codes" table.
"""
import json
import re
import subprocess

REST_DIR = "yehe_doc/中间件与通信/即时通信 IM/服务端 API/REST API/"


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, "-c", "core.quotepath=off", *args],
                          check=True, capture_output=True).stdout.decode("utf-8", "replace")


def commit(repo):
    return git(repo, "rev-parse", "HEAD").strip()


def pages(repo):
    """(path, text) of every English REST API page."""
    for path in sorted(git(repo, "ls-tree", "-r", "--name-only", "HEAD").splitlines()):
        if path.startswith(REST_DIR) and path.endswith("_intl_en.md"):
            yield path, git(repo, "show", f"HEAD:{path}")


API_RE = re.compile(r"https?://[^\s/]+/(v4/[A-Za-z0-9_]+/[A-Za-z0-9_]+)")


def api_path(text):
    m = API_RE.search(text)
    return m.group(1) if m else None


def sections(text):
    """(heading, body) pairs, split at Markdown headings."""
    parts = re.split(r"(?m)^(#{1,6} .*)$", text)
    yield "", parts[0]
    for i in range(1, len(parts) - 1, 2):
        yield parts[i].lstrip("# ").strip(), parts[i + 1]


def code_blocks(body):
    return re.findall(r"```[a-zA-Z]*\n(.*?)```", body, re.S)


def loose_json(text):
    """Parses a documentation JSON sample: drops // comments outside strings,
    `...` placeholders and trailing commas. Returns None when it still fails."""
    out, i, in_str = [], 0, False
    while i < len(text):
        c = text[i]
        if in_str:
            out.append(c)
            if c == "\\" and i + 1 < len(text):
                out.append(text[i + 1])
                i += 1
            elif c == '"':
                in_str = False
        elif c == '"':
            in_str, _ = True, out.append(c)
        elif text.startswith("//", i):
            while i < len(text) and text[i] != "\n":
                i += 1
            continue
        else:
            out.append(c)
        i += 1
    s = "".join(out)
    s = re.sub(r",?\s*\.\.\.+\s*", " ", s)
    s = s.replace("\uff0c", ",")
    # A missing comma at a line end before the next key: `"ErrorCode": 0\n "Key"`.
    s = re.sub(r'([\d"\]}el])(\s*\n\s*")', r"\1,\2", s)
    s = re.sub(r",(\s*[}\]])", r"\1", s)
    try:
        return json.loads(s)
    except ValueError:
        return None


def sample_responses(text):
    """(block, parsed or None) of every JSON sample from a "Sample response"
    heading up to the next heading about fields, parameters or error codes."""
    inside = False
    for heading, body in sections(text):
        if re.search(r"field|param|error code", heading, re.I):
            inside = False
        elif re.search(r"response", heading, re.I):
            inside = True
        if inside:
            for block in code_blocks(body):
                if block.lstrip().startswith("{"):
                    yield block, loose_json(block)


def error_table(text):
    """(code, description) rows of the page's error code table."""
    rows = []
    for heading, body in sections(text):
        if re.search(r"error code", heading, re.I):
            for line in body.splitlines():
                m = re.match(r"\s*\|\s*(-?\d+)\s*\|\s*(.*?)\s*\|?\s*$", line)
                if m:
                    rows.append((int(m.group(1)), m.group(2)))
    return rows
