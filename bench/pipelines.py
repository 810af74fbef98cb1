#!/usr/bin/env python3
"""Three ways to explain the ErrorCode of every line of one log, timed in one
run: `chatcodes enrich`, syslog-ng with add-contextual-data and rsyslog with
lookup_table, the last two with the configs in pipelines/ and the tables that
`chatcodes export --format syslog-ng|rsyslog` writes.

Usage: bench/pipelines.py [LINES] [RUNS]   (defaults: 200000 lines, best of 3)

The log is the worst case for a lookup: every line carries a top-level
ErrorCode (and no API name, so every engine uses the same table), cycling through every code of the rsyslog table (ranges expanded),
with one line in a hundred an unknown code. Wall time covers the whole job:
start, load the table, read the log, write every line. syslog-ng reads stdin
and ends by itself; rsyslog's imfile never ends, so its time is taken when
the output holds every line, and it is then stopped by its PID. A one-line
log gives each engine's fixed cost (start-up and table load). The engines
come from .ci/install-pipelines.sh. Every line is checked to come out of each
engine, so a run that drops lines fails instead of looking fast."""
import json, os, random, shutil, subprocess, sys, tempfile, time

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
PREFIX = os.environ.get("CHATCODES_SYSLOG_NG_PREFIX", "/opt/chatcodes-syslog-ng")
BIN = os.path.join(ROOT, "target/release/chatcodes")
WAIT = 600.0


def write_log(path, lines, codes):
    rng = random.Random(7)
    with open(path, "w") as out:
        for i in range(lines):
            code = 424242 if i % 100 == 99 else codes[i % len(codes)]
            out.write(json.dumps({"ts": 1_700_000_000 + i, "level": rng.choice(["warn", "error"]),
                                  "ErrorCode": code, "ErrorInfo": f"err {code}",
                                  "RequestId": f"req-{i:08x}"}, separators=(",", ":")) + "\n")


def count_lines(path):
    try:
        with open(path, "rb") as f:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


def wait_lines(path, lines, proc, name):
    deadline = time.monotonic() + WAIT
    while count_lines(path) < lines:
        if proc.poll() is not None:
            sys.exit(f"{name} ended with {count_lines(path)} of {lines} lines")
        if time.monotonic() > deadline:
            proc.kill()
            sys.exit(f"{name}: {count_lines(path)} of {lines} lines after {WAIT} s")
        time.sleep(0.02)


def run_enrich(work, log, lines):
    out = os.path.join(work, "enrich.out")
    start = time.perf_counter()
    with open(log, "rb") as i, open(out, "wb") as o:
        subprocess.run([BIN, "enrich"], stdin=i, stdout=o, stderr=subprocess.DEVNULL, check=True, timeout=WAIT)
    took = time.perf_counter() - start
    assert count_lines(out) == lines, "enrich lost lines"
    return took


def run_syslog_ng(work, log, lines, db):
    out = os.path.join(work, "syslog-ng.out")
    for f in ("syslog-ng.out", "syslog-ng.persist"):
        if os.path.exists(os.path.join(work, f)):
            os.remove(os.path.join(work, f))
    env = dict(os.environ, LD_LIBRARY_PATH=f"{PREFIX}/usr/lib/syslog-ng", CHATCODES_DB=db, CHATCODES_OUT=out)
    start = time.perf_counter()
    # stdin() needs a pipe (it refuses a regular file), as in the README.
    with open(log, "rb") as i:
        feed = subprocess.Popen(["cat"], stdin=i, stdout=subprocess.PIPE)
        proc = subprocess.Popen([f"{PREFIX}/usr/sbin/syslog-ng", "-F", "--no-caps", "-f",
                                 os.path.join(ROOT, "pipelines/syslog-ng.conf"),
                                 f"--module-path={PREFIX}/usr/lib/syslog-ng/3.38",
                                 "-p", os.path.join(work, "syslog-ng.pid"),
                                 "-R", os.path.join(work, "syslog-ng.persist"),
                                 "-c", os.path.join(work, "syslog-ng.ctl")],
                                stdin=feed.stdout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        feed.stdout.close()
        try:
            proc.wait(timeout=WAIT)
        finally:
            for p in (proc, feed):
                if p.poll() is None:
                    p.kill()
                p.wait()
    took = time.perf_counter() - start
    if count_lines(out) != lines:
        sys.exit(f"syslog-ng wrote {count_lines(out)} of {lines} lines")
    return took


def run_rsyslog(work, log, lines, table):
    state = os.path.join(work, "rsyslog-work")
    shutil.rmtree(state, ignore_errors=True)
    os.makedirs(state)
    out = os.path.join(work, "rsyslog.out")
    if os.path.exists(out):
        os.remove(out)
    env = dict(os.environ, CHATCODES_TABLE=table, CHATCODES_WORK=state, CHATCODES_IN=log, CHATCODES_OUT=out)
    start = time.perf_counter()
    proc = subprocess.Popen(["rsyslogd", "-n", "-f", os.path.join(ROOT, "pipelines/rsyslog.conf"),
                             "-i", os.path.join(work, "rsyslog.pid")],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    try:
        wait_lines(out, lines, proc, "rsyslog")
        took = time.perf_counter() - start
    finally:
        proc.kill()
        proc.wait()
    return took


def main():
    lines = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "chatcodes-cli"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="chatcodes-pipelines-")
    try:
        db = os.path.join(work, "chatcodes-syslog-ng.csv")
        table = os.path.join(work, "chatcodes-rsyslog.json")
        with open(db, "wb") as f:
            subprocess.run([BIN, "export", "--format", "syslog-ng", "--namespace", "tencent_server"], stdout=f, check=True)
        with open(table, "wb") as f:
            subprocess.run([BIN, "export", "--format", "rsyslog", "--namespace", "tencent_server"], stdout=f, check=True)
        with open(table) as f:
            codes = [int(row["index"]) for row in json.load(f)["table"]]
        engines = [("chatcodes enrich", lambda l, n: run_enrich(work, l, n)),
                   ("syslog-ng add-contextual-data", lambda l, n: run_syslog_ng(work, l, n, db)),
                   ("rsyslog lookup_table", lambda l, n: run_rsyslog(work, l, n, table))]
        one = os.path.join(work, "one.ndjson")
        write_log(one, 1, codes)
        log = os.path.join(work, "log.ndjson")
        write_log(log, lines, codes)
        size = os.path.getsize(log)
        print(f"log: {lines} lines, {size} bytes; every line has an ErrorCode ({len(codes)} codes cycled, 1% unknown); best of {runs}")
        print(f"{'engine':32} {'1 line (s)':>10} {'log (s)':>9} {'lines/s':>11} {'MB/s':>7} {'vs enrich':>9}")
        base = None
        for name, run in engines:
            fixed = min(run(one, 1) for _ in range(runs))
            took = min(run(log, lines) for _ in range(runs))
            base = base or took
            print(f"{name:32} {fixed:10.3f} {took:9.3f} {lines / took:11,.0f} {size / took / 1e6:7.1f} {took / base:8.1f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
