"""Links from the pages the build generates to the articles they cite: the one place
that makes a Markdown link from a citation (checker/citations.py), so that MkDocs
checks each link and its anchor like any other."""

from __future__ import annotations

import posixpath

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
