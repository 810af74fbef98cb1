#!/usr/bin/env python3
"""Writes the worst case for `chatcodes enrich`: every line carries a non-zero
code, so every line is parsed and explained. Half the lines are failed
requests (ErrorCode at the top of the response), half are batch responses
whose ResultItem[] entries all failed. Deterministic (seeded).
Usage: gen_worst_log.py [LINES] > log.ndjson"""
import json
import random
import sys

random.seed(11)
lines = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
failures = [70001, 60007, 10010, 20003, 90001, 30001, 10006, 70003, 80002, 424242]
item_codes = [30010, 30515, 30001, 30006, 30014, 424242]
apis = ["v4/openim/sendmsg", "v4/sns/friend_add", "v4/group_open_http_svc/add_group_member",
        "v4/im_open_login_svc/account_import"]
out = sys.stdout
for i in range(lines):
    ts = 1_700_000_000 + i
    if i % 2 == 0:
        code = random.choice(failures)
        rec = {"ts": ts, "level": "warn", "api": random.choice(apis),
               "response": {"ActionStatus": "FAIL", "ErrorCode": code, "ErrorInfo": f"err {code}",
                            "ErrorDisplay": "", "RequestId": f"req-{i:08x}"}}
    else:
        items = [{"To_Account": f"user{j}", "ResultCode": random.choice(item_codes),
                  "ResultInfo": "Err_SNS_FriendAdd"} for j in range(random.randint(1, 4))]
        rec = {"ts": ts, "level": "warn", "api": "v4/sns/friend_add",
               "response": {"ResultItem": items, "Fail_Account": [it["To_Account"] for it in items],
                            "ActionStatus": "OK", "ErrorCode": 0, "ErrorInfo": "", "ErrorDisplay": ""}}
    out.write(json.dumps(rec) + "\n")
