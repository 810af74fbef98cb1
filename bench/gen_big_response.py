#!/usr/bin/env python3
"""Writes one large friend_add-style Tencent REST response: ITEMS results in
ResultItem[], every 7th failed with 30001 (Err_SNS_FriendAdd_Friend_Exist),
the failed accounts again in Fail_Account, as the API documents it.
Usage: gen_big_response.py [ITEMS] > response.json (default 120000: about
14 MB with 17,143 failures)."""
import json
import sys

items = int(sys.argv[1]) if len(sys.argv) > 1 else 120_000
results, failed = [], []
for i in range(items):
    account = f"user{i:07d}"
    if i % 7 == 0:
        results.append({"To_Account": account, "ResultCode": 30001,
                        "ResultInfo": "Err_SNS_FriendAdd_Friend_Exist"})
        failed.append(account)
    else:
        results.append({"To_Account": account, "ResultCode": 0, "ResultInfo": ""})
body = {"ResultItem": results, "Fail_Account": failed, "ActionStatus": "OK",
        "ErrorCode": 0, "ErrorInfo": "", "ErrorDisplay": "", "RequestId": "Id-0123456789abcdef"}
json.dump(body, sys.stdout, indent=3)
sys.stdout.write("\n")
