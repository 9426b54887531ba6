"""Shared fixtures: the site built once per session, served on 127.0.0.1, and
headless Chromium (Debian's chromium, driven by Playwright) for browser tests."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from hypothesis import settings

from build_scripts.headless_chromium import CHROMIUM_ARGS, MISSING, chromium_path
from build_scripts.serve import serve_in_background

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


def served(site: Path, port: int, base: str = "/"):
    """Serve ``site`` on ``port`` under ``base`` until the session ends; yield its URL."""
    server, url = serve_in_background(site, base, port)
    yield url
    server.shutdown()
    server.server_close()


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
def site_url(built_site, site_port):
    """The URL of the built site served at the root of 127.0.0.1:<port>."""
    yield from served(built_site, site_port)


@pytest.fixture(scope="session")
def sub_path_site_url(tmp_path_factory):
    """The URL of the site built for, and served under, a sub-path as on GitHub Pages."""
    port = free_port()
    site = build_site(tmp_path_factory.mktemp("subpath") / "site",
                      SITE_URL=f"http://127.0.0.1:{port}{SUB_PATH}")
    yield from served(site, port, SUB_PATH)


# ---------------------------------------------------------------------------
# Browser

@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, headless, through Playwright (never a downloaded browser)."""
    executable = chromium_path()
    if executable is None:
        pytest.fail(MISSING)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
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


def watch_for_csp_violations(context, violations: list[str]) -> None:
    """Append to ``violations`` every policy violation the pages of ``context`` report."""
    context.expose_function("__reportCspViolation", lambda report: violations.append(report))
    context.add_init_script(REPORT_VIOLATIONS)
    context.on("console", lambda message: violations.append(f"console: {message.text}")
               if "Content Security Policy" in message.text else None)


# A phone: the size of a common one (390 x 844 CSS pixels), touch, mobile layout.
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


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
    assert requests_made.off_site() == [], "requests left 127.0.0.1"
    assert page_errors == [], "the page raised JavaScript errors"
    assert csp_violations == [], "the Content-Security-Policy refused something"


@pytest.fixture
def page(open_page):
    """A fresh desktop-sized page (see open_page)."""
    return open_page(viewport={"width": 1280, "height": 900})


@pytest.fixture
def phone(open_page):
    """A fresh phone-sized page with touch (see open_page)."""
    return open_page(**PHONE)


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
