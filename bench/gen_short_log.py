#!/usr/bin/env python3
"""Writes a log of short lines, unlike the repository's other logs: one REST
call a line (about 220 bytes), codes drawn from the whole catalogue (every
namespace, so some lines name codes the Tencent server never returns),
about thirty APIs, and one line in 500 broken. Deterministic (seeded).

Usage: gen_short_log.py CODES_JSON [LINES] > log.ndjson
CODES_JSON is `chatcodes export --format json --columns code,namespace`
(the codes to draw from); the APIs are the `path`s of
data/tencent/responses.toml."""
import json, os, random, re, sys

random.seed(22)
codes_file = sys.argv[1]
lines = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
with open(codes_file) as f:
    codes = [e["code"] for e in json.load(f) if isinstance(e["code"], int) and e["code"] != 0]
root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
with open(os.path.join(root, "data", "tencent", "responses.toml")) as f:
    apis = sorted(set(re.findall(r'^path = "([^"]+)"', f.read(), re.M)))
apis = random.sample(apis, 30)
hosts = [f"10.0.{random.randint(0, 9)}.{random.randint(1, 254)}" for _ in range(40)]
out = sys.stdout
for i in range(lines):
    ts = 1_700_000_000_000 + i * 7
    api = random.choice(apis)
    if random.random() < 1 / 500:
        out.write('{"ts":%d,"api":"%s","ErrorCode":%d,"ErrorInfo":"trunc\n' % (ts, api, random.choice(codes)))
        continue
    r = random.random()
    code = 0 if r < 0.5 else random.choice(codes)
    rec = {"ts": ts, "host": random.choice(hosts), "api": api, "ms": random.randint(3, 900),
           "ActionStatus": "OK" if code == 0 else "FAIL", "ErrorCode": code,
           "ErrorInfo": "" if code == 0 else f"err {code}", "RequestId": f"{random.getrandbits(64):016x}",
           "trace": f"{random.getrandbits(128):032x}"}
    if r > 0.9:
        rec["ResultItem"] = [{"ResultCode": random.choice(codes)}]
    out.write(json.dumps(rec, separators=(",", ":")) + "\n")
