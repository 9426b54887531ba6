"""Where the site explains something: a section of one of its articles, as a value.

Rules, causes and the usual course each cite the section that explains them. A
result gives a citation as the spec's site-relative link (``source``); the build
makes its Markdown links from the same value (build_scripts/article_links.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# An article's name (its file in content/, without .md) and a section's anchor.
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


@dataclass(frozen=True)
class Citation:
    """A section of an article: the article ("warning-signs") and the section's anchor
    ("saddle-numbness")."""

    article: str
    anchor: str

    def __post_init__(self) -> None:
        for part, value in (("article", self.article), ("anchor", self.anchor)):
            if not SLUG.fullmatch(value):
                raise ValueError(f"citation {self.article!r}, {self.anchor!r}: the {part} must "
                                 "be lower-case letters and digits joined by hyphens")

    @property
    def link(self) -> str:
        """Return the site-relative link to the section, as results give it
        ("warning-signs/#saddle-numbness")."""
        return f"{self.article}/#{self.anchor}"
