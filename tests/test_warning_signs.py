"""Every list of warning signs on the site comes from the rule table: the boxes in
the built pages, the checker's fallback, the 404 page and the safety-netting in
results all name the same signs, and no source carries a hand-written copy."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError

from checker import assess
from checker.i18n import _, speaking
from checker.levels import LEVELS_BY_ID
from checker.questions import QUESTIONS_BY_ID
from checker.rules import rules_at
from tests.mkdocs_hooks import load_hook
from tests.site_html import html_pages

ROOT = Path(__file__).resolve().parents[1]
EMERGENCY_SIGNS = [rule.sign for rule in rules_at("emergency")]

# Pages that must show the box of emergency signs.
PAGES_WITH_THE_EMERGENCY_BOX = ["index.html", "404.html", "warning-signs/index.html",
                                "checker/index.html"]

# A word or two that any list of each emergency sign would use, to find hand-written
# lists that paraphrase the signs. Adding an emergency rule needs a line here.
KEYWORDS = {
    "E1": "genitals", "E2": "bladder", "E3": "weakness", "E4": "stroke", "E5": "chest pain",
    "E6": "both legs", "E7": "cola", "E8": "blood thinners", "E9": "stiff neck",
    "E10": "belly pain", "E11": "cancer", "E12": "purple spots",
    "E13": "headache and new numbness", "E15": "blotchy", "E16": "swollen lips",
    "E17": "fainting", "E18": "headache and neck pain", "E19": "chemotherapy",
}


class BoxParser(HTMLParser):
    """Collects each box of warning signs (its level and its signs' rule ids and
    texts), and every other danger admonition, of one page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.boxes: list[dict] = []
        self.other_danger: list[str] = []
        self.item: dict | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if "warning-signs" in classes:
            self.boxes.append({"level": attributes["data-level"], "signs": []})
        elif "danger" in classes and "admonition" in classes:
            self.other_danger.append(attributes.get("id") or "")
        if tag == "li" and "data-rule" in attributes and self.boxes:
            self.item = {"rule": attributes["data-rule"], "text": ""}
            self.boxes[-1]["signs"].append(self.item)

    def handle_endtag(self, tag):
        if tag == "li":
            self.item = None

    def handle_data(self, data):
        if self.item is not None:
            self.item["text"] += data


def boxes_of(page: Path) -> BoxParser:
    parser = BoxParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def load_snippets_hook():
    return load_hook("checker_snippets")


# ---------------------------------------------------------------------------
# The built site

def test_every_list_of_emergency_signs_in_the_built_site_is_complete(built_site):
    checked = 0
    for page in html_pages(built_site):
        parser = boxes_of(page)
        # The Russian edition's pages (ru/) give the signs in Russian.
        language = "ru" if page.relative_to(built_site).parts[0] == "ru" else "en"
        for box in parser.boxes:
            expected = rules_at(box["level"])
            assert [sign["rule"] for sign in box["signs"]] == [rule.id for rule in expected], page
            with speaking(language):
                signs = [_(rule.sign) for rule in expected]
            assert [sign["text"] for sign in box["signs"]] == signs, page
            checked += 1
        # The only other danger box is the checker's instruction, shown when a sign is ticked.
        assert set(parser.other_danger) <= {"checker-emergency-alert"}, page
    assert checked >= len(PAGES_WITH_THE_EMERGENCY_BOX)


@pytest.mark.parametrize("name", PAGES_WITH_THE_EMERGENCY_BOX)
def test_the_key_pages_show_the_emergency_signs(built_site, name):
    boxes = [box for box in boxes_of(built_site / name).boxes if box["level"] == "emergency"]
    assert boxes, f"{name} has no box of emergency signs"
    for box in boxes:
        assert [sign["text"] for sign in box["signs"]] == EMERGENCY_SIGNS


def test_the_checker_fallback_lists_the_emergency_and_urgent_signs(built_site):
    levels = [box["level"] for box in boxes_of(built_site / "checker" / "index.html").boxes]
    # Once for readers without JavaScript, once for when the engine cannot start.
    assert levels == ["emergency", "urgent", "emergency", "urgent"]


def test_the_safety_net_names_the_same_emergency_signs_as_the_pages():
    result = assess({"hours_since_massage": 20, "severity": 3})
    emergency = [line for line in result.safety_net if line.text.startswith("Call the emergency")]
    assert [list(line.signs) for line in emergency] == [EMERGENCY_SIGNS]


def test_level_instructions_and_the_pain_scale_come_from_the_checker(built_site):
    html = (built_site / "warning-signs" / "index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    for level in ("emergency", "urgent", "doctor"):
        assert LEVELS_BY_ID[level].action.replace("'", "&#x27;") in html or \
            LEVELS_BY_ID[level].action in text
    for band in QUESTIONS_BY_ID["severity"].bands[1:]:
        assert f"{band.minimum} to {band.maximum}" in text and band.meaning in text


# ---------------------------------------------------------------------------
# The sources

def source_files() -> list[Path]:
    """Return every hand-written page, partial and template of the site."""
    return sorted([*ROOT.glob("content/*.md"), *ROOT.glob("docs/**/*.md"),
                   *ROOT.glob("docs/overrides/**/*.html"),
                   *ROOT.glob("build_scripts/templates/*")])


def test_every_emergency_rule_has_a_keyword():
    assert set(KEYWORDS) == {rule.id for rule in rules_at("emergency")}


@pytest.mark.parametrize("path", source_files(), ids=lambda path: path.name)
def test_no_source_carries_a_hand_written_list_of_signs(path):
    text = path.read_text(encoding="utf-8")
    assert "!!! danger" not in text, "a danger box is written by hand: use <!-- warning-signs -->"
    prose = "\n".join(line for line in text.lower().splitlines() if not line.startswith("#"))
    for rule in rules_at("emergency"):
        assert rule.sign.lower() not in prose, f"{rule.id}'s sign is copied by hand"
    # A list (of bullets or of <li>) that names three or more emergency signs.
    for block in re.split(r"\n\s*\n", text):
        items = [line for line in block.splitlines()
                 if re.match(r"\s*([-*+] |<li)", line)]
        named = {rule_id for rule_id, word in KEYWORDS.items()
                 if any(word in item.lower() for item in items)}
        assert len(named) < 3, f"a hand-written list of warning signs: {sorted(named)}"


# ---------------------------------------------------------------------------
# The markers

def page_named(name: str):
    return SimpleNamespace(file=SimpleNamespace(src_uri=name), url=name.replace(".md", "/"))


@pytest.mark.parametrize(("markdown", "message"), [
    ("<!-- warning-signs: soon -->", r"unknown level 'soon'"),
    ("<!-- level-action: later -->", r"unknown level 'later'"),
    ("<!-- warning-sign: emergency -->", r"unknown marker"),
    ("<!--warning-signs:emergency-->", r"unknown marker"),
    ("<!-- pain-scales -->", r"unknown marker"),
])
def test_a_bad_marker_stops_the_build_naming_the_page(markdown, message):
    hook = load_snippets_hook()
    with pytest.raises(PluginError, match=f"example.md: .*{message}|example.md: {message}"):
        hook.on_page_markdown(markdown, page=page_named("example.md"), config=None, files=None)


def test_a_level_action_marker_becomes_the_levels_instruction():
    hook = load_snippets_hook()
    text = hook.on_page_markdown("Then: <!-- level-action: doctor -->", page=page_named("x.md"),
                                 config=None, files=None)
    assert text == "Then: " + LEVELS_BY_ID["doctor"].action


def test_the_pain_scale_marker_becomes_a_table_of_the_bands():
    hook = load_snippets_hook()
    table = hook.on_page_markdown("<!-- pain-scale -->", page=page_named("x.md"),
                                  config=None, files=None).strip().splitlines()
    assert table[0] == "| Pain | Score out of 10 | What it is like |"
    assert [row.split("|")[1].strip() for row in table[2:]] == [
        "**Mild**", "**Moderate**", "**Severe**"]
