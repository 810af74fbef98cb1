#!/usr/bin/env python3
"""Extracts the code lists the two vendors publish, one TSV per source, into
tests/fixtures/published/. Codes and names only: the catalogue's wording is
written separately, in data/.

Usage: scripts/extract_published_codes.py MIRRORS OUT_DIR
MIRRORS holds git snapshots named owner+repo/repo (as the search tool's
fetch lays them out):
  tencentyun+intlcloud-documents  Tencent's documentation
  TencentCloud+TIMSDK             TIMErrorCode.h
  Tencent-RTC+TUIRoomKit          V2TIMErrorCode.h (in its history)
  rongcloud+server-sdk-nodejs     docs/errorcode.md
  rongcloud+server-sdk-java       src/main/resources/jsonsource/**/api.json
  rongcloud+rongcloud-react-native-imlib  src/types.ts

Each file starts with a comment naming the repository, path and commit, then
rows: code, name (may be empty), namespace, section. tests/published_codes.rs
checks that every row is known in its namespace.
"""
import json
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from rest_pages import api_path, error_table, pages  # noqa: E402


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, "-c", "core.quotepath=off", *args],
                          check=True, capture_output=True).stdout.decode("utf-8", "replace")


def show(repo, commit, path):
    return git(repo, "show", f"{commit}:{path}")


def head(repo):
    return git(repo, "rev-parse", "HEAD").strip()


def write(out_dir, name, header, rows):
    seen = set()
    with open(os.path.join(out_dir, name), "w") as f:
        f.write(f"# {header}\n# code\tname\tnamespace\tsection\n")
        for row in rows:
            key = (row[0], row[2], row[3])
            if key in seen:
                continue
            seen.add(key)
            f.write("\t".join(str(x) for x in row) + "\n")
    print(f"{name}: {len(seen)} rows", file=sys.stderr)


# --- Tencent error code pages -------------------------------------------------

PAGE_PARTS = [(r"^#+\s*1\.", "tencent_sdk"), (r"^#+\s*2\.", "tencent_server"),
              (r"^#+\s*3\.", "tencent_sdk")]


def error_code_page(text, parts=PAGE_PARTS):
    """The rows of an error code page whose parts (headings matching the
    patterns of `parts`) say the namespace; the section is the heading above
    each table."""
    namespace, section, rows = None, "", []
    for line in text.splitlines():
        bare = line.lstrip("> ").rstrip()
        for pattern, ns in parts:
            if re.match(pattern, bare):
                namespace = ns
        if re.match(r"^#+\s", bare) and namespace:
            section = bare.lstrip("# ").strip()
        m = re.match(r"^\|\s*(-?\d+)(?:\s*-\s*(\d+))?\s*\|", bare)
        if m and namespace:
            code = m.group(1) if not m.group(2) else f"{m.group(1)}-{m.group(2)}"
            rows.append((code, "", namespace, section))
    return rows


# --- SDK headers ------------------------------------------------------------

HEADER_PARTS = [("（一）", "tencent_sdk"), ("（二）", "tencent_server"), ("（三）", "tencent_sdk")]
ENUM_ROW = re.compile(r"^\s*((?:ERR|ERROR)_[A-Z0-9_]+)\s*=\s*(-?\d+)")


def header_rows(text):
    namespace, section, rows = None, "", []
    for line in text.splitlines():
        for marker, ns in HEADER_PARTS:
            if marker in line:
                namespace, section = ns, marker
        m = ENUM_ROW.match(line)
        if m and namespace and m.group(1) != "ERR_SUCC":
            rows.append((m.group(2), m.group(1), namespace, section))
        elif m and m.group(1) == "ERR_SUCC":
            rows.append((m.group(2), m.group(1), "tencent_sdk", "ERR_SUCC"))
    return rows


# --- RongCloud --------------------------------------------------------------

def rongcloud_markdown(text):
    rows = []
    for line in text.splitlines():
        m = re.match(r"^\|\s*(\d+)\s*\|", line)
        if m:
            rows.append((m.group(1), "", "nexconn_business", "错误码"))
    return rows


def rongcloud_api_json(repo, commit):
    rows = []
    for path in sorted(git(repo, "ls-tree", "-r", "--name-only", commit).splitlines()):
        if not (path.startswith("src/main/resources/jsonsource/") and path.endswith("api.json")):
            continue
        section = path[len("src/main/resources/jsonsource/"):-len("/api.json")]
        text = show(repo, commit, path).lstrip("\ufeff")
        if not text.strip():
            continue  # two of the files are empty
        data = json.loads(text)
        for method, spec in data.items():
            response = spec.get("response", {}) if isinstance(spec, dict) else {}
            success = response.get("success", {})
            if "code" in success:
                rows.append((str(success["code"]), "", "nexconn_business", f"{section}/{method}"))
            # The keys of `fail` are the SDK's own ids; 20000-20005 are its
            # local parameter checks (reported to callers as 1002), not codes
            # the server returns. conversation/get also writes them into
            # `code` by mistake (1004 -> "20000", 1008 -> "20001"): left out.
            for value in response.get("fail", {}).values():
                if 20000 <= int(value["code"]) <= 20005:
                    continue
                rows.append((str(value["code"]), "", "nexconn_business", f"{section}/{method}"))
    return rows


def rongcloud_ts_enums(text, enums):
    rows, current = [], None
    for line in text.splitlines():
        m = re.match(r"^export enum (\w+)", line)
        if m:
            current = m.group(1) if m.group(1) in enums else None
            continue
        m = re.match(r"^\s*(\w+)\s*=\s*(-?\d+)", line)
        if current and m:
            rows.append((m.group(2), m.group(1), "nexconn_client", current))
    return rows


def main(mirrors, out_dir):
    os.makedirs(out_dir, exist_ok=True)
    docs = os.path.join(mirrors, "tencentyun+intlcloud-documents/repo")
    c = head(docs)
    for name, path in [
        ("tencent_error_codes.tsv", "yehe_doc/中间件与通信/即时通信 IM/错误码_intl_en.md"),
        ("tencent_error_codes_old.tsv", "product_new/通信产品中心/即时通信 IM/错误码_intl_en.md"),
    ]:
        write(out_dir, name, f"tencentyun/intlcloud-documents {c} {path}",
              error_code_page(show(docs, c, path)))
    rows = []
    for path, text in pages(docs):
        api = api_path(text)
        if api:
            rows += [(code, "", "tencent_server", api) for code, _ in error_table(text)]
    write(out_dir, "tencent_rest_api_codes.tsv",
          f"tencentyun/intlcloud-documents {c} yehe_doc/中间件与通信/即时通信 IM/服务端 API/REST API/ (error code tables)",
          rows)

    tim = os.path.join(mirrors, "TencentCloud+TIMSDK/repo")
    c = head(tim)
    path = ("Unity/Push/pushdemo/Assets/TIMPush/Plugins/iOS/PushSDK.xcframework/ios-arm64_armv7/"
            "PushSDK.framework/Headers/TIMErrorCode.h")
    write(out_dir, "tencent_tim_error_code_h.tsv", f"TencentCloud/TIMSDK {c} {path}",
          header_rows(show(tim, c, path)))

    room = os.path.join(mirrors, "Tencent-RTC+TUIRoomKit/repo")
    path = "Windows-Mac/SDK/ImSDK/Win/include/V2TIMErrorCode.h"
    c = git(room, "log", "--all", "-1", "--format=%H", "--", path).strip()
    c = git(room, "rev-parse", f"{c}^").strip()  # the file's last version, before its removal
    write(out_dir, "tencent_v2tim_error_code_h.tsv", f"Tencent-RTC/TUIRoomKit {c} {path}",
          header_rows(show(room, c, path)))

    node = os.path.join(mirrors, "rongcloud+server-sdk-nodejs/repo")
    c = head(node)
    write(out_dir, "rongcloud_server_errorcode.tsv", f"rongcloud/server-sdk-nodejs {c} docs/errorcode.md",
          rongcloud_markdown(show(node, c, "docs/errorcode.md")))

    java = os.path.join(mirrors, "rongcloud+server-sdk-java/repo")
    c = head(java)
    write(out_dir, "rongcloud_server_api_json.tsv",
          f"rongcloud/server-sdk-java {c} src/main/resources/jsonsource/**/api.json",
          rongcloud_api_json(java, c))

    rn = os.path.join(mirrors, "rongcloud+rongcloud-react-native-imlib/repo")
    c = head(rn)
    write(out_dir, "rongcloud_client_rn_imlib.tsv",
          f"rongcloud/rongcloud-react-native-imlib {c} src/types.ts (enums ConnectErrorCode, ErrorCode)",
          rongcloud_ts_enums(show(rn, c, "src/types.ts"), {"ConnectErrorCode", "ErrorCode"}))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
