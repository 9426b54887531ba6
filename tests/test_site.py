"""The built site: strict build, articles and their front matter, navigation,
internal links and anchors, and no reference to any other host."""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError

from tests.mkdocs_hooks import load_hook
from tests.site_html import html_pages, parse_page, target_file

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
ARTICLES = sorted(path for path in CONTENT.glob("*.md") if not path.name.startswith("_"))


def load_content_hook():
    """Return the content hook, its data files loaded."""
    module = load_hook("content")
    module.on_config({})
    return module


def front_matter(path: Path) -> tuple[dict, str]:
    """Return an article's front matter and its body."""
    match = re.match(r"---\n(.*?)\n---\n(.*)", path.read_text(encoding="utf-8"), re.DOTALL)
    assert match, f"{path.name} has no front matter"
    return yaml.safe_load(match.group(1)), match.group(2)


def nav_sources(nav) -> list[str]:
    """Return every page file named in a MkDocs nav, in order."""
    found = []
    for item in nav:
        value = next(iter(item.values())) if isinstance(item, dict) else item
        found.extend(nav_sources(value) if isinstance(value, list) else [value])
    return found


# ---------------------------------------------------------------------------
# Articles

def test_there_are_at_least_ten_articles():
    assert len(ARTICLES) >= 10, [path.name for path in ARTICLES]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_article_front_matter_is_valid(path):
    hook = load_content_hook()
    meta, body = front_matter(path)
    checked = hook.check_front_matter(path.name, meta, body)
    assert checked.sources, "an article names at least one source"
    assert checked.reviewed <= datetime.date.today()


@pytest.mark.parametrize(("change", "message"), [
    (lambda meta: meta.pop("sources"), "front matter needs 'sources'"),
    (lambda meta: meta.update(sources=["A page we never read"]),
     "is not a title in content/sources.yml"),
    (lambda meta: meta.update(sources=[]), "'sources' must be a non-empty list"),
    (lambda meta: meta.update(reviewed="soon"), "'reviewed' must be a non-empty date"),
    (lambda meta: meta.update(reviewed=datetime.date(2999, 1, 1)),
     "'reviewed' must be a past date"),
    (lambda meta: meta.update(author="me"), r"unknown front matter field\(s\) \['author'\]"),
    (lambda meta: meta.update(description="x" * 201), "'description' is 201 characters"),
])
def test_bad_front_matter_stops_the_build_naming_the_field(change, message):
    hook = load_content_hook()
    meta, body = front_matter(ARTICLES[0])
    change(meta)
    with pytest.raises(PluginError, match=message):
        hook.check_front_matter("example.md", meta, body)


def test_an_article_with_its_own_h1_is_refused():
    hook = load_content_hook()
    meta, body = front_matter(ARTICLES[0])
    with pytest.raises(PluginError, match="has an H1 heading"):
        hook.check_front_matter("example.md", meta, "# Title\n\n" + body)


def test_every_article_and_generated_page_is_in_the_nav():
    config = load_config(str(ROOT / "mkdocs.yml"))
    in_nav = nav_sources(config["nav"])
    assert len(in_nav) == len(set(in_nav)), "a page is in the nav twice"
    for path in ARTICLES:
        assert path.name in in_nav, f"{path.name} is not in the nav"
    for page in ("index.md", "glossary.md", "checker/index.md", "checker/how-it-decides.md"):
        assert page in in_nav


def test_articles_render_disclaimer_sources_and_glossary_tooltips(built_site):
    hook = load_content_hook()
    for path in ARTICLES:
        meta, _ = front_matter(path)
        html = (built_site / path.stem / "index.html").read_text(encoding="utf-8")
        assert "General information, not a diagnosis" in html, path.name
        assert 'id="page-sources"' in html, path.name
        text = hook.normalise(re.sub(r"<[^>]+>", "", html))
        for title in meta["sources"]:
            assert hook.normalise(title) in text, f"{path.name} does not show its source {title!r}"
    assert "<abbr title=" in (built_site / "conditions" / "index.html").read_text(encoding="utf-8")


def test_glossary_page_lists_every_term(built_site):
    terms = yaml.safe_load((CONTENT / "glossary.yml").read_text(encoding="utf-8"))
    html = (built_site / "glossary" / "index.html").read_text(encoding="utf-8")
    terms_shown = {re.sub(r"<[^>]+>", "", term).strip().lower()
                   for term in re.findall(r"<dt>(.*?)</dt>", html, re.DOTALL)}
    for entry in terms:
        assert entry["term"].lower() in terms_shown, entry["term"]


def test_about_page_lists_every_source_document(built_site):
    sources = yaml.safe_load((CONTENT / "sources.yml").read_text(encoding="utf-8"))
    html = (built_site / "about" / "index.html").read_text(encoding="utf-8")
    text = " ".join(re.sub(r"<[^>]+>", "", html).split())
    for source in sources:
        assert " ".join(source["title"].split()) in text
        assert "TODO" not in source["used"] + source["left_out"]


# ---------------------------------------------------------------------------
# Links and hosts

def test_every_internal_link_and_anchor_resolves(built_site):
    ids = {page: parse_page(page).ids for page in html_pages(built_site)}
    broken = []
    for page in html_pages(built_site):
        if page.name == "404.html":
            continue  # its links are absolute, for any missing address
        for tag, attribute, link in parse_page(page).references:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or tag == "link" and attribute == "href" \
                    and link.endswith(".xml"):
                continue
            target = target_file(built_site, page, link)
            if not target.exists():
                broken.append(f"{page.relative_to(built_site)}: {link} (no such file)")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in ids.get(
                    target, set()):
                broken.append(f"{page.relative_to(built_site)}: {link} (no such anchor)")
    assert broken == []


def test_the_404_page_links_back_into_the_site(built_site):
    references = [link for _, _, link in parse_page(built_site / "404.html").references]
    assert "/warning-signs/" in references
    assert "/checker/" in references


def test_built_html_and_css_reference_no_other_host(built_site):
    offending = []
    for page in html_pages(built_site):
        for tag, attribute, link in parse_page(page).references:
            host = urlsplit(link).hostname
            if host not in (None, "127.0.0.1"):
                offending.append(f"{page.relative_to(built_site)}: <{tag} {attribute}={link}>")
    for sheet in built_site.rglob("*.css"):
        for link in re.findall(r"url\(\s*['\"]?([^'\")]+)", sheet.read_text(encoding="utf-8")):
            if urlsplit(link).hostname not in (None, "127.0.0.1"):
                offending.append(f"{sheet.relative_to(built_site)}: url({link})")
        assert "@import url(http" not in sheet.read_text(encoding="utf-8")
    assert offending == []
