"""Reading the built site's HTML for the tests: links, ids and asset references."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

# Attributes through which a page makes the browser fetch or go somewhere.
URL_ATTRIBUTES = {"href", "src", "srcset", "poster", "data", "action", "formaction"}


class PageParser(HTMLParser):
    """Collects the ids and the URL-bearing attributes of one HTML page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.references: list[tuple[str, str, str]] = []  # (tag, attribute, value)

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            if name in URL_ATTRIBUTES:
                values = [part.strip().split(" ")[0] for part in value.split(",")] \
                    if name == "srcset" else [value]
                self.references.extend((tag, name, each) for each in values)


def parse_page(path: Path) -> PageParser:
    """Return the parsed ids and references of the HTML file at ``path``."""
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def html_pages(site: Path) -> list[Path]:
    """Return every HTML page of the built site."""
    return sorted(site.rglob("*.html"))


def target_file(site: Path, page: Path, link: str) -> Path:
    """Return the file a relative ``link`` on ``page`` points at (a folder means its index)."""
    path = link.split("#", 1)[0].split("?", 1)[0]
    target = (page.parent / path).resolve() if path else page
    if target.is_dir() or path.endswith("/"):
        target = target / "index.html"
    return target
