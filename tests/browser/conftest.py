"""Fixtures of the browser tests: the checker ready for answers on a returning
reader's phone or desktop (a context kept for the session, whose engine is restored
from the snapshot it kept: see open_returning_page in tests/conftest.py), a page
opened as on a slow first visit, its engine's runtime held back, and the one build
of a changed project that the offline and privacy tests share."""

from __future__ import annotations

import re
import uuid

import pytest

from build_scripts.site_layout import sha256_file
from tests.browser.checker_form import wait_for_engine, wait_for_form
from tests.conftest import build_site, copy_of_the_project


def ready_checker(page, site_url: str):
    """Open the checker page and wait until its engine answers."""
    page.goto(site_url + "checker/")
    wait_for_engine(page)
    return page


# The engine's runtime, the file a slow first visit waits longest for.
RUNTIME = "pyodide.asm.wasm"


def open_before_the_engine(page, host, path: str) -> None:
    """Open ``path`` of ``host`` (a test's own: see own_site_host) as a first visit on a
    slow link does: the host holds the engine's runtime back, and the page's script has
    set up the form, which needs no engine."""
    host.stall = {RUNTIME}
    page.goto(host.url + path, wait_until="domcontentloaded")
    wait_for_form(page)


@pytest.fixture
def checker_phone(returning_phone, site_url):
    """The checker, ready, on a returning reader's phone (390 x 844, touch)."""
    return ready_checker(returning_phone, site_url)


@pytest.fixture
def checker_page(returning_page, site_url):
    """The checker, ready, on a returning reader's desktop."""
    return ready_checker(returning_page, site_url)


# ---------------------------------------------------------------------------
# A second build for the same address: only the pages changed

NEW_SENTENCE = "This sentence is new in this build."
EDITED_TOKEN = uuid.uuid4().hex
EDITED_SCRIPT = f'document.documentElement.dataset.editedScript = "{EDITED_TOKEN}";'


def brought_up_to_date(translation, english) -> None:
    """Record, in a translation, the sha256 of its changed English (as a translator does
    once the translation says the same again), so that the build takes it."""
    text = translation.read_text(encoding="utf-8")
    line = f"english_sha256: {sha256_file(english)}"
    assert "english_sha256: " in text
    translation.write_text(re.sub(r"^english_sha256: .*$", line, text, count=1, flags=re.M),
                           encoding="utf-8")


@pytest.fixture(scope="session")
def pages_changed_site(tmp_path_factory, site_url):
    """A build for the session's address of the project with its pages changed and its
    engine not: an article has a new sentence (NEW_SENTENCE), and the page template a
    new inline script (EDITED_SCRIPT, which sets EDITED_TOKEN). A deployment of it
    replaces the pages' offline cache only, and its pages' policy must allow the new
    script."""
    folder = tmp_path_factory.mktemp("pages-changed")
    project = copy_of_the_project(folder / "project")
    article = project / "content" / "relief.md"
    article.write_text(article.read_text(encoding="utf-8") + f"\n{NEW_SENTENCE}\n",
                       encoding="utf-8")
    brought_up_to_date(project / "content" / "ru" / "relief.md", article)
    template = project / "docs" / "overrides" / "main.html"
    text = template.read_text(encoding="utf-8")
    assert text.count("{% block extrahead %}") == 1
    template.write_text(text.replace("{% block extrahead %}", "{% block extrahead %}\n  <script>"
                                     + EDITED_SCRIPT + "</script>"), encoding="utf-8")
    return build_site(folder / "site", root=project, SITE_URL=site_url)
