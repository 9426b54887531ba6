"""Benchmark the built site in headless Chromium and print the figures.

In one run on this machine: the time from navigation to the checker's engine
being ready, against a bare page that only loads Pyodide (the ratio is what our
loading adds); the time from submit to result once ready; and the bytes a first
visit transfers for the home page, an article and the checker page.

Usage: python -m build_scripts.benchmark [--site site] [--runs 5]
(`bash build_scripts/project.sh bench` builds the site first.)
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

from build_scripts.serve import serve_in_background

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]

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


def submit_to_result_ms(browser, url: str, runs: int) -> tuple[list[float], list[float]]:
    """Return per-run ms for window.checker.assess, and for a form submit to the shown result."""
    context = browser.new_context()
    page = context.new_page()
    page.goto(url)
    page.evaluate("() => window.checker.ready")
    api = [page.evaluate("""answers => { const start = performance.now();
        return window.checker.assess(answers).then(() => performance.now() - start); }""", ANSWERS)
           for _ in range(runs)]
    page.fill("#q-hours_since_massage", "30")
    page.check("[data-field='severity'] input[value='5']")
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


def first_visit_bytes(browser, url: str, wait_for_engine: bool) -> tuple[int, int, int]:
    """Return (requests, bytes as served here, bytes if gzip-compressed) for a cold first visit."""
    context = browser.new_context()
    page = context.new_page()
    finished = []
    context.on("requestfinished", finished.append)
    page.goto(url, wait_until="networkidle")
    if wait_for_engine:
        page.evaluate("() => window.checker.ready")
        page.wait_for_load_state("networkidle")
    served = compressed = 0
    for request in finished:
        sizes = request.sizes()
        served += sizes["responseBodySize"] + sizes["responseHeadersSize"]
        body = request.response().body() if request.response() else b""
        compressed += len(gzip.compress(body)) + sizes["responseHeadersSize"]
    context.close()
    return len(finished), served, compressed


def summary(values: list[float]) -> str:
    return f"median {statistics.median(values):8.1f} ms  (min {min(values):.1f}, max {max(values):.1f})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, default=Path("site"), help="the built site")
    parser.add_argument("--runs", type=int, default=5, help="cold runs of each measurement")
    args = parser.parse_args(argv)
    executable = shutil.which("chromium")
    if executable is None:
        print("error: Debian's chromium is not installed (apt-get install chromium)", file=sys.stderr)
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

        # Interleave the two pages so that machine load affects both alike.
        checker_ms, bare_ms = [], []
        for _ in range(args.runs):
            bare_ms.append(cold_ready_ms(browser, bare_url, "() => window.bareReady"))
            checker_ms.append(cold_ready_ms(
                browser, checker_url, "() => window.checker.ready.then(() => performance.now())"))
        api_ms, form_ms = submit_to_result_ms(browser, checker_url, max(args.runs, 10))
        visits = {name: first_visit_bytes(browser, site_url + path, path == "checker/")
                  for name, path in (("home page", ""), ("article (warning signs)", "warning-signs/"),
                                     ("checker page", "checker/"))}
        browser.close()
        for server in (site_server, bare_server):
            server.shutdown()
            server.server_close()

    print(f"After the Massage benchmark: {args.runs} cold runs each, headless Chromium, "
          f"served from 127.0.0.1\n")
    print("Navigation to engine ready (cold)")
    print(f"  bare Pyodide page   {summary(bare_ms)}")
    print(f"  checker page        {summary(checker_ms)}")
    print(f"  ratio checker/bare  {statistics.median(checker_ms) / statistics.median(bare_ms):.2f}\n")
    print("Once ready")
    print(f"  assess() call       {summary(api_ms)}")
    print(f"  submit to result    {summary(form_ms)}\n")
    print("First visit, everything transferred")
    for name, (count, served, compressed) in visits.items():
        print(f"  {name:24} {count:3} requests  {served / 1024:8.0f} KiB as served here  "
              f"{compressed / 1024:8.0f} KiB gzip-compressed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
