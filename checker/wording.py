"""Small helpers for putting the checker's data into sentences."""

from __future__ import annotations

import re

from .i18n import _

_FIRST_LETTER = re.compile(r"[^\W\d_]")


def lower_first(text: str) -> str:
    """Return text with its first letter in lower case, unless it starts an acronym."""
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def upper_first(text: str) -> str:
    """Return text with its first letter in upper case, even after a bracket or a quote."""
    return _FIRST_LETTER.sub(lambda letter: letter[0].upper(), text, count=1)


def join_and(words: list[str]) -> str:
    """Return words as "a", "a and b" or "a, b and c", in the language being spoken."""
    if len(words) < 2:
        return "".join(words)
    # TRANSLATORS: the end of a list: "{items}" is "a" or "a, b", "{last}" its last item.
    return _("{items} and {last}").format(items=", ".join(words[:-1]), last=words[-1])
