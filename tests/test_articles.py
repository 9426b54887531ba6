"""The articles as a reader meets them: short enough, easy to read (Flesch
reading ease), links whose text says where they go, every health page opening
with its answer and then "When to get help", the emergency box on every health
page, and corrected claims that stay corrected.

The figures of every article are printed at the end of the test run (see
pytest_terminal_summary in tests/conftest.py)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import textstat

from checker.course import USUAL_WORST_SEVERITY
from tests.article_text import FRONT_MATTER, figures, reading_text, sentences_text, units
from tests.test_warning_signs import boxes_of

ROOT = Path(__file__).resolve().parents[1]
CONTENT = ROOT / "content"
ARTICLES = sorted(path for path in CONTENT.glob("*.md") if not path.name.startswith("_"))

# Words at most, per article; warning-signs explains every rule, so it may be longer.
MAX_WORDS = 1800
# warning-signs.md: one section per rule of the policy (64 rules in v3), plus a small margin.
MAX_WORDS_BY_ARTICLE = {"warning-signs.md": 4300}
MIN_FLESCH = 70

# Pages about the site rather than about health need no box of emergency signs.
NOT_HEALTH_PAGES = {"about.md"}
HEALTH_PAGES = [path for path in ARTICLES if path.name not in NOT_HEALTH_PAGES]
HOME = ROOT / "docs" / "index.md"

# Every health page, and the home page, opens with its answer, then this block.
WHEN_TO_GET_HELP = "<!-- when-to-get-help -->"
EMERGENCY_BOX = "<!-- warning-signs: emergency -->"
# Words at most in the answer above the block, so that both start on a phone's first screen.
MAX_ANSWER_WORDS = 90
# The first Markdown of a block that is not part of a plain answer: a heading, an
# admonition, a marker, a list, a table or HTML.
NOT_ANSWER = re.compile(r"^(#|!!!|\?\?\?|<|[-*+] |\d+\. |\|)")

# Words that say nothing about where a link goes. A link's text must hold at least
# one other word, and must not open with an empty phrase such as "see" or "read more".
EMPTY_WORDS = {"a", "about", "above", "after", "an", "below", "click", "details", "find",
               "follow", "following", "go", "here", "info", "information", "it", "learn",
               "link", "more", "on", "out", "page", "read", "see", "that", "the", "there",
               "this", "to"}
EMPTY_OPENINGS = ("see ", "click", "read more", "more about", "learn more", "find out")
LINK = re.compile(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)")

# Claims the editorial pass corrected (issue 11), which must not come back.
CORRECTED = {
    r"delayed[- ]onset": "that term is for exercise; soreness after a massage is only thought to "
                         "be similar",
    r"not caused by germs": "fasciitis is usually, not always, free of germs",
    r"barely touch": "painkillers often, not always, help less with a disc",
    r"match what scans": "the osteochondrosis stages are a traditional description",
    r"draught|chilled": "cold and draughts do not cause back pain",
    r"(go|goes|going) into spasm": "brisk massage is not known to cause spasm",
    r"less likely to be strained": "warming up is not known to prevent strain from massage",
    r"(gone|fades?|goes away|go away)( by itself)? within two to three days":
        "ordinary soreness is usually much better, not gone, within two to three days",
    r"every statement": "the About page says what is checked, and against what",
    # Issue 19.
    r"does not make cancer spread": "there is no evidence that gentle massage makes cancer spread",
    r"more often caused by strained muscles": "back pain often has no single cause (NHS)",
    r"no more than mild soreness": "moderate soreness, up to 6 out of 10, is ordinary",
    r"usually less each time": "soreness is often, not usually, less each time",
    r"soreness that lasts means the pressure": "soreness that lasts needs a doctor (D4, D6)",
    r"redness spreads fast": "redness with a temperature is today (U17), an emergency only with "
                             "sepsis signs (E15)",
}


def article_ids(path: Path) -> str:
    return path.name


def link_texts(path: Path) -> list[tuple[str, str]]:
    """Return (text, target) of every internal Markdown link in a file."""
    text = path.read_text(encoding="utf-8")
    return [(match[1], match[2]) for match in LINK.finditer(text)
            if not re.match(r"[a-z]+:", match[2])]


# ---------------------------------------------------------------------------
# Length and reading ease

@pytest.mark.parametrize("path", ARTICLES, ids=article_ids)
def test_article_is_not_too_long(path):
    limit = MAX_WORDS_BY_ARTICLE.get(path.name, MAX_WORDS)
    words = figures(path.read_text(encoding="utf-8")).words
    assert words <= limit, f"{path.name} has {words} words; the limit is {limit}"


@pytest.mark.parametrize("path", ARTICLES, ids=article_ids)
def test_article_is_easy_to_read(path):
    flesch = figures(path.read_text(encoding="utf-8")).flesch
    assert flesch >= MIN_FLESCH, f"{path.name}: Flesch reading ease {flesch} < {MIN_FLESCH}"


# ---------------------------------------------------------------------------
# How the text is counted

EXAMPLE = """---
title: Example
description: Left out.
---

The answer comes first. It is short.

<!-- warning-signs: emergency -->

## A heading is left out {#anchor}

**A bold lead-in is left out.** A temperature of 37.5 °C is raised. Read
[the warning signs](warning-signs.md#high-fever) now.

What helps:

- gentle movement
- warmth

| Use | When |
|---|---|
| **Cold** | In the first two days |

!!! tip "An admonition title is left out"
    Its body is read.
"""


def test_front_matter_headings_lead_ins_markers_and_markup_are_left_out():
    text = sentences_text(EXAMPLE)
    assert text == ("The answer comes first. It is short. A temperature of 37,5 °C is raised. "
                    "Read the warning signs now. What helps: gentle movement. warmth. "
                    "In the first two days. Its body is read.")
    for left_out in ("title", "Left out", "heading", "lead-in", "warning-signs", "anchor",
                     "|", "---", "**", "](", "Use", "admonition"):
        assert left_out not in text


def test_the_word_count_includes_headings_and_lead_ins_but_no_markup():
    text = reading_text(EXAMPLE)
    assert "A heading is left out" in text and "A bold lead-in is left out." in text
    assert "An admonition title is left out" in text and "Use When" in text
    assert "anchor" not in text and "](" not in text and "title:" not in text
    assert figures(EXAMPLE).words == textstat.lexicon_count(text)


def test_units_keep_list_items_and_table_cells_apart():
    kinds = [(unit.kind, unit.text) for unit in units(EXAMPLE) if unit.sentences]
    assert ("item", "gentle movement") in kinds and ("item", "warmth") in kinds
    assert ("cell", "In the first two days") in kinds


def test_a_decimal_point_does_not_end_a_sentence():
    assert textstat.sentence_count(sentences_text("Up to 37.4 °C is normal for you.")) == 1


def test_flesch_reading_ease_of_known_texts():
    easy = figures("The cat sat on the mat. The dog ran to the park.\n").flesch
    hard = figures("Post-manipulative vertebrobasilar insufficiency necessitates "
                   "comprehensive neurological evaluation.\n").flesch
    assert easy > 100 > 0 > hard


def test_syllables_are_counted_from_the_installed_dictionary_with_no_network():
    # A fresh interpreter with every socket refused: textstat must not download anything.
    code = (
        "import socket\n"
        "def refuse(*args, **kwargs):\n"
        "    raise OSError('network used')\n"
        "socket.socket.connect = refuse\n"
        "socket.create_connection = refuse\n"
        "import sys, textstat\n"
        "counts = [textstat.syllable_count(w) for w in ('massage', 'temperature', 'soreness')]\n"
        "assert 'nltk' not in sys.modules, 'textstat loaded nltk, which downloads its data'\n"
        "print(counts)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[2, 3, 2]"


# ---------------------------------------------------------------------------
# Links

LINKED_FILES = [*ARTICLES, CONTENT / "_disclaimer.md", ROOT / "docs" / "index.md"]


@pytest.mark.parametrize("path", LINKED_FILES, ids=article_ids)
def test_every_internal_link_says_where_it_goes(path):
    vague = []
    for text, target in link_texts(path):
        words = re.findall(r"[a-z]+", text.lower())
        if not set(words) - EMPTY_WORDS or text.lower().startswith(EMPTY_OPENINGS):
            vague.append(f"[{text}]({target})")
    assert vague == [], f"{path.name}: link text that does not say where it goes"


@pytest.mark.parametrize("text", ["see", "here", "Read more", "this page", "link", "click here",
                                  "after that", "see more", "More about this site"])
def test_vague_link_texts_are_caught(tmp_path, text):
    page = tmp_path / "page.md"
    page.write_text(f"Some words [{text}](causes.md#fascia) and more.\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="does not say where it goes"):
        test_every_internal_link_says_where_it_goes(page)


# ---------------------------------------------------------------------------
# The emergency box

@pytest.mark.parametrize("path", HEALTH_PAGES, ids=article_ids)
def test_every_health_page_shows_the_generated_emergency_box(built_site, path):
    assert "<!-- warning-signs: emergency -->" in path.read_text(encoding="utf-8")
    boxes = boxes_of(built_site / path.stem / "index.html").boxes
    assert "emergency" in [box["level"] for box in boxes], f"{path.name} has no emergency box"


# ---------------------------------------------------------------------------
# The answer first

def opening(path: Path) -> str:
    """Return the Markdown a page shows above its "When to get help" block (its
    front matter and the home page's H1 left out)."""
    text = FRONT_MATTER.sub("", path.read_text(encoding="utf-8"))
    return re.sub(r"\A\s*# [^\n]*\n", "", text).partition(WHEN_TO_GET_HELP)[0]


@pytest.mark.parametrize("path", [HOME, *HEALTH_PAGES], ids=article_ids)
def test_every_health_page_opens_with_its_answer_then_when_to_get_help(path):
    text = path.read_text(encoding="utf-8")
    assert text.count(WHEN_TO_GET_HELP) == 1, f"{path.name}: put {WHEN_TO_GET_HELP} once"
    blocks = [block.strip() for block in re.split(r"\n\s*\n", opening(path)) if block.strip()]
    assert blocks, f"{path.name} does not open with its answer"
    assert [block for block in blocks if NOT_ANSWER.match(block)] == [], \
        f"{path.name}: only the answer's paragraphs come before {WHEN_TO_GET_HELP}"
    words = figures(opening(path)).words
    assert words <= MAX_ANSWER_WORDS, f"{path.name}: the answer has {words} words"
    # The full list of emergency signs stays on the page, below the block.
    assert text.index(WHEN_TO_GET_HELP) < text.index(EMERGENCY_BOX)


@pytest.mark.parametrize("path", [HOME, CONTENT / "is-my-pain-normal.md"], ids=article_ids)
def test_the_answer_says_plainly_how_much_pain_is_normal(path):
    answer = " ".join(opening(path).split())
    for words in (f"up to about {USUAL_WORST_SEVERITY} out of 10", "first day or two",
                  "first massage", "deep-tissue", "eases day by day"):
        assert words in answer, f"{path.name}: the answer does not say {words!r}"


# ---------------------------------------------------------------------------
# Corrected claims

@pytest.mark.parametrize("path", ARTICLES, ids=article_ids)
def test_corrected_claims_do_not_come_back(path):
    text = " ".join(path.read_text(encoding="utf-8").lower().split())
    found = [f"{pattern!r}: {why}" for pattern, why in CORRECTED.items()
             if re.search(pattern, text)]
    assert found == []


@pytest.mark.parametrize("path", ARTICLES, ids=article_ids)
def test_temperatures_are_the_policys_bands(path):
    # Up to 37.4 °C normal, 37.5 to 37.9 °C raised, 38 °C or more high.
    figures_used = set(re.findall(r"(\d+(?:\.\d)?)\s*°C", path.read_text(encoding="utf-8")))
    assert figures_used <= {"37.4", "37.5", "37.9", "38"}, figures_used
