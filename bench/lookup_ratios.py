#!/usr/bin/env python3
"""Prints the lookup benchmark as Markdown tables: time per lookup and the ratio
to chatcodes in the same run. Reads criterion's estimates under
target/criterion. Usage: cargo bench -p chatcodes-bench --bench lookup && bench/lookup_ratios.py"""
import json, pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent / "target" / "criterion"
groups = ["known codes", "unknown codes", "range codes", "explain_all on ambiguous codes", "names"]
ok = True
for group in groups:
    gdir = root / group
    if not gdir.is_dir():
        sys.exit(f"no results for {group!r} under {root}: run `cargo bench -p chatcodes-bench --bench lookup` first")
    rows = []
    for bench in sorted(p for p in gdir.iterdir() if (p / "new" / "estimates.json").exists()):
        est = json.loads((bench / "new" / "estimates.json").read_text())
        bm = json.loads((bench / "new" / "benchmark.json").read_text())
        elements = (bm.get("throughput") or {}).get("Elements", 1)
        rows.append((bm["function_id"], est["median"]["point_estimate"] / elements))
    ours = [t for name, t in rows if name.startswith("chatcodes::")]
    if not ours:
        continue
    ours = ours[0]
    others = [t for name, t in rows if not name.startswith("chatcodes::")]
    print(f"\n### {group}\n\n| implementation | ns per lookup | time / chatcodes |\n|---|---|---|")
    for name, t in sorted(rows, key=lambda r: r[1]):
        print(f"| {name} | {t:.2f} | {t / ours:.2f}x |")
    fastest = min(others)
    print(f"\nchatcodes vs fastest alternative: {ours / fastest:.2f}x the time", end="")
    hm = [t for name, t in rows if name == "std HashMap"]
    if hm:
        print(f"; vs std HashMap: {hm[0] / ours:.2f}x faster")
    else:
        print()
