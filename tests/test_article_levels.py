"""The articles tell the checker's story: where an article names how soon to get
help next to a linked warning sign, it names that sign's level in the rule table
(checker/rules.py), never a calmer or a more alarming one (issue 19).

Each article's Markdown is rendered with Python-Markdown, the level-action
markers standing as the sentences the build puts in their place. In every
sentence of every paragraph, list item, table cell and heading, each link to a
section of warning-signs.md is read with the phrase naming a level that stands
nearest to it in the same sentence, the same clause first ("call the emergency
number" or "999": the emergency; "today" or "the same day": see a doctor today;
"book an appointment" or "in the next few days": a doctor's appointment). The
section's rules (``rule.source``) say what that level must be. A sentence that
names two levels keeps each one next to the signs it is for.

warning-signs.md itself: each ### section sits under the ## section of its
rules' level (the one whose level-action marker names it), every rule has its
section, and a sentence in a section that names a level without a link names
the section's own level (another level is named next to a link to its sign).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from checker.i18n import speaking
from checker.levels import DOCTOR, EMERGENCY, LEVELS_BY_ID, URGENT
from checker.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
ARTICLES = sorted(path for path in CONTENT.glob("*.md") if not path.name.startswith("_"))
WARNING_SIGNS = CONTENT / "warning-signs.md"

# Phrases that name a level, as the articles say them. Bare "book" is not one
# ("before you book" a massage), nor is "now" (call your midwife now).
LEVEL_PHRASES = (
    (EMERGENCY, re.compile(r"\bemergency (?:number|department)|\b999\b|\ban emergency\b", re.I)),
    (URGENT, re.compile(r"\btoday\b|\bsame[- ]day\b|\burgent(?:ly)?\b", re.I)),
    (DOCTOR, re.compile(r"\bbook(?:ed)? (?:an?|a doctor's) appointment|\bbooked appointment"
                        r"|\bdoctor's appointment|\bappointment with a doctor"
                        r"|\bnext few days\b", re.I)),
)
# The same, as the Russian edition's articles say them (content/ru/): the checker's own
# words for each level (the catalog) and the numbers of Russia.
RUSSIAN_LEVEL_PHRASES = (
    (EMERGENCY, re.compile(r"экстренн\w* (?:помощи|случа\w*)|скорую помощь|\b112\b|\b103\b"
                           r"|приёмное отделение", re.I)),
    (URGENT, re.compile(r"\bсегодня\b|в тот же день", re.I)),
    (DOCTOR, re.compile(r"запиш\w+ на приём|приём к врачу|ближайшие несколько дней", re.I)),
)
RUSSIAN = CONTENT / "ru"
PHRASES = {"en": LEVEL_PHRASES, "ru": RUSSIAN_LEVEL_PHRASES}

# A doctor "soon" names no level: see a doctor today, or book an appointment.
VAGUE_TIMING = re.compile(r"(?<!how )(?<!as )\bsoon\b", re.I)

FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.DOTALL)
LEVEL_ACTION = re.compile(r"<!--\s*level-action:\s*([\w-]+)\s*-->")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
HEADING = re.compile(r"^(#{2,3})\s+(.*?)\s*\{#([\w-]+)\}\s*$")
WARNING_SIGNS_LINK = re.compile(r"^(?:(?:\.\./)*warning-signs(?:\.md|/))#([\w-]+)$")
# Between clauses of a sentence.
CLAUSE_BREAK = re.compile(r"[,;]")
# A sentence ends at . ! or ? (and any closing quote or bracket) before a space.
SENTENCE_END = re.compile(r"[.!?][\"'”’)]*(?=\s|$)")
BLOCKS = {"p", "li", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "div",
          "ul", "ol", "table", "tr", "blockquote", "summary", "details"}
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables"]


@dataclass(frozen=True)
class Link:
    """A link in a sentence: its text's place in the sentence and its target."""

    start: int
    end: int
    href: str


@dataclass(frozen=True)
class Sentence:
    """A sentence as a reader reads it, with its links."""

    text: str
    links: tuple[Link, ...]
    phrases: tuple[tuple[str, re.Pattern[str]], ...] = LEVEL_PHRASES

    def levels_named(self) -> list[tuple[int, int, str]]:
        """Return (start, end, level) of each phrase in the sentence that names a level."""
        return sorted((match.start(), match.end(), level) for level, phrase in self.phrases
                      for match in phrase.finditer(self.text))

    def level_next_to(self, link: Link) -> str | None:
        """Return the level named nearest to ``link`` in the sentence, if any: the
        phrase with the fewest commas or semicolons between it and the link (the
        same clause first), then the fewest characters."""
        def distance(found: tuple[int, int, str]) -> tuple[int, int]:
            start, end, _ = found
            between = self.text[end:link.start] if end <= link.start else \
                self.text[link.end:start] if start >= link.end else ""
            return len(CLAUSE_BREAK.findall(between)), len(between)

        named = self.levels_named()
        return min(named, key=distance)[2] if named else None


# ---------------------------------------------------------------------------
# Reading an article

class BlockParser(HTMLParser):
    """Collects the text of each block of rendered HTML (paragraph, list item,
    table cell, heading), with where each link's text stands in it."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[str, list[Link]]] = []
        self.text = ""
        self.links: list[Link] = []
        self.open_link: tuple[int, str] | None = None

    def flush(self) -> None:
        if self.text.strip():
            self.blocks.append((self.text, self.links))
        self.text, self.links, self.open_link = "", [], None

    def handle_starttag(self, tag, attrs):
        if tag in BLOCKS:
            self.flush()
        elif tag == "a":
            self.open_link = (len(self.text), dict(attrs).get("href") or "")
        elif tag == "br":
            self.text += " "

    def handle_endtag(self, tag):
        if tag in BLOCKS:
            self.flush()
        elif tag == "a" and self.open_link is not None:
            start, href = self.open_link
            self.links.append(Link(start, len(self.text), href))
            self.open_link = None

    def handle_data(self, data):
        self.text += data.replace("\n", " ")


def reader_markdown(text: str) -> str:
    """Return an article's Markdown without its front matter, each level-action
    marker replaced by the level's instruction, as the build does, and the other
    markers left out."""
    text = FRONT_MATTER.sub("", text)
    text = LEVEL_ACTION.sub(lambda match: LEVELS_BY_ID[match[1]].action, text)
    return COMMENT.sub("", text)


def sentences(text: str, language: str = "en") -> list[Sentence]:
    """Return the sentences of a piece of an article's Markdown, in order, read with the
    level phrases of its language."""
    parser = BlockParser()
    with speaking(language):
        html = markdown.markdown(reader_markdown(text), extensions=EXTENSIONS)
    parser.feed(html)
    parser.close()
    parser.flush()
    found = []
    for block, links in parser.blocks:
        start = 0
        ends = [match.end() for match in SENTENCE_END.finditer(block)]
        for end in [*ends, len(block)]:
            if end <= start:
                continue
            inside = tuple(Link(link.start - start, link.end - start, link.href)
                           for link in links if start <= link.start < end)
            piece = block[start:end]
            if piece.strip():
                found.append(Sentence(piece, inside, PHRASES[language]))
            start = end
    return found


# ---------------------------------------------------------------------------
# warning-signs.md and the rule table

def rule_levels() -> dict[str, set[str]]:
    """Return, for each section of warning-signs.md a rule links to, its rules' levels."""
    levels: dict[str, set[str]] = {}
    for rule in RULES:
        assert rule.source.article == "warning-signs", f"{rule.id} cites {rule.source}"
        levels.setdefault(rule.source.anchor, set()).add(rule.level)
    return levels


@dataclass(frozen=True)
class Section:
    """A section of warning-signs.md: its heading depth, anchor, text, and the
    level of the ## section it sits in (None before the first level)."""

    depth: int
    anchor: str
    level: str | None
    body: str


def sections(text: str) -> list[Section]:
    """Return the ## and ### sections of warning-signs.md. A ## section's level is
    the one its level-action marker names (the first thing under its heading)."""
    found: list[Section] = []
    level = None
    depth, anchor, body = 0, "", []
    lines = [*FRONT_MATTER.sub("", text).splitlines(), "## End {#end}"]
    for number, line in enumerate(lines):
        heading = HEADING.match(line)
        if not heading:
            body.append(line)
            continue
        if depth:
            found.append(Section(depth, anchor, level, "\n".join(body)))
        depth, anchor, body = len(heading[1]), heading[3], []
        if depth == 2:
            following = "\n".join(lines[number + 1:]).lstrip()
            marker = LEVEL_ACTION.match(following)
            level = marker[1] if marker else None
    return found


def level_sections(text: str) -> dict[str, str]:
    """Return the anchor of each ## section of warning-signs.md that is a level's, and
    its level."""
    return {section.anchor: section.level for section in sections(text)
            if section.depth == 2 and section.level}


def linked_sign(href: str, page: Path) -> str | None:
    """Return the anchor in warning-signs.md that a link goes to, if it goes there."""
    if href.startswith("#"):
        return href[1:] if page.name == WARNING_SIGNS.name else None
    match = WARNING_SIGNS_LINK.match(href)
    return match[1] if match else None


# ---------------------------------------------------------------------------
# What the tests find

def levels_that_drift(page: Path, warning_signs: Path = WARNING_SIGNS,
                      language: str = "en") -> list[str]:
    """Return each link to a warning sign in ``page`` whose sentence names, nearest
    to it, a level other than the sign's own."""
    expected = rule_levels()
    for anchor, level in level_sections(warning_signs.read_text(encoding="utf-8")).items():
        expected.setdefault(anchor, {level})
    problems = []
    for sentence in sentences(page.read_text(encoding="utf-8"), language):
        for link in sentence.links:
            anchor = linked_sign(link.href, page)
            if anchor is None or anchor not in expected:
                continue
            named = sentence.level_next_to(link)
            if named is not None and named not in expected[anchor]:
                problems.append(f"{page.name}: #{anchor} is {'/'.join(sorted(expected[anchor]))}"
                                f", but the sentence says {named}: {sentence.text.strip()!r}")
    return problems


def sections_out_of_place(warning_signs: Path = WARNING_SIGNS) -> list[str]:
    """Return each rule whose section of warning-signs.md is missing or under another
    level's heading, and each ### section that no rule links to."""
    placed = {section.anchor: section.level
              for section in sections(warning_signs.read_text(encoding="utf-8"))
              if section.depth == 3}
    problems = []
    for rule in RULES:
        anchor = rule.source.anchor
        if anchor not in placed:
            problems.append(f"{rule.id}: warning-signs.md has no section #{anchor}")
        elif placed[anchor] != rule.level:
            problems.append(f"{rule.id} is {rule.level}, but #{anchor} is under the "
                            f"{placed[anchor]} heading")
    linked = set(rule_levels())
    problems += [f"#{anchor} is a section that no rule links to"
                 for anchor in placed if anchor not in linked]
    return problems


def unlinked_levels_off_their_section(warning_signs: Path = WARNING_SIGNS) -> list[str]:
    """Return each sentence in a ### section of warning-signs.md that names another
    level than the section's with no link to the sign it is for."""
    problems = []
    for section in sections(warning_signs.read_text(encoding="utf-8")):
        if section.depth != 3:
            continue
        for sentence in sentences(section.body):
            if sentence.links:
                continue
            for _, _, level in sentence.levels_named():
                if level != section.level:
                    problems.append(f"#{section.anchor} ({section.level}) says {level} with "
                                    f"no link to that sign: {sentence.text.strip()!r}")
    return problems


def vague_timings(page: Path) -> list[str]:
    """Return each sentence that sends the reader to a doctor "soon"."""
    return [f"{page.name}: {sentence.text.strip()!r}"
            for sentence in sentences(page.read_text(encoding="utf-8"))
            if re.search(r"\bdoctor\b", sentence.text) and VAGUE_TIMING.search(sentence.text)]


# ---------------------------------------------------------------------------
# Tests

@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_every_level_named_next_to_a_linked_warning_sign_is_the_rules_level(path):
    assert levels_that_drift(path) == []


@pytest.mark.parametrize("path", sorted(RUSSIAN.glob("[!_]*.md")), ids=lambda path: path.name)
def test_every_level_a_russian_article_names_next_to_a_linked_sign_is_the_rules_level(path):
    assert levels_that_drift(path, RUSSIAN / WARNING_SIGNS.name, "ru") == []


def test_a_planted_drift_in_a_russian_article_is_caught(tmp_path):
    article = RUSSIAN / "relief.md"
    text = article.read_text(encoding="utf-8")
    link = "(warning-signs.md#allergic-reaction)"
    assert link in text
    sentence = f"Если есть [такой признак]{link}, запишитесь на приём к врачу."
    planted = tmp_path / "relief.md"
    planted.write_text(text + "\n\n" + sentence + "\n", encoding="utf-8")
    problems = levels_that_drift(planted, RUSSIAN / WARNING_SIGNS.name, "ru")
    assert any("#allergic-reaction" in problem and "doctor" in problem for problem in problems)


def test_each_section_of_warning_signs_sits_under_its_rules_level():
    assert sections_out_of_place() == []


def test_a_level_named_without_a_link_in_warning_signs_is_the_sections_own():
    assert unlinked_levels_off_their_section() == []


@pytest.mark.parametrize("path", ARTICLES, ids=lambda path: path.name)
def test_no_article_sends_a_reader_to_a_doctor_soon(path):
    assert vague_timings(path) == []


def test_the_levels_of_warning_signs_are_found():
    assert level_sections(WARNING_SIGNS.read_text(encoding="utf-8")) == {
        "emergency": EMERGENCY, "urgent": URGENT, "book-appointment": DOCTOR}


@pytest.mark.parametrize(("sentence", "level"), [
    ("Call 999 now: [x](warning-signs.md#a).", EMERGENCY),
    ("It is an emergency: [x](warning-signs.md#a).", EMERGENCY),
    ("See a doctor the same day: [x](warning-signs.md#a).", URGENT),
    ("It needs a doctor's appointment: [x](warning-signs.md#a).", DOCTOR),
    ("Before you book a massage, read [x](warning-signs.md#a).", None),
    ("Book an appointment for [x](warning-signs.md#a), and see a doctor today for "
     "[y](warning-signs.md#b).", DOCTOR),
    ("Its signs: [x](warning-signs.md#a). <!-- level-action: urgent -->", None),
    ("Its signs are [x](warning-signs.md#a): <!-- level-action: urgent -->", URGENT),
])
def test_the_level_next_to_a_link_is_read_from_its_sentence(sentence, level):
    found = [(part, link) for part in sentences(sentence) for link in part.links]
    part, link = found[0]
    assert part.level_next_to(link) == level


def test_the_second_level_in_a_sentence_goes_with_the_link_beside_it():
    text = ("Book an appointment for [x](warning-signs.md#a), and see a doctor today "
            "for [y](warning-signs.md#b).")
    [part] = sentences(text)
    assert [part.level_next_to(link) for link in part.links] == [DOCTOR, URGENT]


# ---------------------------------------------------------------------------
# Planted drift: each kind of drift the tests are for is caught

def planted(tmp_path: Path, name: str, change) -> Path:
    """Return a copy of the article ``name`` with ``change`` applied to its text."""
    text = (CONTENT / name).read_text(encoding="utf-8")
    changed = change(text)
    assert changed != text, "the drift was not planted"
    copy = tmp_path / name
    copy.write_text(changed, encoding="utf-8")
    return copy


def replace_once(old: str, new: str):
    def change(text: str) -> str:
        assert text.count(old) == 1, f"{old!r} is not in the article once"
        return text.replace(old, new)
    return change


def move_section(anchor: str):
    """Move the ### section ``anchor`` of warning-signs.md to the end of the page."""
    def change(text: str) -> str:
        match = re.search(rf"^### [^\n]*\{{#{anchor}\}}\n.*?(?=^##)", text, re.M | re.S)
        assert match, anchor
        return text[:match.start()] + text[match.end():].rstrip("\n") + "\n\n" + match[0]
    return change


@pytest.mark.parametrize(("name", "change", "anchor"), [
    # Calmer than the checker: new belly pain is U6, see a doctor today.
    ("causes.md", replace_once("New belly pain needs a doctor today",
                               "New belly pain needs a doctor's appointment"), "belly-pain"),
    # More alarming than the checker: not better after three days is D4.
    ("is-my-pain-normal.md", replace_once("pattern:\n<!-- level-action: doctor",
                                          "pattern:\n<!-- level-action: urgent"),
     "not-better-after-three-days"),
    # A sentence in warning-signs.md that points to another section.
    ("warning-signs.md", replace_once("it is an emergency: [chest symptoms](#chest-symptoms)",
                                      "see a doctor today: [chest symptoms](#chest-symptoms)"),
     "chest-symptoms"),
])
def test_a_planted_drift_next_to_a_link_is_caught(tmp_path, name, change, anchor):
    problems = levels_that_drift(planted(tmp_path, name, change))
    assert any(f"#{anchor} " in problem for problem in problems), problems


def test_a_section_planted_under_another_levels_heading_is_caught(tmp_path):
    page = planted(tmp_path, "warning-signs.md", move_section("weight-loss"))
    assert sections_out_of_place(page) == [
        "U14 is urgent, but #weight-loss is under the doctor heading"]


def test_a_level_planted_without_a_link_in_warning_signs_is_caught(tmp_path):
    page = planted(tmp_path, "warning-signs.md", replace_once(
        "Antiviral tablets work best if started within\n3 days, so see a doctor today.",
        "Antiviral tablets work best if started within\n3 days, so book an appointment."))
    [problem] = unlinked_levels_off_their_section(page)
    assert problem.startswith("#shingles (urgent) says doctor")


def test_a_doctor_soon_planted_is_caught(tmp_path):
    page = planted(tmp_path, "warning-signs.md", replace_once(
        "so see a doctor today.", "so see a doctor soon."))
    assert len(vague_timings(page)) == 1
