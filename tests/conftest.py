"""Shared fixtures: the site built once per session, served on 127.0.0.1 by a host
that a test may deploy another build to or switch off, and headless Chromium
(Debian's chromium, driven by Playwright) for browser tests: a fresh context for
what a first visit does, and contexts kept for the session (a returning reader,
the engine restored from its snapshot) for tests that only need a ready checker."""

from __future__ import annotations

import functools
import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

from build_scripts import serve
from build_scripts.headless_chromium import CHROMIUM_ARGS, MISSING, chromium_path

ROOT = Path(__file__).resolve().parents[1]

# Hypothesis's per-example deadline is a timed assertion: on a loaded machine it
# fails correct code. Speed is the benchmark's business, not the tests'.
settings.register_profile("no-deadline", deadline=None)
settings.load_profile("no-deadline")
SUB_PATH = "/after-the-massage/"


def build_site(destination: Path, root: Path = ROOT, **env: str) -> Path:
    """Build the site (of the project at ``root``) strictly into ``destination``;
    fail the test run with MkDocs' output."""
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "--site-dir", str(destination)],
        cwd=root, capture_output=True, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
    )
    if result.returncode != 0:
        pytest.fail(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    return destination


def copy_of_the_project(folder: Path) -> Path:
    """Return ``folder`` holding a copy of the project's files as they stand: tracked,
    and new ones git does not ignore (the working tree that MkDocs builds), with a link
    to its node_modules, for a test that builds a changed project."""
    files = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                           cwd=ROOT, capture_output=True, check=True).stdout.decode().split("\0")
    for name in filter(None, files):
        if (ROOT / name).is_file():
            (folder / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, folder / name)
    (folder / "node_modules").symlink_to(ROOT / "node_modules")
    return folder


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def hold_back(path: str, stall: set[str], released: threading.Event) -> None:
    """Hold a request whose path ends in one of ``stall`` until ``released`` (two minutes
    at most; then it is answered, as a link that recovers), as a stalled mobile link does."""
    if any(path.endswith(name) for name in stall):
        released.wait(120)


class Host:
    """A built site served on 127.0.0.1 at one address, with the headers of
    build_scripts/serve.py (max-age=600, as GitHub Pages sends): ``deploy`` serves
    another build there from then on (a folder link swapped, as a deployment does);
    ``stop`` takes the server away like a lost network and ``start`` brings it back on
    the same port; ``stall`` names files it never finishes sending until ``released``,
    as a stalled mobile link does."""

    def __init__(self, folder: Path, site: Path, port: int, base: str = "/") -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.live = folder / "live"
        self.port, self.base = port, serve.normalise_base(base)
        self.url = f"http://127.0.0.1:{port}{self.base}"
        self.stall: set[str] = set()
        self.released = threading.Event()
        self.http: serve.SiteServer | None = None
        self.deploy(site)
        self.start()

    @property
    def site(self) -> Path:
        """The build served now (a link to its folder)."""
        return self.live

    def deploy(self, site: Path) -> None:
        """Serve ``site`` from now on (its files, with their own sizes and times)."""
        if self.live.is_symlink():
            self.live.unlink()
        self.live.symlink_to(site.resolve(), target_is_directory=True)
        serve.compressed.cache_clear()

    def start(self) -> None:
        host = self

        class Handler(serve.SiteHandler):
            def send_head(self):
                hold_back(self.path, host.stall, host.released)
                return super().send_head()

        self.http = serve.SiteServer(("127.0.0.1", self.port), functools.partial(
            Handler, directory=str(self.live), base=self.base, quiet=True))
        threading.Thread(target=self.http.serve_forever, kwargs={"poll_interval": 0.05},
                         daemon=True).start()

    def stop(self) -> None:
        """Refuse every connection from now on (a stalled response is let go first)."""
        self.released.set()
        if self.http:
            self.http.shutdown()
            self.http.server_close()
            self.http = None

    def restore(self, site: Path) -> None:
        """Serve ``site`` again, running, with nothing stalled."""
        self.released.set()
        self.stall = set()
        self.released = threading.Event()
        if self.live.resolve() != site.resolve():
            self.deploy(site)
        if self.http is None:
            self.start()


@pytest.fixture(scope="session")
def site_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory, site_port) -> Path:
    """The site, built strictly for the address it is served at in the tests.

    Material's instant navigation only takes over links within site_url, so the
    site is built for http://127.0.0.1:<port>/, as it is for its real address.
    """
    return build_site(tmp_path_factory.mktemp("site") / "site",
                      SITE_URL=f"http://127.0.0.1:{site_port}/")


@pytest.fixture(scope="session")
def site_host(built_site, site_port, tmp_path_factory):
    """The host of the built site, at the root of 127.0.0.1:<site_port>."""
    host = Host(tmp_path_factory.mktemp("host"), built_site, site_port)
    yield host
    host.stop()


@pytest.fixture(scope="session")
def site_url(site_host) -> str:
    """The URL of the built site served at the root of 127.0.0.1:<port>."""
    return site_host.url


@pytest.fixture(scope="session")
def sub_path_port() -> int:
    return free_port()


@pytest.fixture(scope="session")
def sub_path_site(tmp_path_factory, sub_path_port) -> Path:
    """The site built for a sub-path, as on GitHub Pages, from a copy of the project
    without its tests: the build must need none of them (tests/test_build_outputs.py)."""
    folder = tmp_path_factory.mktemp("subpath-build")
    project = copy_of_the_project(folder / "project")
    shutil.rmtree(project / "tests")
    return build_site(folder / "site", root=project,
                      SITE_URL=f"http://127.0.0.1:{sub_path_port}{SUB_PATH}")


@pytest.fixture(scope="session")
def sub_path_host(tmp_path_factory, sub_path_site, sub_path_port):
    """The host of the site built for, and served under, a sub-path."""
    host = Host(tmp_path_factory.mktemp("subpath"), sub_path_site, sub_path_port, SUB_PATH)
    yield host
    host.stop()


@pytest.fixture(scope="session")
def sub_path_site_url(sub_path_host) -> str:
    """The URL of the site built for, and served under, a sub-path."""
    return sub_path_host.url


def changed_by(host: Host):
    """Yield ``host`` to a test that deploys another build to it, stalls it or switches
    it off; afterwards it serves its own build again, as every other test expects."""
    site = host.site.resolve()
    try:
        yield host
    finally:
        host.restore(site)


@pytest.fixture
def own_site_host(site_host):
    """The host at the root, for a test that changes what it serves (see changed_by)."""
    yield from changed_by(site_host)


@pytest.fixture
def own_sub_path_host(sub_path_host):
    """The host under a sub-path, for a test that changes what it serves."""
    yield from changed_by(sub_path_host)


# ---------------------------------------------------------------------------
# Browser

# V8 runs WebAssembly with its baseline compiler (Liftoff) only, never spending a core on
# optimising Pyodide's 10 MB module again in each fresh context: the same code, run the
# same way, with a quarter to a third less processor time per cold start (measured on this
# machine). The tests check behaviour; the benchmark, which measures speed, leaves the
# browser as readers have it.
TESTS_ONLY_ARGS = ["--js-flags=--liftoff-only"]


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, through Playwright (never a downloaded browser)."""
    executable = chromium_path()
    if executable is None:
        pytest.fail(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable,
                                             args=[*CHROMIUM_ARGS, *TESTS_ONLY_ARGS])
        yield browser
        browser.close()


class RequestLog:
    """Every URL a page asked for, so a test can prove none left 127.0.0.1."""

    def __init__(self) -> None:
        self.urls: list[str] = []

    def off_site(self) -> list[str]:
        """Return the requested URLs whose host is not 127.0.0.1."""
        return [url for url in self.urls
                if urlsplit(url).scheme not in ("data", "blob", "about")
                and urlsplit(url).hostname != "127.0.0.1"]


@pytest.fixture
def requests_made() -> RequestLog:
    return RequestLog()


@pytest.fixture
def page_errors() -> list[str]:
    """The uncaught JavaScript errors of the test's page."""
    return []


@pytest.fixture
def csp_violations() -> list[str]:
    """The Content-Security-Policy violations the test's pages reported: each
    securitypolicyviolation event ("<directive> <blocked URI>") and each console
    message about the policy."""
    return []


# Reports every policy violation in a document to the test (Playwright's own
# scripts are not subject to the page's policy).
REPORT_VIOLATIONS = """document.addEventListener("securitypolicyviolation", (event) =>
    window.__reportCspViolation(`${event.effectiveDirective} ${event.blockedURI}`));"""


class Reports(Protocol):
    """Where reports go: a list, or a KeptContext, which passes them on to a test's list."""

    def append(self, report: str, /) -> None: ...


def watch_for_csp_violations(context, violations: Reports) -> None:
    """Append to ``violations`` every policy violation the pages of ``context`` report."""
    context.expose_function("__reportCspViolation", lambda report: violations.append(report))
    context.add_init_script(REPORT_VIOLATIONS)
    context.on("console", lambda message: violations.append(f"console: {message.text}")
               if "Content Security Policy" in message.text else None)


# A phone: the size of a common one (390 x 844 CSS pixels), touch, mobile layout.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 900}}


def checked_after(requests_made: RequestLog, page_errors: list[str],
                  csp_violations: list[str]) -> None:
    """Fail the test if a request left 127.0.0.1, a page raised a JavaScript error, or
    the site's Content-Security-Policy refused anything."""
    assert requests_made.off_site() == [], "requests left 127.0.0.1"
    assert page_errors == [], "the page raised JavaScript errors"
    assert csp_violations == [], "the Content-Security-Policy refused something"


@pytest.fixture
def open_page(chromium, requests_made, page_errors, csp_violations):
    """Open a fresh browser page (own context: no shared storage) with the given
    context options; it logs every request, and the test fails if any went to
    another host, the page raised a JS error, or the site's Content-Security-Policy
    refused anything."""
    contexts = []

    def opened(**options):
        context = chromium.new_context(**{"color_scheme": "light", **options})
        contexts.append(context)
        watch_for_csp_violations(context, csp_violations)
        page = context.new_page()
        context.on("request", lambda request: requests_made.urls.append(request.url))
        page.on("pageerror", lambda error: page_errors.append(str(error)))
        return page

    yield opened
    for context in contexts:
        context.close()
    checked_after(requests_made, page_errors, csp_violations)


@pytest.fixture
def page(open_page):
    """A fresh desktop-sized page (see open_page)."""
    return open_page(**DESKTOP)


@pytest.fixture
def phone(open_page):
    """A fresh phone-sized page with touch (see open_page)."""
    return open_page(**PHONE)


class KeptContext:
    """A browser context kept for the session, which the tests that use it take
    turns with: what its pages report (requests, policy violations, JS errors) goes to
    the test using it now. It keeps one tab too, which each test takes in turn (a new
    tab costs a renderer process: about 0.7 CPU-seconds a page on this machine)."""

    def __init__(self, chromium, options: dict) -> None:
        self.options = options
        self.context = chromium.new_context(**options)
        self.requests: RequestLog | None = None
        self.violations: list[str] | None = None
        self.errors: list[str] | None = None
        self.tab = None
        self.listening: dict[str, int] = {}
        self.context.on("request", self.requested)
        watch_for_csp_violations(self.context, self)  # through append, below

    def requested(self, request) -> None:
        if self.requests is not None:
            self.requests.urls.append(request.url)

    def append(self, violation: str) -> None:
        if self.violations is not None:
            self.violations.append(violation)

    def raised(self, error) -> None:
        if self.errors is not None:
            self.errors.append(str(error))

    def new_page(self):
        """A new tab of this context, whose JS errors go to the test using it now."""
        page = self.context.new_page()
        page.on("pageerror", self.raised)
        self.listening = listeners_of(page)
        return page

    def take_tab(self):
        """The context's kept tab, blank (a new one the first time)."""
        if self.tab is None or self.tab.is_closed():
            self.tab = self.new_page()
        tab, self.tab = self.tab, None
        return tab

    def give_back(self, tab) -> None:
        """Keep ``tab`` for the next test, as a new tab would be: blank, at the context's
        size, with the context's media, no routes; a tab with listeners a test added
        (which cannot be told from the fixture's own) is closed, and the test fails."""
        if listeners_of(tab) != self.listening:
            tab.close()
            raise AssertionError(f"the test added listeners to a kept tab ({listeners_of(tab)}"
                                 f", not {self.listening}): give it open_returning_page(..., "
                                 "own_tab=True)")
        tab.unroute_all(behavior="ignoreErrors")
        tab.emulate_media(media="null", color_scheme=self.options["color_scheme"],
                          reduced_motion="null", forced_colors="null", contrast="null")
        if "viewport" in self.options:
            tab.set_viewport_size(self.options["viewport"])
        # The checker asks before a page with answers is left (beforeunload): leave it.
        leave = lambda dialog: dialog.accept()  # noqa: E731
        tab.on("dialog", leave)
        try:
            tab.goto("about:blank")
        finally:
            tab.remove_listener("dialog", leave)
        self.tab = tab


def listeners_of(page) -> dict[str, int]:
    """How many listeners each event of ``page`` has (Playwright has no public way to ask)."""
    return {event: len(page._impl_obj.listeners(event)) for event in page._impl_obj.event_names()}


# What a page leaves for the next page of its context, besides what a returning
# reader's browser keeps anyway (the service worker's caches, the engine's snapshot).
FORGET_PAGE_STORAGE = "() => { localStorage.clear(); sessionStorage.clear(); }"
# True while the page's engine, started cold where it could have been restored, is still
# keeping its snapshot for the next visit (closing the page then would leave the next
# page to start cold too). Without snapshots (?snapshot=off) nothing is skipped or kept.
KEEPING_SNAPSHOT = """() => Boolean(window.checkerStartup)
    && window.checkerStartup.snapshot === false
    && window.checkerStartup.snapshotSkipped !== undefined
    && window.checkerSnapshot === undefined"""


def leave_for_the_next_page(page) -> None:
    """Let the page's engine keep its snapshot, if it is keeping one, and clear the
    page's storage: what the next page of its context should find."""
    from playwright.sync_api import Error

    for attempt in (1, 2):
        try:
            if page.evaluate(KEEPING_SNAPSHOT):
                page.wait_for_function(f"() => !({KEEPING_SNAPSHOT})()", timeout=30_000)
            page.evaluate(FORGET_PAGE_STORAGE)
            return
        except Error:  # the test left the page navigating: once it has loaded, again
            if attempt == 2:
                raise
            page.wait_for_load_state()


@pytest.fixture(scope="session")
def kept_contexts(chromium):
    """The contexts kept for the session, one per set of options."""
    kept: dict[str, KeptContext] = {}
    yield kept
    for each in kept.values():
        each.context.close()


@pytest.fixture
def open_returning_page(kept_contexts, chromium, requests_made, page_errors, csp_violations):
    """Open a page, as a returning reader does, in the browser context kept for the
    session with the given options: the site's service worker and the checker's engine
    snapshot are there from earlier tests (so the engine is restored, not started cold),
    but not their cookies, local and session storage, or history. Tests of what a first
    visit does, of the snapshot, the service worker, privacy or updates use open_page.
    Requests, JS errors and policy violations fail the test as with open_page.

    The page is the context's kept tab, blank, unless the test asks for ``own_tab``
    (a tab closed afterwards: for a test that adds listeners, init scripts or browser
    settings to it) or has the kept tab already."""
    taken: list[tuple[KeptContext, object]] = []  # kept tabs, given back afterwards
    own: list = []  # the test's own tabs, closed afterwards
    used = []

    def opened(*, own_tab: bool = False, **options):
        options = {"color_scheme": "light", **options}
        key = json.dumps(options, sort_keys=True)
        if key not in kept_contexts:
            kept_contexts[key] = KeptContext(chromium, options)
        kept = kept_contexts[key]
        kept.requests, kept.violations, kept.errors = requests_made, csp_violations, page_errors
        used.append(kept)
        if own_tab or any(kept is other for other, _ in taken):
            page = kept.new_page()
            own.append(page)
        else:
            page = kept.take_tab()
            taken.append((kept, page))
        return page

    yield opened
    for page in [*own, *(tab for _, tab in taken)]:
        if not page.is_closed() and page.url.startswith("http://127.0.0.1"):
            leave_for_the_next_page(page)
    for page in own:
        page.close()
    for kept, tab in taken:
        if not tab.is_closed():
            kept.give_back(tab)
    for kept in used:
        kept.context.clear_cookies()
        kept.requests = kept.violations = kept.errors = None
    checked_after(requests_made, page_errors, csp_violations)


@pytest.fixture
def returning_phone(open_returning_page):
    """A new phone-sized page with touch, in the phone context kept for the session."""
    return open_returning_page(**PHONE)


@pytest.fixture
def returning_page(open_returning_page):
    """A new desktop-sized page, in the desktop context kept for the session."""
    return open_returning_page(**DESKTOP)


# ---------------------------------------------------------------------------
# Article figures

def pytest_terminal_summary(terminalreporter, exitstatus, config):
    """After a run that checked the articles, print each one's word count and
    Flesch reading ease (how tests/article_text.py counts them)."""
    ran = any(getattr(report, "nodeid", "").startswith("tests/test_articles.py")
              for reports in terminalreporter.stats.values() for report in reports)
    if not ran:
        return
    from tests.article_text import article_figures
    from tests.test_articles import ARTICLES, MAX_WORDS, MAX_WORDS_BY_ARTICLE, MIN_FLESCH

    terminalreporter.write_sep("-", "articles: words and Flesch reading ease")
    terminalreporter.write_line(f"{'article':34} {'words':>6} {'limit':>6} {'Flesch':>7}"
                                f" {'min':>4}")
    total = 0
    for path in ARTICLES:
        found = article_figures(path)
        total += found.words
        limit = MAX_WORDS_BY_ARTICLE.get(path.name, MAX_WORDS)
        terminalreporter.write_line(f"{path.name:34} {found.words:>6} {limit:>6} "
                                    f"{found.flesch:>7.1f} {MIN_FLESCH:>4}")
    terminalreporter.write_line(f"{'all articles':34} {total:>6}")
    russian_figures(terminalreporter)


def russian_figures(terminalreporter):
    """Print each Russian article's word count and Oborneva reading ease."""
    from tests.article_text import oborneva
    from tests.test_russian_edition import MIN_OBORNEVA, RUSSIAN

    terminalreporter.write_sep("-", "Russian articles: words and Oborneva reading ease")
    terminalreporter.write_line(f"{'article':34} {'words':>6} {'Oborneva':>9} {'min':>4}")
    total = 0
    for path in sorted(RUSSIAN.glob("[!_]*.md")):
        found = oborneva(path.read_text(encoding="utf-8"))
        total += found.words
        terminalreporter.write_line(f"{path.name:34} {found.words:>6} {found.flesch:>9.1f} "
                                    f"{MIN_OBORNEVA:>4}")
    terminalreporter.write_line(f"{'all articles':34} {total:>6}")


# ---------------------------------------------------------------------------
# The run's wall time

class WallTime:
    """Print, last, how long the whole run took from start to finish (the figure the
    README's five minutes is about), with the load average at the start and the end:
    on a busy machine the time says little."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.load = os.getloadavg()[0]

    @pytest.hookimpl(trylast=True)
    def pytest_terminal_summary(self, terminalreporter):
        seconds = time.monotonic() - self.started
        minutes, rest = divmod(round(seconds), 60)
        terminalreporter.write_sep("-", f"wall time: {minutes} min {rest:02d} s ({seconds:.0f} s);"
                                        f" load average {self.load:.1f} at the start, "
                                        f"{os.getloadavg()[0]:.1f} at the end")


def pytest_configure(config):
    config.pluginmanager.register(WallTime(), "wall-time")


# ---------------------------------------------------------------------------
# In parallel (pytest-xdist: pyproject.toml's "-n auto", one worker per CPU)

# The tests that build the site again (another build deployed to the session's host, the
# sub-path copy): one worker runs them all, so that each of those builds is made once.
OTHER_BUILDS = ("tests/browser/test_offline_browser.py", "tests/browser/test_privacy_browser.py",
                "tests/browser/test_updates_browser.py",
                "tests/test_build_outputs.py::test_the_same_sources_give_the_same_engine_files")


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """Give each worker the next test as it is free (as "--dist load" does), except that
    the tests of OTHER_BUILDS go to one worker together. (xdist's own "--dist loadgroup"
    cannot group them: it marks a test by changing its node id, which pytest 9 ignores.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class OtherBuildsTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return "other builds" if nodeid.startswith(OTHER_BUILDS) else nodeid

    return OtherBuildsTogether(config, log)
