#!/usr/bin/env python3
"""Lists where each Tencent REST API reports per-item outcomes, from the
sample responses of its documentation page.

Usage: scripts/extract_item_shapes.py GIT_DIR > tests/fixtures/published/tencent_rest_item_shapes.tsv
GIT_DIR is a git snapshot of tencentyun/intlcloud-documents.

Each row: api, array path, code field, message field, name fields, kind,
page (tab-separated, after a comment line naming the commit). Kinds: `items` (an array of objects with a code), `fail_list` (an array
of strings that names failed items), `dropped` (a MsgDropReason field). The
rows are what the samples show; data/tencent/server/responses.toml is written
from them by hand and tests/response_shapes.rs checks it covers every row.
"""
import re
import sys

from rest_pages import api_path, commit, pages, sample_responses

CODE_KEYS = re.compile(r"^(ResultCode|ErrorCode|RetCode|ErrCode|Result|Code)$")
MESSAGE_KEYS = ("ResultInfo", "ErrorInfo", "RetInfo", "ErrInfo", "ErrorMsg", "Info")
FAIL_LIST = re.compile(r"(Fail|Invalid|Error|NotExist|Unexist|Illegal)", re.I)


def walk(value, path, found):
    if isinstance(value, dict):
        for key, child in value.items():
            sub = f"{path}.{key}" if path else key
            if key == "MsgDropReason":
                found.add((sub, "", "", "", "dropped"))
            if isinstance(child, list) and child and all(isinstance(x, str) for x in child) \
                    and FAIL_LIST.search(key):
                found.add((sub, "", "", "", "fail_list"))
            walk(child, sub, found)
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                codes = [k for k, v in item.items() if CODE_KEYS.match(k) and isinstance(v, int)]
                if codes:
                    msgs = [k for k in MESSAGE_KEYS if k in item]
                    names = [k for k, v in item.items()
                             if k not in codes and k not in msgs and isinstance(v, (str, int))
                             and not isinstance(v, bool)]
                    found.add((path, codes[0], msgs[0] if msgs else "", ",".join(names[:4]), "items"))
            walk(item, path + "[]", found)


def main(repo):
    print(f"# tencentyun/intlcloud-documents {commit(repo)}: per-item places in sample responses")
    rows = set()
    for path, text in pages(repo):
        api = api_path(text)
        if not api:
            continue
        found = set()
        for block, parsed in sample_responses(text):
            if parsed is None:
                print(f"# unparsed sample in {path}", file=sys.stderr)
                continue
            walk(parsed, "", found)
        for row in found:
            rows.add((api, *row, path.rsplit("/", 1)[-1]))
    for row in sorted(rows):
        print("\t".join(row))


if __name__ == "__main__":
    main(sys.argv[1])
