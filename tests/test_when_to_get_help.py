"""The "When to get help" block under each health page's answer comes from the
rule table: in the NHS's order (book an appointment, see a doctor today, call the
emergency number), each level titled in the level's own words, with four to six of
its rules' signs in the rules' own words, each linking to the sign's section, and a
link to the section of warning-signs.md that lists them all."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from mkdocs.exceptions import PluginError

from build_scripts.commonest_signs import COMMONEST_SIGNS, LEVEL_SECTIONS
from build_scripts.when_to_get_help import ANCHOR, HEADING, help_levels, problems
from checker.levels import DOCTOR, EMERGENCY, LEVELS_BY_ID, URGENT
from checker.rules import RULES_BY_ID, rules_at
from tests.test_article_levels import WARNING_SIGNS, level_sections
from tests.test_articles import HEALTH_PAGES
from tests.test_warning_signs import boxes_of

# The built pages that show the block: the home page and every health article.
BUILT_PAGES = ["index.html", *(f"{path.stem}/index.html" for path in HEALTH_PAGES)]


class BlockParser(HTMLParser):
    """Collects the block of one page: its heading's id and text, and for each
    level its title, its signs (rule id, text, link) and its link to all of them;
    and where the block and the box of emergency signs stand in the page."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.heading: str | None = None
        self.in_heading = False
        self.levels: list[dict] = []
        self.text: list[str] | None = None
        self.order: list[str] = []
        # How many <div>s deep the parser is in the block's own <div> (0: outside).
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if tag == "div" and (self.depth or "when-to-get-help" in classes):
            self.depth += 1
        if tag == "h2" and attributes.get("id") == ANCHOR:
            self.heading, self.in_heading = "", True
            self.order.append("block")
        elif "warning-signs" in classes and attributes.get("data-level") == EMERGENCY:
            self.order.append("emergency box")
        elif not self.depth:
            return
        elif "when-to-get-help__level" in classes:
            self.levels.append({"level": attributes["data-level"], "title": "", "signs": [],
                                "all": None})
        elif "when-to-get-help__title" in classes:
            self.text = []
        elif tag == "li" and "data-help-rule" in attributes:
            self.levels[-1]["signs"].append({"rule": attributes["data-help-rule"]})
        elif tag == "a" and self.text is None:
            signs = self.levels[-1]["signs"]
            if signs and "href" not in signs[-1]:
                signs[-1]["href"], self.text = attributes["href"], []
            else:
                self.levels[-1]["all"], self.text = {"href": attributes["href"]}, []

    def handle_endtag(self, tag):
        if tag == "div" and self.depth:
            self.depth -= 1
        if tag == "h2":
            self.in_heading = False
        elif self.text is not None and tag in ("h3", "a"):
            text, self.text = "".join(self.text), None
            level = self.levels[-1]
            if tag == "h3":
                level["title"] = text
            elif level["all"] is not None and "text" not in level["all"]:
                level["all"]["text"] = text
            else:
                level["signs"][-1]["text"] = text

    def handle_data(self, data):
        if self.in_heading and self.heading is not None:
            self.heading += data
        if self.text is not None:
            self.text.append(data)


def block_of(page: Path) -> BlockParser:
    parser = BlockParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


# ---------------------------------------------------------------------------
# The data

def test_the_commonest_signs_are_four_to_six_rules_of_each_level():
    assert problems() == []


def test_the_levels_come_in_the_nhs_order():
    assert [level for level, _ in COMMONEST_SIGNS] == [DOCTOR, URGENT, EMERGENCY]


def test_each_level_links_to_its_own_section_of_warning_signs():
    sections = level_sections(WARNING_SIGNS.read_text(encoding="utf-8"))
    assert {level: anchor for anchor, level in sections.items()} == LEVEL_SECTIONS


def test_not_better_after_three_days_and_worse_after_two_lead_the_appointment_signs():
    # The answer most readers need, first (issue 19): rules D4 and D6.
    assert dict(COMMONEST_SIGNS)[DOCTOR][:2] == ("D4", "D6")


@pytest.mark.parametrize(("commonest", "problem"), [
    (((DOCTOR, ("D4", "D6", "D13", "D99")),), "D99 is not a rule"),
    (((DOCTOR, ("D4", "D6", "D13", "U4")),), "U4 is a urgent rule"),
    (((DOCTOR, ("D4", "D6", "D13")),), "3 signs; show 4 to 6"),
    (((URGENT, ("U4", "U1", "U6", "U10", "U11", "U3", "U7")),), "7 signs; show 4 to 6"),
    (((DOCTOR, ("D4", "D6", "D13", "D4")),), "a rule is named twice"),
    ((("self_care", ("D4", "D6", "D13", "D3")),), "no section of warning-signs.md"),
])
def test_a_bad_choice_of_signs_is_named(commonest, problem):
    assert any(problem in found for found in problems(commonest)), problems(commonest)


def test_a_bad_choice_of_signs_stops_the_build(monkeypatch):
    from tests.mkdocs_hooks import load_hook
    from tests.test_warning_signs import page_named

    hook = load_hook("checker_snippets")
    monkeypatch.setattr(hook, "problems", lambda: ["doctor: D99 is not a rule"])
    with pytest.raises(PluginError, match="commonest_signs.py: doctor: D99 is not a rule"):
        hook.on_page_markdown("<!-- when-to-get-help -->", page=page_named("x.md"),
                              config=None, files=None)


def test_links_are_relative_to_the_page():
    [doctor, *_] = help_levels("causes/")
    assert doctor["signs"][0]["href"] == "../warning-signs/#not-better-after-three-days"
    assert doctor["all_href"] == "../warning-signs/#book-appointment"
    assert help_levels("")[0]["all_href"] == "warning-signs/#book-appointment"
    assert help_levels("warning-signs/")[0]["all_href"] == "#book-appointment"


# ---------------------------------------------------------------------------
# The built pages

@pytest.mark.parametrize("name", BUILT_PAGES)
def test_each_health_page_shows_the_block_from_the_rule_table(built_site, name):
    found = block_of(built_site / name)
    # Links to warning-signs/, relative to the page; on that page, to its own sections.
    warning_signs = {"index.html": "warning-signs/",
                     "warning-signs/index.html": ""}.get(name, "../warning-signs/")
    assert found.heading is not None and found.heading.startswith(HEADING), name
    assert [level["level"] for level in found.levels] == [level for level, _ in COMMONEST_SIGNS]
    for level, (level_id, rule_ids) in zip(found.levels, COMMONEST_SIGNS, strict=True):
        headline = LEVELS_BY_ID[level_id].headline
        assert level["title"] == f"{headline} if you have any of these"
        rules = [RULES_BY_ID[rule_id] for rule_id in rule_ids]
        assert [sign["rule"] for sign in level["signs"]] == list(rule_ids)
        assert [sign["text"] for sign in level["signs"]] == [rule.sign for rule in rules]
        assert [sign["href"] for sign in level["signs"]] == \
            [f"{warning_signs}#{rule.source.anchor}" for rule in rules]
        assert level["all"]["href"] == f"{warning_signs}#{LEVEL_SECTIONS[level_id]}"
        assert level["all"]["text"].startswith(f"All {len(rules_at(level_id))} signs ")
        assert level["all"]["text"].endswith(headline[1:])


@pytest.mark.parametrize("name", BUILT_PAGES)
def test_the_block_comes_before_the_full_box_of_emergency_signs(built_site, name):
    assert block_of(built_site / name).order == ["block", "emergency box"]
    # The block is not a box of warning signs: those list every sign of a level.
    assert [box["level"] for box in boxes_of(built_site / name).boxes] == [EMERGENCY]


def test_a_page_without_the_marker_has_no_block(built_site):
    assert block_of(built_site / "about" / "index.html").levels == []


def test_the_levels_to_call_carry_their_call_buttons():
    """The emergency level's instruction is a tel: button, as every instruction to call
    on the site is; see a doctor today has one where a national line exists."""
    for level in help_levels("causes/"):
        call = str(level["call"])
        if level["id"] == EMERGENCY:
            assert 'class="md-button md-button--primary call-now__button" href="tel:' in call
        elif level["id"] == URGENT:
            assert 'data-call="urgent"' in call
        else:
            assert call == ""
