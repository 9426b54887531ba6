"""The generated page "How the checker decides": made from the rule table and the
question data, and present in the built site with every rule and question."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker import QUESTIONS, RULES
from checker.wording import upper_first
from tests.mkdocs_hooks import load_hook

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def hook():
    return load_hook("checker_docs")


def test_the_page_shows_every_rule_with_its_condition_reason_and_link(hook):
    page = hook.render_page()
    assert page.startswith("---\ntitle: How the checker decides\n")
    for rule in RULES:
        row = next(line for line in page.splitlines() if line.startswith(f"| **{rule.id}** |"))
        assert upper_first(rule.condition.describe()) in row
        assert f"](../warning-signs.md#{rule.source.anchor})" in row


def test_the_page_shows_every_question_and_level(hook):
    page = hook.render_page()
    for question in QUESTIONS:
        assert f"| `{question.id}` |" in page
        for value in question.values:
            assert f"`{value}`" in page
    for level in ("emergency", "urgent", "doctor", "self_care"):
        assert f"`{level}`" in page


def test_placeholders_are_shown_as_field_names(hook):
    assert "Your pain is severe: `{severity}` out of 10." in hook.render_page()


def test_the_built_site_has_the_page_listing_every_rule(built_site):
    html = (built_site / "checker" / "how-it-decides" / "index.html").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"<strong>{rule.id}</strong>" in html
    anchors = re.findall(r'href="\.\./\.\./warning-signs/#([a-z-]+)"', html)
    assert len(anchors) == len(RULES)
    target = (built_site / "warning-signs" / "index.html").read_text(encoding="utf-8")
    for anchor in anchors:
        assert f'id="{anchor}"' in target


def question_row(page: str, field: str) -> str:
    return next(line for line in page.splitlines() if f"| `{field}` |" in line)


def test_each_question_says_how_the_form_asks_it(hook):
    """From the question data the form is drawn from: a box of a list, or its
    "None of these"; Yes or No; a "Not sure"; and when a follow-up is shown."""
    page = hook.render_page()
    assert 'chooses no answer for you' in page
    assert ('*On the form:* Step 1, First, check for danger signs: a box to tick, or "None '
            'of these" for the whole list |') in question_row(page, "saddle_numbness")
    assert "Step 2, More signs that need help now: Yes or No |" in question_row(page, "pregnant")
    assert ('Yes or No; asked only after "Yes" to "Are you pregnant?" |'
            in question_row(page, "pregnancy_signs"))
    assert 'or "Not sure", which leaves it out |' in question_row(page, "trend")
    assert 'any that apply, or "None of these" |' in question_row(page, "conditions")
    assert "typed in days and hours |" in question_row(page, "hours_since_massage")
    for question in QUESTIONS:
        assert "*On the form:* Step " in question_row(page, question.id), question.id
