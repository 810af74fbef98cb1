#!/usr/bin/env python3
"""Extracts the ERROR_CODE table of the Tencent Cloud Chat Web SDK
(`@tencentcloud/chat`, formerly `tim-js-sdk`) from its published bundles into
tests/fixtures/published/tencent_web_sdk_error_codes.tsv. Codes and names
only: the catalogue's wording is written separately, in data/tencent/web/.

Usage: scripts/extract_tencent_web_codes.py MIRRORS [OUT_DIR]
MIRRORS holds git snapshots named owner+repo/repo (as the search tool's
fetch lays them out):
  yangwenshanshan+xingyu        node_modules/@tencentcloud/chat/index.js
                                (the npm bundle of @tencentcloud/chat 3.x)
  TencentCloud+chat-uikit-flutter  example/web/tim-js.js (tim-js-sdk 2.x)

The 3.x table comes first: its names win. Codes that only the 2.x table
defines (dropped in 3.x) follow with their 2.x names. The bundle is minified,
so the table is found by its first key, `NO_SDKAPPID:`, and read up to the
closing brace; numbers may be written as `2e3`.

The file starts with a comment naming the repositories, paths and commits,
then rows: code, name, namespace, section (as extract_published_codes.py).
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(__file__))
from extract_published_codes import git, head, show, write  # noqa: E402

PAIR = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):(-?[0-9][0-9.e]*)(?=[,}])")


def error_code_table(text):
    """(name, code) pairs of the ERROR_CODE object literal, in source order."""
    start = text.find("{NO_SDKAPPID:")
    if start < 0:
        raise ValueError("ERROR_CODE table (NO_SDKAPPID) not found")
    end = text.index("}", start)
    body = text[start:end + 1]
    pairs = [(name, int(float(num))) for name, num in PAIR.findall(body)]
    if not pairs or len(pairs) != body.count(":"):
        raise ValueError("ERROR_CODE table has entries that are not NAME:number")
    return pairs


def bundle_version(text):
    m = re.search(r'this\._version="([0-9.]+)"', text)
    return m.group(1) if m else "?"


def main(mirrors, out_dir):
    os.makedirs(out_dir, exist_ok=True)

    npm = os.path.join(mirrors, "yangwenshanshan+xingyu/repo")
    c = head(npm)
    path = "node_modules/@tencentcloud/chat/index.js"
    version = json.loads(show(npm, c, "node_modules/@tencentcloud/chat/package.json"))["version"]
    rows = [(code, name, "tencent_web", "ERROR_CODE")
            for name, code in error_code_table(show(npm, c, path))]
    write(out_dir, "tencent_web_sdk_error_codes.tsv",
          f"yangwenshanshan/xingyu {c} {path} (@tencentcloud/chat {version})", rows)

    flutter = os.path.join(mirrors, "TencentCloud+chat-uikit-flutter/repo")
    c = head(flutter)
    path = "example/web/tim-js.js"
    text = show(flutter, c, path)
    # The older SDK: its codes that 3.x dropped are retired entries.
    rows = [(code, name, "tencent_web", "ERROR_CODE") for name, code in error_code_table(text)]
    write(out_dir, "tencent_web_sdk_2_error_codes.tsv",
          f"TencentCloud/chat-uikit-flutter {c} {path} (tim-js-sdk {bundle_version(text)})", rows)


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2
         else os.path.join(here, "..", "tests", "fixtures", "published"))
