#!/usr/bin/env python3
"""Lists the ErrorInfo / ResultInfo strings that Tencent's REST API pages show
beside a non-zero code in their sample responses: the strings real responses
carry, kept in data/ as aliases of their codes.

Usage: scripts/extract_error_infos.py GIT_DIR > tests/fixtures/published/tencent_rest_error_infos.tsv
GIT_DIR is a git snapshot of tencentyun/intlcloud-documents. Rows: code,
string, API. Only identifier-like strings (Err_SNS_..., ERR_...) are kept;
free text such as "Fail to Parse json data of body" is not a name.
"""
import re
import sys

from rest_pages import api_path, commit, pages, sample_responses

CODE_KEYS = ("ErrorCode", "ResultCode", "RetCode", "Result", "Code")
INFO_KEYS = ("ErrorInfo", "ResultInfo")
NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]*(_[A-Za-z0-9]+)+$")


def walk(value, found):
    if isinstance(value, dict):
        codes = [value[k] for k in CODE_KEYS if isinstance(value.get(k), int) and value[k] != 0]
        infos = [value[k] for k in INFO_KEYS if isinstance(value.get(k), str) and NAME.match(value[k])]
        for code in codes[:1]:
            for info in infos:
                found.add((code, info))
        for child in value.values():
            walk(child, found)
    elif isinstance(value, list):
        for child in value:
            walk(child, found)


def main(repo):
    print(f"# tencentyun/intlcloud-documents {commit(repo)}: ErrorInfo strings in sample responses")
    print("# code\tstring\tapi")
    rows = set()
    for _, text in pages(repo):
        api = api_path(text)
        found = set()
        for _, parsed in sample_responses(text):
            if parsed is not None:
                walk(parsed, found)
        rows |= {(code, info, api) for code, info in found}
    for row in sorted(rows):
        print("\t".join(str(x) for x in row))


if __name__ == "__main__":
    main(sys.argv[1])
