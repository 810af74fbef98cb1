#!/usr/bin/env python3
"""Lists every Tencent Cloud Chat REST API that has a documentation page, one
path a line, sorted.

Usage: scripts/extract_rest_apis.py GIT_DIR > tests/fixtures/published/tencent_rest_apis.txt
GIT_DIR is a git snapshot of tencentyun/intlcloud-documents.
"""
import sys

from rest_pages import api_path, commit, pages


def main(repo):
    apis = sorted({a for _, text in pages(repo) if (a := api_path(text))})
    print(f"# tencentyun/intlcloud-documents {commit(repo)}: REST API pages")
    for api in apis:
        print(api)


if __name__ == "__main__":
    main(sys.argv[1])
