"""The Russian edition (mkdocs.ru.yml, built into site/ru/ by hooks/languages.py):
every page in Russian, honestly labelled as a translation with a link to its English
original; the articles with the same anchors as the English ones, translating the
English as it is now; easy to read by Oborneva's formula; and its own search, with
Lunr's Russian stemmer.

Its checker, its search and its offline copy are driven in Chromium by
tests/browser/test_russian_browser.py."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from build_scripts import translations
from build_scripts.page_texts import TEXTS
from tests.article_text import oborneva
from tests.mkdocs_hooks import load_hook
from tests.site_html import html_pages

ROOT = Path(__file__).resolve().parents[1]
ENGLISH = sorted(path for path in (ROOT / "content").glob("*.md") if not path.name.startswith("_"))
RUSSIAN = ROOT / "content" / "ru"
# Oborneva's reading ease (the Russian Flesch): at least this (the English have 70).
MIN_OBORNEVA = 60
ANCHOR = re.compile(r"\{#([\w-]+)")


def russian_pages(site: Path) -> list[Path]:
    return [page for page in html_pages(site / "ru") if page.name != "404.html"]


# ---------------------------------------------------------------------------
# The articles

@pytest.mark.parametrize("english", ENGLISH, ids=lambda path: path.name)
def test_each_article_is_translated_with_the_same_anchors(english):
    russian = RUSSIAN / english.name
    assert russian.is_file(), f"content/ru/{english.name} is missing"
    assert ANCHOR.findall(russian.read_text(encoding="utf-8")) == \
        ANCHOR.findall(english.read_text(encoding="utf-8"))


def test_every_translation_records_the_sha256_of_its_english_as_it_is_now():
    stale = [str(path.relative_to(ROOT)) for path in translations.translations()
             if not translations.is_current(path)]
    assert stale == []
    assert len(translations.translations()) == len(ENGLISH) + 2  # and the home and checker pages


def test_a_stale_translation_stops_the_build_naming_the_file(tmp_path):
    hook = load_hook("content")
    english = tmp_path / "relief.md"
    english.write_text("The English, changed since.\n", encoding="utf-8")
    meta = {"english_sha256": "0" * 64, "translated_by": "someone", "checked_by": ""}
    with pytest.raises(PluginError, match=r"has changed since it was translated"):
        hook.check_translation("content/ru/relief.md", meta, english)
    with pytest.raises(PluginError, match="needs 'translated_by'"):
        hook.check_translation("content/ru/relief.md", {**meta, "translated_by": ""}, english)


def test_stamping_records_the_english_sha256_and_nothing_else(tmp_path, monkeypatch):
    folder = tmp_path / "content" / "ru"
    folder.mkdir(parents=True)
    (tmp_path / "content" / "relief.md").write_text("English\n", encoding="utf-8")
    page = folder / "relief.md"
    page.write_text("---\ntitle: Т\nenglish_sha256: old\n---\nТекст\n", encoding="utf-8")
    monkeypatch.setattr(translations, "ROOT", tmp_path)
    assert not translations.is_current(page)
    translations.stamp(page)
    assert translations.is_current(page)
    assert page.read_text(encoding="utf-8").endswith("---\nТекст\n")


@pytest.mark.parametrize("path", sorted(RUSSIAN.glob("[!_]*.md")), ids=lambda path: path.name)
def test_russian_article_is_easy_to_read(path):
    score = oborneva(path.read_text(encoding="utf-8")).flesch
    assert score >= MIN_OBORNEVA, f"{path.name}: Oborneva reading ease {score} < {MIN_OBORNEVA}"


def test_oborneva_reading_ease_of_known_texts():
    # Short words in short sentences read easily; long words in long ones do not.
    assert oborneva("Боль прошла. Мы рады. Всё хорошо.").flesch > 90
    assert oborneva("Воспалительные заболевания позвоночника сопровождаются "
                    "продолжительными болезненными ощущениями.").flesch < 0


# ---------------------------------------------------------------------------
# The built pages

def test_every_russian_page_is_russian_and_says_it_is_a_translation(built_site):
    pages = russian_pages(built_site)
    assert len(pages) == len(ENGLISH) + 2
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert '<html lang="ru"' in html, page
        notice = re.search(r'<p class="translation-notice"[^>]*>(.*?)</p>', html, re.DOTALL)
        assert notice, f"{page}: no translation notice"
        assert "ИИ-модель Claude" in notice[1] and "не проверял второй человек" in notice[1]
        # Its English original, the same page one folder up.
        link = re.search(r'<a href="([^"]+)" hreflang="en"', notice[1])
        assert link, notice[1]
        original = (page.parent / link[1]).resolve() / "index.html"
        expected = built_site / page.relative_to(built_site / "ru")
        assert original == expected.resolve() and original.is_file(), (page, link[1])


def test_the_language_switcher_goes_to_the_same_page_in_the_other_edition(built_site):
    def links(page: str) -> dict[str, str]:
        html = (built_site / page).read_text(encoding="utf-8")
        return {lang: (built_site / page).parent.joinpath(href).resolve().as_posix()
                for href, lang in re.findall(r'<a href="([^"]*)" hreflang="(\w+)" lang="\w+" '
                                             r'class="md-select__link"', html)}
    site = built_site.resolve().as_posix()
    assert links("relief/index.html") == {"en": f"{site}/relief", "ru": f"{site}/ru/relief"}
    assert links("ru/relief/index.html") == {"en": f"{site}/relief", "ru": f"{site}/ru/relief"}
    assert links("index.html") == {"en": site, "ru": f"{site}/ru"}
    # A page only in English: the other edition's home page.
    assert links("glossary/index.html")["ru"] == f"{site}/ru"


def test_the_russian_checker_page_asks_in_russian(built_site):
    html = (built_site / "ru" / "checker" / "index.html").read_text(encoding="utf-8")
    form = re.search(r'<form id="checker-form"[^>]*>', html)[0]
    assert 'data-language="ru"' in form and 'data-pages="../"' in form
    texts = json.loads(re.search(r"data-texts='([^']*)'", form)[1])
    assert set(texts) == set(TEXTS) and texts["yes"] == "Да"
    for english in ("See my advice", "Next", "Step 1 of", "Why we ask", "Continue the questions",
                    "Saddle numbness", "Numbness around your genitals"):
        assert english not in html, english
    assert "Посмотреть мой совет" in html and "Шаг 1 из 9" in html


def test_the_russian_search_uses_the_russian_stemmer(built_site):
    index = json.loads((built_site / "ru" / "search" / "search_index.json").read_text())
    assert index["config"]["lang"] == ["ru"]
    lunr = built_site / "ru" / "assets" / "javascripts" / "lunr" / "min"
    assert (lunr / "lunr.ru.min.js").is_file() and (lunr / "lunr.stemmer.support.min.js").is_file()


def test_one_policy_and_one_service_worker_cover_both_editions(built_site):
    assert not (built_site / "ru" / "sw.js").exists()
    for page in russian_pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert 'http-equiv="Content-Security-Policy"' in html, page
        # The pages use the English site's scripts, one folder up: one service worker.
        assert re.search(r'src="(\.\./)+assets/javascripts/offline\.js"', html), page
