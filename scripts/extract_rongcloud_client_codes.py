#!/usr/bin/env python3
"""Extracts the client SDK code lists of RongCloud (now Nexconn), one TSV per
source, into tests/fixtures/published/. Codes and names only: the
catalogue's wording is written separately, in data/.

Usage: scripts/extract_rongcloud_client_codes.py MIRRORS [OUT_DIR]
MIRRORS holds git snapshots named owner+repo/repo (as the search tool's
fetch lays them out):
  rongcloud+callkit-ios                    RCErrorCode.h of IMLibCore (the
                                           newest version of the file)
  NexconnAI-Dev+nexconn-chat-sdk-flutter   lib/src/error/error_codes.dart
OUT_DIR defaults to tests/fixtures/published/ of this repository.

Each file starts with a comment naming the repository, commit and path,
then rows: code, name (may be empty), namespace, section. Every row of both
files is in namespace nexconn_client; the section is the enum (or map) that
defines the code. The format is that of scripts/extract_published_codes.py.
"""
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from extract_published_codes import write  # noqa: E402

NAMESPACE = "nexconn_client"


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, "-c", "core.quotepath=off", *args],
                          check=True, capture_output=True).stdout.decode("utf-8", "replace")


def show(repo, commit, path):
    return git(repo, "show", f"{commit}:{path}")


def last_change(repo, path):
    """The newest commit on HEAD's history that changed `path`."""
    return git(repo, "log", "-1", "--format=%H", "HEAD", "--", path).strip()


# --- iOS: typedef NS_ENUM(NSInteger, RCErrorCode) { NAME = 123, ... } --------

ENUM_START = re.compile(r"^\s*typedef\s+NS_ENUM\s*\(\s*\w+\s*,\s*(\w+)\s*\)")
ENUM_ROW = re.compile(r"^\s*([A-Za-z_]\w*)\s*=\s*(-?\d+)\s*,?\s*(?://.*)?$")


def block_rows(text, start, row, pick):
    """Rows of every block that `start` opens (its group 1 names the section)
    up to its closing `}`: `pick(match of row)` gives (code, name)."""
    rows, current = [], None
    for line in text.splitlines():
        m = start.match(line)
        if m:
            current = m.group(1)
            continue
        if current and line.strip().startswith("}"):
            current = None
            continue
        m = row.match(line)
        if current and m:
            code, name = pick(m)
            rows.append((code, name, NAMESPACE, current))
    return rows


def objc_enum_rows(text):
    return block_rows(text, ENUM_START, ENUM_ROW, lambda m: (m.group(2), m.group(1)))


# --- Flutter: const errorCodeReasons = <int, String>{ 123: '...', ... } -------

MAP_START = re.compile(r"^\s*const\s+(\w+)\s*=\s*<int,\s*String>\s*\{")
MAP_ROW = re.compile(r"^\s*(-?\d+)\s*:")


def dart_map_rows(text):
    # The map has no names.
    return block_rows(text, MAP_START, MAP_ROW, lambda m: (m.group(1), ""))


def main(mirrors, out_dir):
    os.makedirs(out_dir, exist_ok=True)

    ios = os.path.join(mirrors, "rongcloud+callkit-ios/repo")
    path = "ios-rongcallkit/framework/RongIMLibCore.framework/Headers/RCErrorCode.h"
    c = last_change(ios, path)
    write(out_dir, "rongcloud_client_ios_rcerrorcode_h.tsv",
          f"rongcloud/callkit-ios {c} {path} (enum RCErrorCode)",
          objc_enum_rows(show(ios, c, path)))

    flutter = os.path.join(mirrors, "NexconnAI-Dev+nexconn-chat-sdk-flutter/repo")
    path = "lib/src/error/error_codes.dart"
    c = last_change(flutter, path)
    write(out_dir, "nexconn_client_flutter_error_codes.tsv",
          f"NexconnAI-Dev/nexconn-chat-sdk-flutter {c} {path} (map errorCodeReasons; codes only, no names)",
          dart_map_rows(show(flutter, c, path)))


if __name__ == "__main__":
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    here = os.path.dirname(os.path.abspath(__file__))
    default_out = os.path.join(here, "..", "tests", "fixtures", "published")
    main(sys.argv[1], sys.argv[2] if len(sys.argv) == 3 else os.path.normpath(default_out))
