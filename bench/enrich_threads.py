#!/usr/bin/env python3
"""One thread against two: `chatcodes enrich --threads 1` and `--threads 2` on
LOG, for each BIN, in turns (one run of each per round, RUNS rounds), so that
the machine's noise falls on all of them alike. Prints the fastest and median
wall-clock time, the CPU time (user + system, from getrusage) and the minor
page faults of each: two threads that cost more CPU than one show where the
pool loses time even when the wall clock is too noisy to tell.

Usage: bench/enrich_threads.py LOG RUNS BIN [BIN...]
"""
import resource
import statistics
import subprocess
import sys
import time


def run(binary, threads, log):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    with open(log, "rb") as f:
        start = time.perf_counter()
        subprocess.run(
            [binary, "enrich", "--threads", str(threads)],
            stdin=f, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True,
        )
        wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return wall, cpu, after.ru_minflt - before.ru_minflt


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    log, runs, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    results = {}
    for _ in range(runs):
        for binary in binaries:
            for threads in (1, 2):
                results.setdefault((binary, threads), []).append(run(binary, threads, log))
    ms = lambda seconds: f"{seconds * 1e3:6.1f}"
    for binary in binaries:
        one, two = results[(binary, 1)], results[(binary, 2)]
        for threads, rows in ((1, one), (2, two)):
            walls, cpus, faults = zip(*rows)
            print(f"{binary} --threads {threads}: wall fastest {ms(min(walls))} median "
                  f"{ms(statistics.median(walls))} ms | CPU fastest {ms(min(cpus))} median "
                  f"{ms(statistics.median(cpus))} ms | {statistics.median(faults):.0f} page faults")
        fastest = min(w for w, _, _ in one) / min(w for w, _, _ in two)
        median = statistics.median(w for w, _, _ in one) / statistics.median(w for w, _, _ in two)
        print(f"{binary}: one thread / two, fastest {fastest:.2f}x, median {median:.2f}x")


if __name__ == "__main__":
    main()
