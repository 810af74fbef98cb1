#!/usr/bin/env python3
"""Extracts the error enums of OLDER RongCloud client SDKs, one TSV per
source, into tests/fixtures/published/ (codes and names only; the
catalogue's wording is written separately, in data/).

Usage: scripts/extract_rongcloud_legacy_client_codes.py MIRRORS [OUT_DIR]
MIRRORS holds git snapshots named owner+repo/repo (as the search tool's
fetch lays them out):
  rongcloud-archive+sealmic-android     IMLib/libs/Rong_IMLib.jar (Android IMLib 5.1.1)
  rongcloud-archive+demo-app-imlib-live-chatroom-android
                                        imlib/libs/Rong_IMLib_v2_6_11.jar (Android IMLib 2.6.11)
  rongcloud+callkit-ios                 RongIMLib.framework/Headers/RCStatusDefine.h (iOS 4.1.1, 2.6.4)
  rongcloud+rongcloud-web-im-sdk-v2     src/enum.ts (Web IMLib 2.5.3)
  rongcloud+rongcloud-im-flutter-sdk    lib/src/common_define.dart (Flutter plugin 5.1.8)
  rongcloud+rongcloud-uniapp-imlib      src/types.ts (uni-app plugin 5.1.3)

The Android IMLib ships no sources: the enum RongIMClient.ErrorCode is read
from the compiled class in the jar (its static initialiser passes each
constant's name, ordinal, code and message to the constructor), without a JDK.

Same row format as extract_published_codes.py: a comment naming the
repository, commit and path, then rows: code, name, namespace, section.
"""
import io
import os
import re
import struct
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(__file__))
from extract_published_codes import rongcloud_ts_enums, write  # noqa: E402

NS = "nexconn_client"


def git_bytes(repo, *args):
    return subprocess.run(["git", "-C", repo, "-c", "core.quotepath=off", *args],
                          check=True, capture_output=True).stdout


def git(repo, *args):
    return git_bytes(repo, *args).decode("utf-8", "replace")


def mirror(mirrors, name):
    return os.path.join(mirrors, name, "repo")


def head(repo):
    return git(repo, "rev-parse", "HEAD").strip()


# --- Android: a Java enum's <clinit> ----------------------------------------

def _constant_pool(data):
    (count,) = struct.unpack(">H", data[8:10])
    cp, pos, i = [None] * count, 10, 1
    while i < count:
        tag = data[pos]
        pos += 1
        if tag == 1:
            (ln,) = struct.unpack(">H", data[pos:pos + 2])
            cp[i] = ("utf8", data[pos + 2:pos + 2 + ln].decode("utf-8", "replace"))
            pos += 2 + ln
        elif tag == 3:
            cp[i] = ("int", struct.unpack(">i", data[pos:pos + 4])[0])
            pos += 4
        elif tag == 4:
            cp[i] = ("float",)
            pos += 4
        elif tag in (5, 6):  # long, double: two slots
            cp[i] = ("wide",)
            pos += 8
            i += 1
        elif tag == 8:
            cp[i] = ("string", struct.unpack(">H", data[pos:pos + 2])[0])
            pos += 2
        elif tag in (7, 16, 19, 20):
            cp[i] = ("other",)
            pos += 2
        elif tag in (9, 10, 11, 12, 17, 18):  # refs and name-and-type
            cp[i] = ("ref",) + struct.unpack(">HH", data[pos:pos + 4])
            pos += 4
        elif tag == 15:
            cp[i] = ("other",)
            pos += 3
        else:
            raise ValueError(f"constant pool tag {tag}")
        i += 1
    return cp, pos


def _members(data, pos, cp):
    (n,) = struct.unpack(">H", data[pos:pos + 2])
    pos += 2
    out = []
    for _ in range(n):
        _, name, _, count = struct.unpack(">HHHH", data[pos:pos + 8])
        pos += 8
        attrs = {}
        for _ in range(count):
            an, length = struct.unpack(">HI", data[pos:pos + 6])
            attrs[cp[an][1]] = data[pos + 6:pos + 6 + length]
            pos += 6 + length
        out.append((cp[name][1], attrs))
    return pos, out


def java_enum(data, refs=None):
    """(name, code, message) of each constant of a compiled enum whose
    constructor takes (String name, int ordinal, int code[, String message]).
    A code given as OtherEnum.X.getValue() is looked up in refs."""
    cp, pos = _constant_pool(data)
    pos += 6
    (n,) = struct.unpack(">H", data[pos:pos + 2])
    pos += 2 + 2 * n
    pos, _ = _members(data, pos, cp)
    pos, methods = _members(data, pos, cp)
    code = next(attrs["Code"] for name, attrs in methods if name == "<clinit>")
    (length,) = struct.unpack(">I", code[4:8])
    bc = code[8:8 + length]

    def const(idx):
        e = cp[idx]
        if e[0] == "string":
            return cp[e[1]][1]
        return e[1] if e[0] == "int" else None

    def member_name(idx):  # Fieldref/Methodref -> name
        return cp[cp[cp[idx][2]][1]][1]

    rows, stack, pc = [], [], 0
    while pc < len(bc):
        op = bc[pc]
        if op == 0xbb:  # new
            stack.append("new")
            pc += 3
        elif op == 0x59:  # dup
            stack.append(stack[-1])
            pc += 1
        elif op == 0x12:  # ldc
            stack.append(const(bc[pc + 1]))
            pc += 2
        elif op == 0x13:  # ldc_w
            stack.append(const(struct.unpack(">H", bc[pc + 1:pc + 3])[0]))
            pc += 3
        elif 0x02 <= op <= 0x08:  # iconst_m1 .. iconst_5
            stack.append(op - 0x03)
            pc += 1
        elif op == 0x10:  # bipush
            stack.append(struct.unpack(">b", bc[pc + 1:pc + 2])[0])
            pc += 2
        elif op == 0x11:  # sipush
            stack.append(struct.unpack(">h", bc[pc + 1:pc + 3])[0])
            pc += 3
        elif op == 0xb2:  # getstatic OtherEnum.X
            stack.append(("field", member_name(struct.unpack(">H", bc[pc + 1:pc + 3])[0])))
            pc += 3
        elif op == 0xb6:  # invokevirtual X.getValue()
            top = stack.pop()
            stack.append((refs or {}).get(top[1]) if isinstance(top, tuple) else None)
            pc += 3
        elif op == 0xb7:  # invokespecial <init>
            idx = struct.unpack(">H", bc[pc + 1:pc + 3])[0]
            desc = cp[cp[cp[idx][2]][2]][1]
            params = re.findall(r"L[^;]+;|\[*[BCDFIJSZ]", desc[1:desc.index(")")])
            args = stack[len(stack) - len(params):]
            del stack[len(stack) - len(params):]
            while stack and stack[-1] == "new":
                stack.pop()
            if len(args) >= 3 and isinstance(args[0], str) and isinstance(args[2], int):
                message = args[3] if len(args) > 3 and isinstance(args[3], str) else ""
                rows.append((args[0], args[2], message))
            pc += 3
        elif op == 0xb3:  # putstatic
            pc += 3
        else:  # the $VALUES array follows the constants
            break
    return rows


def jar_class(repo, commit, jar, cls):
    with zipfile.ZipFile(io.BytesIO(git_bytes(repo, "show", f"{commit}:{jar}"))) as z:
        return z.read(cls)


def android_rows(repo, commit, jar):
    error = java_enum(jar_class(repo, commit, jar, "io/rong/imlib/RongIMClient$ErrorCode.class"))
    rows = [(code, name, NS, "RongIMClient.ErrorCode") for name, code, _ in error]
    try:
        conn = java_enum(jar_class(repo, commit, jar, "io/rong/imlib/RongIMClient$ConnectionErrorCode.class"),
                         {name: code for name, code, _ in error})
    except KeyError:  # 2.x has no ConnectionErrorCode
        conn = []
    rows += [(code, name, NS, "RongIMClient.ConnectionErrorCode") for name, code, _ in conn
             if code is not None]
    return rows


# --- iOS: NS_ENUMs in RCStatusDefine.h --------------------------------------

def objc_enums(text, enums):
    rows, current = [], None
    for line in text.splitlines():
        m = re.match(r"^typedef NS_ENUM\(\w+,\s*(\w+)\)", line)
        if m:
            current = m.group(1) if m.group(1) in enums else None
            continue
        if current and re.match(r"^\};", line):
            current = None
            continue
        m = re.match(r"^\s*(\w+)\s*=\s*(-?\d+)\s*,?", line)
        if current and m:
            rows.append((m.group(2), m.group(1), NS, current))
    return rows


# --- Web IMLib 2.x: src/enum.ts ----------------------------------------------

# The web ErrorCode enum also carries the end reasons of a VoIP call
# (CANCEL = 1 ... VOIP_NOT_AVALIABLE = 18), RongCallLib's summary values, not
# IM error codes: left out.
WEB_CALL_REASONS = range(1, 19)


def web_rows(text):
    rows, current = [], False
    for line in text.splitlines():
        m = re.match(r"^\s*export enum (\w+)", line)
        if m:
            current = m.group(1) == "ErrorCode"
            continue
        if current and re.match(r"^\s*\}", line):
            current = False
            continue
        m = re.match(r"^\s*(\w+)\s*=\s*(-?\d+)", line)
        if current and m and int(m.group(2)) not in WEB_CALL_REASONS:
            rows.append((m.group(2), m.group(1), NS, "ErrorCode"))
    return rows


# --- Flutter plugin: class RCErrorCode ---------------------------------------

def dart_class(text, cls):
    rows, current = [], False
    for line in text.splitlines():
        m = re.match(r"^class (\w+)", line)
        if m:
            current = m.group(1) == cls
            continue
        m = re.match(r"^\s*static const int (\w+)\s*=\s*(-?\d+);", line)
        if current and m:
            rows.append((m.group(2), m.group(1), NS, cls))
    return rows


def main(mirrors, out_dir):
    os.makedirs(out_dir, exist_ok=True)

    sealmic = mirror(mirrors, "rongcloud-archive+sealmic-android")
    c, jar = "fd097d1aafc3801b4dbb89f48c3bb73aed8e398f", "IMLib/libs/Rong_IMLib.jar"  # IMLib 5.1.1
    write(out_dir, "rongcloud_client_android_errorcode.tsv",
          f"rongcloud-archive/sealmic-android {c} {jar} (IMLib 5.1.1, io/rong/imlib/RongIMClient$ErrorCode.class)",
          android_rows(sealmic, c, jar))

    demo = mirror(mirrors, "rongcloud-archive+demo-app-imlib-live-chatroom-android")
    c, jar = "58eb271d956b52ac10a1d497a5bb11438f2c002b", "imlib/libs/Rong_IMLib_v2_6_11.jar"
    write(out_dir, "rongcloud_client_android_errorcode_v2.tsv",
          f"rongcloud-archive/demo-app-imlib-live-chatroom-android {c} {jar} (io/rong/imlib/RongIMClient$ErrorCode.class)",
          android_rows(demo, c, jar))

    ios = mirror(mirrors, "rongcloud+callkit-ios")
    path = "ios-rongcallkit/framework/RongIMLib.framework/Headers/RCStatusDefine.h"
    for name, c, version in [
        ("rongcloud_client_ios_rcstatusdefine.tsv", "d48c1970941954dfef563091c93195e9097d46a4", "4.1.1"),
        ("rongcloud_client_ios_rcstatusdefine_v2.tsv", "c4958e45390a80890619e4cf7e73f44a903a9740", "2.6.4"),
    ]:
        write(out_dir, name,
              f"rongcloud/callkit-ios {c} {path} (CallKit {version}; enums RCConnectErrorCode, RCErrorCode)",
              objc_enums(git(ios, "show", f"{c}:{path}"), {"RCConnectErrorCode", "RCErrorCode"}))

    web = mirror(mirrors, "rongcloud+rongcloud-web-im-sdk-v2")
    c = head(web)
    write(out_dir, "rongcloud_client_web_imlib.tsv",
          f"rongcloud/rongcloud-web-im-sdk-v2 {c} src/enum.ts (IMLib 2.5.3; enum ErrorCode, without the VoIP call end reasons 1-18)",
          web_rows(git(web, "show", f"{c}:src/enum.ts")))

    flutter = mirror(mirrors, "rongcloud+rongcloud-im-flutter-sdk")
    c = head(flutter)
    write(out_dir, "rongcloud_client_flutter_rcerrorcode.tsv",
          f"rongcloud/rongcloud-im-flutter-sdk {c} lib/src/common_define.dart (plugin 5.1.8; class RCErrorCode)",
          dart_class(git(flutter, "show", f"{c}:lib/src/common_define.dart"), "RCErrorCode"))

    uni = mirror(mirrors, "rongcloud+rongcloud-uniapp-imlib")
    c = head(uni)
    write(out_dir, "rongcloud_client_uniapp_imlib.tsv",
          f"rongcloud/rongcloud-uniapp-imlib {c} src/types.ts (plugin 5.1.3; enums ConnectErrorCode, ErrorCode)",
          [(code, name, NS, section) for code, name, _, section in
           rongcloud_ts_enums(git(uni, "show", f"{c}:src/types.ts"), {"ConnectErrorCode", "ErrorCode"})])


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    main(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else
         os.path.join(here, "..", "tests", "fixtures", "published"))
