"""The Russian edition on a phone, in real headless Chromium: a danger answer stops
the questions for the instruction to call, in Russian; a self-care result comes in
Russian, with the level and rules the English gives; after one visit the Russian
pages and the checker work offline; the search finds inflected forms; and the
language switcher goes to the same page in the other language."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from build_scripts.site_layout import CACHE_PREFIX
from checker import assess
from checker.i18n import _, speaking
from checker.levels import EMERGENCY, LEVELS_BY_ID
from checker.rules import RULES_BY_ID
from tests.browser.checker_form import (
    ENGINE_TIMEOUT,
    enter_answers,
    press,
    see_result,
    wait_for_engine,
)
from tests.browser.conftest import open_before_the_engine
from tests.browser.test_offline_browser import wait_until
from tests.browser.test_site_browser import search_for

pytestmark = pytest.mark.browser

SELF_CARE = {"hours_since_massage": 30, "severity": 3, "first_massage": True,
             "massage_type": "deep_tissue"}
# A word in Latin letters: English left on a Russian page's result.
LATIN_WORD = re.compile(r"\b[A-Za-z]{3,}\b")

# True once the service worker keeps every file of the Russian edition's cache.
RUSSIAN_KEPT = """async (count) => {
    if (!navigator.serviceWorker.controller) return false;
    for (const name of await caches.keys()) {
        if (!name.startsWith(PREFIX + "ru-")) continue;
        return (await (await caches.open(name)).keys()).length === count;
    }
    return false;
}""".replace("PREFIX", json.dumps(CACHE_PREFIX))


def russian(text: str) -> str:
    with speaking("ru"):
        return _(text)


def test_a_danger_answer_stops_and_calls_in_russian(phone, own_site_host):
    # The danger answer tapped before the engine has arrived: the stop needs none.
    open_before_the_engine(phone, own_site_host, "ru/checker/")
    press(phone.locator("label[for='q-saddle_numbness']"))
    stop = phone.locator("#checker-stop")
    expect(stop).to_be_visible()
    expect(stop.locator("h2")).to_have_text(russian(LEVELS_BY_ID[EMERGENCY].headline))
    expect(stop.locator("[data-stop-rule='E1']")).to_contain_text(russian(RULES_BY_ID["E1"].reason))
    call = stop.locator("a.call-now__button")
    expect(call).to_be_visible()
    assert (call.get_attribute("href") or "").startswith("tel:")
    assert call.inner_text().startswith("Позвонить")
    # The quieter way on is in Russian too.
    expect(stop.locator("[data-action='continue']")).to_have_text(
        russian("Continue the questions anyway"))


def test_a_self_care_result_in_russian_has_the_english_level_and_rules(returning_phone,
                                                                      site_url):
    phone = returning_phone
    phone.goto(site_url + "ru/checker/")
    wait_for_engine(phone)
    enter_answers(phone, SELF_CARE)
    result = see_result(phone)
    english = assess(SELF_CARE)
    assert result.get_attribute("data-level") == english.level == "self_care"
    expect(phone.locator("#checker-headline")).to_have_text(russian(english.headline))
    shown = result.inner_text()
    assert not LATIN_WORD.findall(shown.replace("°C", "")), LATIN_WORD.findall(shown)
    # Its links go to the Russian articles.
    links = result.locator("a[href]").evaluate_all("links => links.map(a => a.pathname)")
    assert links and all(link.startswith("/ru/") for link in links), links


def test_the_russian_edition_works_offline_after_one_visit(phone, own_site_host, built_site):
    sw = (built_site / "sw.js").read_text(encoding="utf-8")
    caches = json.loads(re.search(r"^const CACHES = (.*);$", sw, re.MULTILINE).group(1))
    count = next(len(cache["files"]) for cache in caches if cache["when"] == "ru")
    phone.goto(own_site_host.url + "ru/checker/")
    wait_for_engine(phone)
    wait_until(phone, RUSSIAN_KEPT, count, seconds=ENGINE_TIMEOUT / 1000)
    own_site_host.stop()
    phone.goto(own_site_host.url + "ru/relief/")
    expect(phone.locator("h1")).to_contain_text("Облегчение и уход за собой дома")
    phone.goto(own_site_host.url + "ru/checker/")
    wait_for_engine(phone)
    reply = phone.evaluate("() => window.checker.assess({hours_since_massage: 30, severity: 3})")
    assert reply["level"] == "self_care" and reply["language"] == "ru"
    assert reply["headline"] == russian(LEVELS_BY_ID["self_care"].headline)


def test_the_russian_search_finds_other_forms_of_a_word(returning_page, site_url, built_site):
    page = returning_page
    index = json.loads((built_site / "ru" / "search" / "search_index.json").read_text())
    text = {doc["location"]: f"{doc['title']} {doc['text']}".lower() for doc in index["docs"]}
    # "Грелками" is on no page; "грелка" and "грелкой" are, on the page on relief: only
    # Lunr's Russian stemmer finds it.
    assert not any("грелками" in words for words in text.values())
    assert any("грелка" in words for location, words in text.items()
               if location.startswith("relief/"))
    page.goto(site_url + "ru/")
    hrefs = search_for(page, "грелками", "relief/")
    assert any("relief/" in href for href in hrefs), hrefs


def test_the_language_switcher_goes_to_the_same_page(returning_page, site_url):
    page = returning_page
    # A page the other edition has: the same page; one it has not: its home page.
    page.goto(site_url + "checker/how-it-decides/")
    assert page.locator(".md-select__link[hreflang='ru']").first.evaluate("a => a.href") \
        == f"{site_url}ru/"
    page.goto(site_url + "ru/relief/")
    page.locator(".md-header .md-select").first.hover()
    page.locator(".md-select__link[hreflang='en']").click()
    page.wait_for_url(f"{site_url}relief/", timeout=30_000)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator(".md-header .md-select").first.hover()
    page.locator(".md-select__link[hreflang='ru']").click()
    page.wait_for_url(f"{site_url}ru/relief/", timeout=30_000)
    expect(page.locator("html")).to_have_attribute("lang", "ru")
