"""The reading half of the site in real headless Chromium: pages render, search
works offline, dark mode toggles, instant navigation, nothing leaves 127.0.0.1."""

from __future__ import annotations

import time
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = pytest.mark.browser


def test_home_page_renders_with_its_way_in_to_every_page(returning_page, site_url):
    page = returning_page
    page.goto(site_url)
    assert page.title().startswith("After the Massage")
    assert page.locator("h1").count() == 1
    assert page.locator(".admonition.danger").first.is_visible()
    for slug in ("is-my-pain-normal/", "warning-signs/", "causes/", "neck-massage/", "relief/",
                 "checker/"):
        assert page.locator(f"article a[href$='{slug}']").count() >= 1, slug


def test_an_article_renders_with_sources_and_disclaimer(returning_page, site_url):
    page = returning_page
    page.goto(site_url + "warning-signs/")
    assert page.locator("h1").inner_text().startswith("Warning signs")
    assert page.locator("#saddle-numbness").is_visible()
    assert page.locator("#page-sources").is_visible()
    assert page.get_by_text("General information, not a diagnosis").is_visible()


def test_instant_navigation_swaps_the_page_without_a_reload(returning_page, site_url):
    page = returning_page
    page.goto(site_url)
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href$='warning-signs/']").first.click()
    # Material's navigation.tracking may add the first section's #anchor at once.
    page.wait_for_url(lambda address: urlsplit(address).path.endswith("/warning-signs/"))
    page.locator("#saddle-numbness").wait_for()
    assert page.evaluate("window.__sameDocument") is True


def search_for(page, text: str, expect: str, seconds: float = 30) -> list[str]:
    """Search the site for ``text`` until a result links to ``expect``; return
    every result's href.

    Material's search index loads in a worker after the page; a query typed
    before it is ready shows nothing until the next keystroke, so type again.
    Results for the partial words typed on the way ("f", "fe", ...) re-render
    as each key lands, so wait for the expected link, then read every href in
    one step, once the list has stopped changing, rather than element by element.
    """
    field = page.locator("input.md-search__input")
    wanted = page.locator(f".md-search-result__link[href*='{expect}']").first
    deadline = time.monotonic() + seconds
    while True:
        field.click()
        field.fill("")
        field.press_sequentially(text)
        # A key that types nothing: Material searches on a key's release, and a letter
        # typed as text (Cyrillic, on this keyboard) has none.
        field.press("End")
        try:
            wanted.wait_for(timeout=2_000)
            break
        except PlaywrightTimeout:
            assert time.monotonic() < deadline, f"search for {text!r} found no link to {expect!r}"
    assert field.input_value() == text
    links = page.locator(".md-search-result__link")
    read = "links => links.map(link => link.getAttribute('href'))"
    hrefs = links.evaluate_all(read)
    while True:  # until the list stops changing: the last keystroke's results are in
        page.wait_for_timeout(300)
        again = links.evaluate_all(read)
        if again == hrefs:
            return hrefs
        assert time.monotonic() < deadline, f"search results for {text!r} kept changing"
        hrefs = again


def test_search_finds_fever(returning_page, site_url):
    page = returning_page
    page.goto(site_url)
    hrefs = search_for(page, "fever", expect="warning-signs/")
    assert any("warning-signs/" in href for href in hrefs), hrefs
    assert any("relief/" in href for href in hrefs), hrefs


def test_search_finds_the_neck_massage_page(returning_page, site_url):
    page = returning_page
    page.goto(site_url)
    hrefs = search_for(page, "neck", expect="neck-massage/")
    assert any("neck-massage/" in href for href in hrefs), hrefs


def test_dark_mode_toggles(returning_page, site_url):
    page = returning_page
    page.goto(site_url)
    scheme = "body[data-md-color-scheme]"
    schemes = []
    for _ in range(3):
        page.locator("form[data-md-component='palette'] label:not([hidden])").click()
        schemes.append(page.locator(scheme).get_attribute("data-md-color-scheme"))
    assert "slate" in schemes and "default" in schemes


def test_a_missing_page_gets_the_useful_404(returning_page, site_url):
    page = returning_page
    response = page.goto(site_url + "no-such-page/")
    assert response.status == 404
    assert page.get_by_role("link", name="Warning signs: when to get help").is_visible()


@pytest.mark.parametrize("path", ["", "relief/", "warning-signs/", "checker/"])
def test_pages_are_readable_on_a_phone(open_returning_page, site_url, path):
    page = open_returning_page(viewport={"width": 375, "height": 740}, is_mobile=True,
                               has_touch=True)
    page.goto(site_url + path)
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, "the page scrolls sideways on a phone"
