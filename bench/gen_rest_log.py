#!/usr/bin/env python3
"""Writes a realistic Tencent REST log as NDJSON: successes, failures with
ErrorCode, batch responses with ResultItem, other log lines and a few broken
lines. Deterministic (seeded). Usage: gen_rest_log.py [LINES] > log.ndjson"""
import json, random, sys

random.seed(7)
lines = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
failures = [70001, 60007, 10010, 20003, 90001, 30001, 10006, 70003, 80002, 424242]
apis = ["v4/openim/sendmsg", "v4/sns/friend_add", "v4/group_open_http_svc/add_group_member", "v4/im_open_login_svc/account_import"]
out = sys.stdout
for i in range(lines):
    r = random.random()
    ts = 1_700_000_000 + i
    if r < 0.55:
        rec = {"ts": ts, "level": "info", "api": random.choice(apis), "latency_ms": random.randint(5, 300),
               "response": {"ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "ErrorDisplay": "", "RequestId": f"req-{i:08x}"}}
    elif r < 0.70:
        code = random.choice(failures)
        rec = {"ts": ts, "level": "warn", "api": random.choice(apis),
               "response": {"ActionStatus": "FAIL", "ErrorCode": code, "ErrorInfo": f"err {code}", "ErrorDisplay": "", "RequestId": f"req-{i:08x}"}}
    elif r < 0.82:
        items = [{"To_Account": f"user{j}", "ResultCode": random.choice([0, 0, 0, 30010, 30515, 30539]), "ResultInfo": ""} for j in range(random.randint(1, 8))]
        rec = {"ts": ts, "level": "info", "api": "v4/sns/friend_add",
               "response": {"ResultItem": items, "ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "ErrorDisplay": ""}}
    elif r < 0.995:
        rec = {"ts": ts, "level": "debug", "msg": "connection pool stats", "idle": random.randint(0, 50), "busy": random.randint(0, 50), "host": "10.0.0.%d" % random.randint(1, 254)}
    else:
        out.write('{"ts": %d, "level": "error", "response": {"ErrorCode": 7000\n' % ts)
        continue
    out.write(json.dumps(rec, separators=(",", ":")) + "\n")
