"""Every fact in words is written once and used wherever it appears: the emergency
numbers (checker/emergency_numbers.py), what each level says about more massage
(checker/levels.py), the advice that depends on the answers (checker/advice.py) and
the conditions a doctor should check (a flag on the conditions question). A
hand-written copy in any file the site is made from fails here."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest

from checker import assess
from checker.advice import ADVICE, WATCH_FOR
from checker.levels import LEVELS, LEVELS_BY_ID, MASSAGE_AGAIN, NO_MORE_MASSAGE
from checker.questions import QUESTIONS_BY_ID, Question
from checker.wording import upper_first
from tests.mkdocs_hooks import load_hook

ROOT = Path(__file__).resolve().parents[1]
BASE = {"hours_since_massage": 20, "severity": 4}

# What the site is made from (the tests and the README only describe it).
SITE_SOURCES = ("mkdocs.yml", "content", "docs", "build_scripts", "checker")
# The translation catalogs hold every text of the checker once per language: made from
# the data by build_scripts/catalogs.py and checked current by tests/test_languages.py.
CATALOGS = "checker/locale/"


def site_files() -> list[Path]:
    """Return the text files the site is made from, as git lists them (new ones too)."""
    names = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard",
                            "--", *SITE_SOURCES], cwd=ROOT, capture_output=True, check=True,
                           ).stdout.decode().split("\0")
    return [ROOT / name for name in names
            if name and (ROOT / name).is_file() and not name.endswith((".png", ".pyc", ".mo"))
            and not name.startswith(CATALOGS)]


def copies(pattern: str, table: str, flags: int = 0) -> list[str]:
    """Return each line outside ``table`` that matches ``pattern``, as "file:line: text"."""
    found = []
    for path in site_files():
        name = path.relative_to(ROOT).as_posix()
        if name == table:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(pattern, line, flags):
                found.append(f"{name}:{number}: {line.strip()}")
    return found


# ---------------------------------------------------------------------------
# The emergency numbers

def test_no_emergency_number_is_written_outside_its_table():
    assert copies(r"\b(112|911|999)\b", "checker/emergency_numbers.py") == []


def test_the_pages_and_the_footer_get_the_numbers_from_the_table(built_site):
    from checker.emergency_numbers import numbers_in_words
    for page in ("index.html", "about/index.html", "causes/index.html",
                 "checker/how-it-decides/index.html", "checker/clinical-safety/index.html"):
        html = (built_site / page).read_text(encoding="utf-8")
        assert numbers_in_words() in html, page
        assert "emergency-numbers" not in html, f"{page} holds a marker left unfilled"
    footer = (built_site / "index.html").read_text(encoding="utf-8")
    assert f"In an emergency call {numbers_in_words()}." in footer


# ---------------------------------------------------------------------------
# More massage: one sentence per level

def test_no_sentence_about_more_massage_is_written_outside_the_levels():
    pattern = r"no more massage until a doctor|massage again is fine|not until a doctor"
    # The articles are prose of their own; the levels' table is the one place in code.
    found = [line for line in copies(pattern, "checker/levels.py", re.IGNORECASE)
             if not line.startswith("content/")]
    assert found == []


@pytest.mark.parametrize("level", LEVELS, ids=lambda level: level.id)
def test_each_level_says_one_sentence_about_more_massage_wherever_it_is_said(level):
    assert level.massage == (NO_MORE_MASSAGE if level.pause_massage else MASSAGE_AGAIN)
    page = load_hook("checker_docs").render_page()
    assert f"| `{level.id}` | {level.headline} | {level.action} | {level.massage} |" in page


@pytest.mark.parametrize(("answers", "level"), [
    ({**BASE, "chest_symptoms": True}, "emergency"), ({**BASE, "fever": "high"}, "urgent"),
    ({**BASE, "pregnant": True}, "doctor"), (BASE, "self_care"),
])
def test_a_result_says_its_levels_sentence_and_its_advice_repeats_no_other(answers, level):
    data = assess(answers).to_dict()
    assert data["level"] == level
    assert data["massage"] == LEVELS_BY_ID[level].massage
    about_massage = {line for line in data["advice"] if line in (NO_MORE_MASSAGE, MASSAGE_AGAIN)}
    assert about_massage <= {data["massage"]}


# ---------------------------------------------------------------------------
# "How the checker decides" shows the advice the engine gives

@pytest.mark.parametrize("tip", [tip for tip in (*ADVICE, *WATCH_FOR) if tip.when is not None],
                         ids=lambda tip: tip.text[:40])
def test_the_page_shows_each_tip_that_depends_on_the_answers_with_when_it_is_given(tip):
    page = load_hook("checker_docs").render_page()
    assert tip.when is not None
    row = next((line for line in page.splitlines() if line.endswith(f"| {tip.text} |")), "")
    assert row.startswith(f"| {upper_first(tip.when.describe())} |"), tip.text


# ---------------------------------------------------------------------------
# The conditions a doctor should check: one flag

CONDITIONS = QUESTIONS_BY_ID["conditions"]


@pytest.mark.parametrize("choice", CONDITIONS.values)
def test_a_condition_a_doctor_should_check_is_one_flag_for_the_rule_and_the_cause(choice):
    result = assess({**BASE, "conditions": [choice]})
    rule_fires = "D14" in [reason.rule for reason in result.reasons]
    cause_given = "contraindications" in [cause.anchor for cause in result.likely_causes]
    assert rule_fires == cause_given == (choice in CONDITIONS.ask_a_doctor)


def test_the_flag_names_the_specs_known_conditions_only():
    # The spec's D14 (policy v3): long-healed disc or spine problems and a skin disease
    # alone are not reasons to see a doctor.
    assert set(CONDITIONS.ask_a_doctor) == {"osteoporosis", "cancer", "bleeding_disorder",
                                           "tuberculosis"}


def test_a_flag_on_a_choice_the_question_does_not_have_fails_when_built():
    with pytest.raises(ValueError, match=r"question x: ask_a_doctor names \['gout'\], which are "
                                         "not among its choices"):
        Question("x", kind="multi-choice", section="background", text="Text?", help="Help.",
                 topic="topic", choices=(("cancer", "Cancer"),), ask_a_doctor=("gout",))
