#!/usr/bin/env python3
"""Time to filter the HTML reference (docs --format html) in headless
Chromium, at the catalogue's size and with its entries copied to several
thousand. Usage: bench/site_filter.py [COPIES] (default 10).

For each page size, a copy of index.html gets a script, placed before the
page's own, that clones every entry COPIES-1 times; a script after it types
each query into the search box (the page's own input handler runs) and
forces a layout, so the time covers filtering, hiding and the layout the
user waits for. Each query runs 5 times, the best is kept. Beside them, the big page
with `content-visibility` turned off (every entry laid out), and in the
same page, a baseline: one forced layout after toggling a single entry, the
cheapest change a filter can make. The results come back through
--dump-dom."""
import json, os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
QUERIES = ["usersig expired", "7", "limit", "frequency limit exceeded", "zzzz", ""]
CLONE = """<script>
(function () {
  var copies = %d;
  document.querySelectorAll("section.category").forEach(function (s) {
    var originals = Array.prototype.slice.call(s.querySelectorAll("article.entry"));
    for (var i = 1; i < copies; i++) originals.forEach(function (a) {
      var c = a.cloneNode(true); c.id = a.id + "~" + i; s.appendChild(c);
    });
  });
})();
</script>
"""
MEASURE = """<script>
(function () {
  var q = document.getElementById("q"), queries = %s, out = {};
  function timed(f) { var t = performance.now(); f(); document.body.offsetHeight; return performance.now() - t; }
  queries.forEach(function (query) {
    var best = Infinity;
    for (var r = 0; r < 5; r++) {
      q.value = ""; q.dispatchEvent(new Event("input")); document.body.offsetHeight;
      best = Math.min(best, timed(function () { q.value = query; q.dispatchEvent(new Event("input")); }));
    }
    var script = Infinity;
    for (var r = 0; r < 5; r++) {
      q.value = ""; q.dispatchEvent(new Event("input")); document.body.offsetHeight;
      var t = performance.now(); q.value = query; q.dispatchEvent(new Event("input"));
      script = Math.min(script, performance.now() - t);
      document.body.offsetHeight;
    }
    out[query] = {ms: best, script_ms: script, shown: parseInt(document.getElementById("count").textContent, 10)};
  });
  var one = document.querySelector("article.entry"), base = Infinity;
  for (var r = 0; r < 5; r++) {
    base = Math.min(base, timed(function () { one.hidden = !one.hidden; }));
  }
  out.__entries = document.querySelectorAll("article.entry").length;
  out.__baseline_ms = base;
  var pre = document.createElement("pre"); pre.id = "bench"; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def run(page, work):
    profile = os.path.join(work, "profile")
    dom = subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                          f"--user-data-dir={profile}", "--dump-dom", f"file://{page}"],
                         capture_output=True, text=True, timeout=180).stdout
    m = re.search(r'<pre id="bench">(.*?)</pre>', dom, re.S)
    if not m:
        sys.exit("no result in the dumped DOM")
    return json.loads(m.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def main():
    copies = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "chatcodes-cli"], cwd=ROOT, check=True)
    work = tempfile.mkdtemp(prefix="chatcodes-site-bench-")
    try:
        subprocess.run([os.path.join(ROOT, "target/release/chatcodes"), "docs", "--format", "html",
                        "--out", work], check=True)
        html = open(os.path.join(work, "index.html")).read()
        results = {}
        # "plain": the big page with every entry laid out (content-visibility
        # off), the comparison for the page's own CSS.
        for n in (1, copies, "plain"):
            page = html
            if n == "plain":
                page = page.replace("</style>", ".entry { content-visibility: visible; }\n</style>", 1)
            page = page.replace("<script>\n", CLONE % (copies if n == "plain" else n) + "<script>\n", 1)
            page = page.replace("</body>", MEASURE % json.dumps(QUERIES) + "</body>", 1)
            path = os.path.join(work, f"bench-{n}.html")
            open(path, "w").write(page)
            results[n] = run(path, work)
        small, big, plain = results[1], results[copies], results["plain"]
        print(f"Chromium: {subprocess.run(['chromium', '--version'], capture_output=True, text=True).stdout.strip()}")
        print(f"{'query':28} {'shown':>6} {small['__entries']:>6} entries {'shown':>7} {big['__entries']:>6} entries  x")
        for q in QUERIES:
            a, b = small[q], big[q]
            c = plain[q]
            print(f"{json.dumps(q):28} {a['shown']:>6} {a['ms']:>11.1f} ms {b['shown']:>7} {b['ms']:>11.1f} ms  {b['ms'] / max(a['ms'], 0.01):.1f}   "
                  f"(script alone: {a['script_ms']:.1f} / {b['script_ms']:.1f} ms; every entry laid out: {c['ms']:.1f} ms, {c['ms'] / max(b['ms'], 0.01):.1f}x)")
        print(f"{'baseline (toggle one entry)':28} {'':>6} {small['__baseline_ms']:>11.1f} ms {'':>7} {big['__baseline_ms']:>11.1f} ms")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
