#!/usr/bin/env python3
"""`chatcodes.explain` per call against a Python dict lookup of the same data.

The dict holds, for every code the catalogue answers (each code of a range on
its own), what `explain(code)` returns, as the record dict (`to_dict()`): the
table a Python service would build from an export. Both are timed on the same
codes, best of REPEAT runs of NUMBER calls each, in one run:

- one known code (70001), over and over;
- an unfriendly mix: every entry's code in every namespace, codes inside the
  one range, and one code in five unknown to the catalogue, shuffled (seeded);
- the same mix, reading `.retryability` / `["retryability"]`, the call a
  retry decision makes.

Usage: python/bench/explain_vs_dict.py [NUMBER] (with the package installed).
"""

import random
import sys
import timeit

import chatcodes

NUMBER = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
REPEAT = 7


def mix():
    random.seed(22)
    codes = [e.code for e in chatcodes.entries()]
    codes += random.sample(range(120001, 130001), 200)
    known = set(codes)
    unknown = [c for c in random.sample(range(-100_000, 1_000_000), 2 * len(codes)) if c not in known]
    codes += unknown[: len(codes) // 4]
    random.shuffle(codes)
    return codes


def table():
    """{code: explain(code).to_dict()} for every code explain answers."""
    codes = {e.code for e in chatcodes.entries()} | set(range(120001, 130001))
    return {c: chatcodes.explain(c).to_dict() for c in codes}


def best(stmt, env):
    """Nanoseconds per call, best of REPEAT."""
    return min(timeit.repeat(stmt, globals=env, number=NUMBER, repeat=REPEAT)) / NUMBER * 1e9


def main():
    codes = mix()
    d = table()
    n = len(codes)
    env = {"explain": chatcodes.explain, "d": d, "codes": codes, "n": n, "it": None}
    # A cycle over the mix, the same for both sides; its own cost is timed too.
    setup = "import itertools\nit = itertools.cycle(codes).__next__"
    exec(setup, env)
    cases = [
        ("70001", "explain(70001)", "d.get(70001)"),
        (f"mix of {n} codes", "explain(it())", "d.get(it())"),
        ("mix, retryability", "e = explain(it())\nr = e and e.retryability",
         "e = d.get(it())\nr = e and e['retryability']"),
    ]
    loop = best("it()", env)
    print(f"chatcodes {chatcodes.__version__}, catalogue {chatcodes.CATALOGUE_VERSION}, "
          f"Python {sys.version.split()[0]}; dict of {len(d)} codes; best of {REPEAT} x {NUMBER:,} calls")
    print(f"(the mix's own cost, itertools.cycle: {loop:.1f} ns per call, included in both columns)")
    print()
    print("| lookup | explain (ns/call) | dict (ns/call) | explain / dict |")
    print("|---|---:|---:|---:|")
    for name, ours, theirs in cases:
        a, b = best(ours, env), best(theirs, env)
        print(f"| {name} | {a:.1f} | {b:.1f} | {a / b:.2f}x |")


if __name__ == "__main__":
    main()
