#!/usr/bin/env python3
"""Extracts the code list of Tencent Cloud Chat's Chinese error code page
(即时通信 IM 文档：错误码, https://cloud.tencent.com/document/product/269/1671)
into tests/fixtures/published/tencent_error_codes_zh.tsv. Codes only: the
page has no constant names, so the name column stays empty; the catalogue's
wording is written separately, in data/.

Usage: scripts/extract_tencent_zh_error_codes.py PAGE [OUT_DIR] [COMMIT]
PAGE is the text of product/移动与通信/即时通信/11错误码.md in the repository
tencentyun/qcloud-documents (saved from the search tool's read_file: the
repository is too large to fetch whole). COMMIT is the commit that text was
read at; OUT_DIR defaults to tests/fixtures/published/ of this repository.

The page has three parts, as the English page does: (一) IM SDK codes and
(三) IM SDK V3 codes go to namespace tencent_sdk, (二) server codes to
tencent_server. The section column is the heading above the table. The
format is that of write() in scripts/extract_published_codes.py.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from extract_published_codes import error_code_page, write  # noqa: E402

REPOSITORY = "tencentyun/qcloud-documents"
PATH = "product/移动与通信/即时通信/11错误码.md"
COMMIT = "c4c591f850978eb256999de1f2f853ca11beaab9"
OUT_NAME = "tencent_error_codes_zh.tsv"

# The Chinese page numbers its parts （一）（二）（三） where the English one
# has 1. 2. 3.
PAGE_PARTS = [(r"^#+\s*（一）", "tencent_sdk"), (r"^#+\s*（二）", "tencent_server"),
              (r"^#+\s*（三）", "tencent_sdk")]

def main(page, out_dir=None, commit=COMMIT):
    if out_dir is None:
        out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                               "tests", "fixtures", "published")
    os.makedirs(out_dir, exist_ok=True)
    with open(page, encoding="utf-8") as f:
        text = f.read()
    write(out_dir, OUT_NAME, f"{REPOSITORY} {commit} {PATH}", error_code_page(text, PAGE_PARTS))


if __name__ == "__main__":
    if not 2 <= len(sys.argv) <= 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
