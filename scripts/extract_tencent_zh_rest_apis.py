#!/usr/bin/env python3
"""Lists the API paths and error codes of Tencent Cloud Chat's Chinese REST
API pages (tencentyun/qcloud-documents, 即时通信 > 服务端 API), as saved page
texts under PAGES_DIR (relative paths kept), into
tests/fixtures/published/tencent_rest_api_codes_zh.tsv.

Usage: scripts/extract_tencent_zh_rest_apis.py PAGES_DIR [OUT_DIR]

Per page: the API path comes from the sample request URL; the codes are the
rows of the table under the "错误码说明" heading (the table ends at the next
heading). Pages without that heading give no rows. Rows: code, '' (no
name), 'tencent_server', API path, as scripts/extract_published_codes.py
writes them.
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from extract_published_codes import write  # noqa: E402
from rest_pages import api_path, sections  # noqa: E402

HEADING = re.compile(r"错误码说明")
ROW = re.compile(r"^\s*\|\s*(-?\d+)\s*\|")


def error_codes(text):
    """Codes of the rows under every "错误码说明" heading."""
    codes = []
    for heading, body in sections(text):
        if HEADING.search(heading):
            for line in body.splitlines():
                m = ROW.match(line)
                if m:
                    codes.append(int(m.group(1)))
    return codes


def page_files(pages_dir):
    for root, _, files in os.walk(pages_dir):
        for name in files:
            if name.endswith("md"):  # one page is named "文件封禁. md"
                yield os.path.join(root, name)


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    pages_dir = sys.argv[1]
    out_dir = sys.argv[2] if len(sys.argv) == 3 else os.path.join(
        os.path.dirname(__file__), "..", "tests", "fixtures", "published")
    rows, apis = [], set()
    for path in sorted(page_files(pages_dir)):
        # 99弃用文档: pages Tencent has withdrawn; their codes are not the
        # current documentation (90019 and 90046 appear only there).
        if "99弃用文档" in os.path.relpath(path, pages_dir):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        api = api_path(text)
        if not api:
            print(f"no API path: {os.path.relpath(path, pages_dir)}", file=sys.stderr)
            continue
        apis.add(api)
        for code in error_codes(text):
            rows.append((code, "", "tencent_server", api))
    rows.sort(key=lambda r: (r[3], r[0]))
    print(f"{len(apis)} APIs", file=sys.stderr)
    # Every API path of the pages read, with or without an error table.
    with open(os.path.join(out_dir, "tencent_rest_apis_zh.txt"), "w") as f:
        f.write("# tencentyun/qcloud-documents product/移动与通信/即时通信/9服务端 API/服务端API/ "
                "(the API paths of the pages read; 99弃用文档 left out)\n")
        for api in sorted(apis):
            f.write(api + "\n")
    write(out_dir, "tencent_rest_api_codes_zh.tsv",
          "tencentyun/qcloud-documents product/移动与通信/即时通信/9服务端 API/服务端API/ "
          "(错误码说明 tables; each saved page names its commit)", rows)


if __name__ == "__main__":
    main()
