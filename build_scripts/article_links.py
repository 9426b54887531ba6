"""Links from the pages the build generates to the articles they cite: the one place
that makes a Markdown link from a citation (checker/citations.py), so that MkDocs
checks each link and its anchor like any other."""

from __future__ import annotations

import posixpath

from mkdocs.utils import get_relative_url

from checker.citations import Citation


def relative_link(target: str, from_page: str) -> str:
    """Return the Markdown link from the page ``from_page`` to ``target``, both paths in
    the docs ("checker/how-it-decides.md" to "warning-signs.md#saddle-numbness" is
    "../warning-signs.md#saddle-numbness")."""
    path, hash_mark, anchor = target.partition("#")
    return posixpath.relpath(path, posixpath.dirname(from_page) or ".") + hash_mark + anchor


def cited_link(citation: Citation, from_page: str) -> str:
    """Return the Markdown link from the page ``from_page`` to the cited section."""
    return relative_link(f"{citation.article}.md#{citation.anchor}", from_page)


def cited_url(citation: Citation, page_url: str) -> str:
    """Return the address of the cited section from a built page (its URL, "causes/"),
    for the HTML the build writes: "../warning-signs/#saddle-numbness", or only
    "#saddle-numbness" on the cited page itself."""
    target = f"{citation.article}/"
    here = "" if target == page_url else get_relative_url(target, page_url)
    return f"{here}#{citation.anchor}"
