"""Benchmark the built site in headless Chromium and print the figures.

In one run on this machine: the time from navigation to the checker's engine
being ready, with and without the start-up snapshot, against a bare page that
only loads Pyodide; where the cold start goes; the time from submit to result
once ready; the bytes a first visit transfers for the home page, an article and
the checker page; and Lighthouse's scores for those three pages.

Usage: python -m build_scripts.benchmark [--site site] [--runs 5]
(`bash build_scripts/project.sh bench` builds the site first.)
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from build_scripts.headless_chromium import CHROMIUM_ARGS, MISSING, chromium_path
from build_scripts.serve import serve_in_background

ROOT = Path(__file__).resolve().parents[1]

# A page that loads Pyodide in a module worker and nothing else: the floor.
BARE_PAGE = """<!doctype html><html lang="en"><title>Bare Pyodide</title><script>
window.bareReady = new Promise((resolve, reject) => {
  const worker = new Worker("bare-worker.mjs", {type: "module"});
  worker.onmessage = () => resolve(performance.now());
  worker.onerror = reject;
});
</script></html>"""
BARE_WORKER = """import { loadPyodide } from "./pyodide/pyodide.mjs";
await loadPyodide({ indexURL: new URL("./pyodide/", import.meta.url).href });
self.postMessage("ready");
"""

READY = "() => window.checker.ready.then(() => performance.now())"
PAGES = (("home page", ""), ("article (warning signs)", "warning-signs/"), ("checker page", "checker/"))

ANSWERS = {"hours_since_massage": 30, "severity": 5, "trend": "same", "pain_areas": ["lower_back"]}


def bare_site(site: Path, folder: Path) -> Path:
    """Return a folder serving the bare page beside the site's own Pyodide runtime."""
    (folder / "index.html").write_text(BARE_PAGE)
    (folder / "bare-worker.mjs").write_text(BARE_WORKER)
    (folder / "pyodide").symlink_to(site / "pyodide")
    return folder


def cold_ready_ms(browser, url: str, expression: str) -> float:
    """Return ms from navigation start to ``expression`` resolving, in a fresh (cold) context."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    milliseconds = page.evaluate(expression)
    context.close()
    return milliseconds


def answer_up_to_the_review(page, hours: int, severity: int) -> None:
    """Give the hours and the pain score, and go on to the review step: the form
    asks one step at a time, the hours on the second step, the pain on the third."""
    page.click("[data-action='next']")
    page.fill("#q-hours_since_massage", str(hours))
    page.click("[data-action='next']")
    page.check(f"[data-field='severity'] input[value='{severity}']")
    while page.is_visible("[data-action='next']"):
        page.click("[data-action='next']")


def submit_to_result_ms(browser, url: str, runs: int) -> tuple[list[float], list[float]]:
    """Return per-run ms for window.checker.assess, and for a form submit to the shown result."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.evaluate("() => window.checker.ready")
    api = [page.evaluate("""answers => { const start = performance.now();
        return window.checker.assess(answers).then(() => performance.now() - start); }""", ANSWERS)
           for _ in range(runs)]
    answer_up_to_the_review(page, 30, 5)
    form = []
    for _ in range(runs):
        form.append(page.evaluate("""() => new Promise(resolve => {
            const box = document.querySelector('#checker-result');
            delete box.dataset.level;
            const start = performance.now();
            new MutationObserver((_, observer) => { if (box.dataset.level) {
                observer.disconnect(); resolve(performance.now() - start); } })
              .observe(box, {attributes: true});
            document.querySelector('#checker-form').requestSubmit();
        })"""))
    context.close()
    return api, form


def first_visit_bytes(browser, url: str, wait_for_engine: bool) -> dict[str, tuple[int, int]]:
    """Return, for a cold first visit, (requests, bytes transferred) for what the page
    itself loads and for what the service worker keeps for offline use."""
    context = browser.new_context()
    page = context.new_page()
    finished = []
    # A lambda: Playwright stores an attribute on each handler, which a built-in method can't hold.
    context.on("requestfinished", lambda request: finished.append(request))
    page.goto(url, wait_until="networkidle")
    if wait_for_engine:
        page.evaluate("() => window.checker.ready")
    page.evaluate("() => navigator.serviceWorker.ready")
    page.wait_for_timeout(500)
    page.wait_for_load_state("networkidle")
    totals = {"page": [0, 0], "offline copy": [0, 0]}
    for request in finished:
        sizes = request.sizes()
        total = totals["offline copy" if request.service_worker else "page"]
        total[0] += 1
        total[1] += sizes["responseBodySize"] + sizes["responseHeadersSize"]
    context.close()
    return {part: tuple(numbers) for part, numbers in totals.items()}


def startup_breakdown(browser, url: str) -> dict:
    """Return where one cold start of the engine went, as the page's worker timed it."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.evaluate("() => window.checker.ready")
    timings = page.evaluate("() => window.checkerStartup")
    context.close()
    return timings


def lighthouse(url: str) -> dict[str, int]:
    """Return Lighthouse's category scores (0-100) for a page, run on Debian's chromium."""
    binary = ROOT / "node_modules" / ".bin" / "lighthouse"
    with tempfile.TemporaryDirectory() as scratch:
        report = Path(scratch) / "report.json"
        subprocess.run(
            [str(binary), url, "--quiet", "--output=json", f"--output-path={report}",
             "--only-categories=performance,accessibility,best-practices,seo",
             "--chrome-flags=" + " ".join(CHROMIUM_ARGS)],
            env={**os.environ, "CHROME_PATH": chromium_path()}, check=True,
            capture_output=True)
        categories = json.loads(report.read_text())["categories"]
    return {name: round(category["score"] * 100) for name, category in categories.items()}


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):8.1f} ms  (min {min(values):.1f}, max {max(values):.1f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site")
    parser.add_argument("--runs", type=int, default=5, help="cold runs of each measurement")
    parser.add_argument("--no-lighthouse", action="store_true", help="skip the Lighthouse runs")
    args = parser.parse_args(argv)
    executable = chromium_path()
    if executable is None:
        print(f"error: {MISSING}", file=sys.stderr)
        return 1
    if not (args.site / "pyodide" / "pyodide-lock.json").is_file():
        print(f"error: {args.site} holds no built site with the checker: build it first",
              file=sys.stderr)
        return 1
    from playwright.sync_api import sync_playwright

    site = args.site.resolve()
    with tempfile.TemporaryDirectory() as scratch, sync_playwright() as playwright:
        site_server, site_url = serve_in_background(site)
        bare_server, bare_url = serve_in_background(bare_site(site, Path(scratch)))
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        checker_url = site_url + "checker/"

        # Interleave the pages so that machine load affects them alike.
        pages = {"bare Pyodide page": (bare_url, "() => window.bareReady"),
                 "checker page": (checker_url, READY),
                 "checker, no snapshot": (checker_url + "?snapshot=off", READY)}
        ready_ms = {name: [] for name in pages}
        for _ in range(args.runs):
            for name, (url, expression) in pages.items():
                ready_ms[name].append(cold_ready_ms(browser, url, expression))
        starts = {name: [startup_breakdown(browser, url) for _ in range(3)]
                  for name, url in (("with snapshot", checker_url),
                                    ("without snapshot", checker_url + "?snapshot=off"))}
        api_ms, form_ms = submit_to_result_ms(browser, checker_url, max(args.runs, 10))
        visits = {name: first_visit_bytes(browser, site_url + path, path == "checker/")
                  for name, path in PAGES}
        browser.close()
        scores = {} if args.no_lighthouse else {name: lighthouse(site_url + path)
                                                 for name, path in PAGES}
        for server in (site_server, bare_server):
            server.shutdown()
            server.server_close()

    bare = statistics.median(ready_ms["bare Pyodide page"])
    print(f"After the Massage benchmark: {args.runs} cold runs each, headless Chromium, "
          f"served from 127.0.0.1 (gzip, as GitHub Pages)\n")
    print("Navigation to engine ready (cold)")
    for name, values in ready_ms.items():
        print(f"  {name:22} {summary(values)}  ratio to bare {statistics.median(values) / bare:.2f}")
    print("\nWhere the checker's cold start goes (median of 3, ms)")
    for name, runs in starts.items():
        parts = "  ".join(f"{part} {statistics.median(run[part] for run in runs):6.0f}"
                          for part in ("boot", "wheel", "import"))
        print(f"  {name:18} {parts}")
        downloads = sorted(runs[0]["downloads"], key=lambda entry: -entry["ms"])[:4]
        print("  " + " " * 18 + " slowest downloads: " + ", ".join(
            f"{entry['file']} {entry['ms']} ms" for entry in downloads))
    print("  (boot: download, WebAssembly compile and interpreter start or snapshot restore, "
          "stdlib; wheel: loadPackage with sha256 check; import: the checker's modules)\n")
    print("Once ready")
    print(f"  assess() call          {summary(api_ms)}")
    print(f"  submit to result       {summary(form_ms)}\n")
    print("First visit (cold), bytes transferred: by the page / by the service worker "
          "keeping the offline copy")
    for name, parts in visits.items():
        for part, (count, size) in parts.items():
            print(f"  {name:24} {part:13} {count:3} requests  {size / 1024:7.0f} KiB")
    if scores:
        print("\nLighthouse (default mobile settings: throttled network and CPU)")
        for name, categories in scores.items():
            print(f"  {name:24} " + "  ".join(f"{category} {score:3}"
                                             for category, score in categories.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
