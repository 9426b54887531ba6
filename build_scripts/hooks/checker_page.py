# Renders the symptom checker's form into the checker page at build time, from
# the question definitions in checker/ (no question, label or choice is written
# twice), with the warning signs shown when the engine cannot run. Each section
# of questions is one step, and a last step reviews the answers. The form
# carries, as data, what the page script needs: the kinds of question, the
# units and topics of the answers, the boxes of a number typed in parts (days
# and hours), the answers that alone mean an emergency (from the rule table),
# and the usual course of soreness with the levels whose results show it all
# come from checker/, never as copies in the script. The back map is drawn
# from the pain areas' choices (back_map.py).

from __future__ import annotations

import json
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from build_scripts import back_map
from build_scripts.call_buttons import call_buttons
from build_scripts.jinja_env import render
from build_scripts.page_texts import page_texts
from build_scripts.site_layout import CHECKER_PAGE, CHECKER_WORKER, checker_build, package_name
from build_scripts.warning_signs import render_box
from checker.conditions import Is
from checker.course import HOURS_FIELD, PAIN_FIELD, usual_course
from checker.i18n import N_, _, language_now
from checker.levels import EMERGENCY, LEVELS_BY_ID, URGENT
from checker.questions import (
    BOOLEAN,
    CHOICE,
    INTEGER,
    MULTI_CHOICE,
    QUESTIONS,
    QUESTIONS_BY_ID,
    SECTIONS,
    Question,
    Section,
)
from checker.rules import rules_at
from checker.wording import upper_first

# ---------------------------------------------------------------------------
# Hooks


# Put the form where the checker page's marker stands; a missing marker stops the build.
def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri != CHECKER_PAGE:
        return html
    if html.count(MARKER) != 1:
        raise PluginError(f"docs/{CHECKER_PAGE} must hold the marker {MARKER} exactly once")
    try:
        data = form_data(page, config)
    except ValueError as error:
        raise PluginError(f"the checker's form cannot be drawn: {error}") from error
    return html.replace(MARKER, render("checker_form.html.j2", **data))


# ---------------------------------------------------------------------------
# The data the template receives

def form_data(page: Page, config: MkDocsConfig) -> dict[str, Any]:
    """Return the plain data the form template renders: sections, questions, levels,
    the names the page script reads, and the boxes of warning signs for when the
    engine cannot run."""
    emergency = emergency_answers()
    return {
        "stop_signs": stop_signs(),
        "call_emergency": call_buttons(EMERGENCY),
        "package": package_name(),
        # Which checker this page asks for: its engine must be of the same build.
        "build": checker_build(),
        # The English site's worker, one folder up from another language's pages.
        "worker": get_relative_url(config.extra["site_root"] + CHECKER_WORKER, page.url),
        "kinds": json.dumps(KIND_NAMES),
        "course": json.dumps(course_data()),
        "box_value": BOX_VALUE,
        # One step per section, then the review of the answers.
        "step_count": len(SECTIONS) + 1,
        "sections": [section_data(section, emergency) for section in SECTIONS],
        "emergency": level_data(EMERGENCY),
        "warning_signs": [render_box(level, page, config) for level in (EMERGENCY, URGENT)],
        # The page's own words and language, and the root of its language's pages,
        # which the result's links are relative to.
        "texts": page_texts(),
        "language": language_now(),
        "pages": get_relative_url(".", page.url).rstrip("/") + "/",
    }


def section_data(section: Section, emergency: dict[str, frozenset[str]]) -> dict[str, Any]:
    """Return one step's section with its questions; the intro of a section with a list
    of boxes (the danger signs first) says how to answer its controls, whatever they are."""
    questions = [question_data(question, emergency.get(question.id, frozenset()))
                 for question in QUESTIONS if question.section == section.id]
    intro = _(section.intro) if section.intro else ""
    if section.none_label:
        intro = f"{intro} {how_to_answer(questions)}".strip()
    return {"id": section.id, "title": _(section.title), "intro": intro,
            "questions": questions, "none_label": _(section.none_label)}


def how_to_answer(questions: list[dict[str, Any]]) -> str:
    """Return how to answer these questions, from their controls ("Tick each box
    that is true for you, and choose one answer to each question with choices.")."""
    widgets = {question["widget"] for question in questions}
    ways = [_(words) for widget, words in HOW_TO_ANSWER.items() if widget in widgets]
    if not ways:
        return ""
    # TRANSLATORS: two ways to answer: "tick each box ..., and choose one answer ...".
    both = _("{first}, and {second}").format(first=ways[0], second=ways[1]) \
        if len(ways) == 2 else ways[0]
    return upper_first(both) + "."


def emergency_answers() -> dict[str, frozenset[str]]:
    """Return, for each field, the form values that on their own make the level an
    emergency: those of every emergency rule whose condition is one answer,
    Is(field, value). The page shows its "call now" alert as soon as one of them
    is chosen; the danger section alone cannot say, since some of its answers (an
    itchy rash only) are not emergencies. Raise ValueError for an answer no
    control can choose (a box that must be left empty)."""
    answers: dict[str, set[str]] = {}
    for rule in rules_at(EMERGENCY):
        if type(rule.condition) is Is:  # exactly one answer, not OneOf's several
            answers.setdefault(rule.condition.field, set()).update(
                form_value(rule.id, value) for value in rule.condition.values)
    return {field: frozenset(values) for field, values in answers.items()}


def stop_signs() -> list[dict[str, str]]:
    """Return, for each answer that alone makes the level an emergency, the sign in
    words and why it matters, from its rule: what the page's stop screen says the
    moment the answer is given, with no engine ("saddle_numbness=true")."""
    signs = []
    for rule in rules_at(EMERGENCY):
        if type(rule.condition) is not Is:
            continue
        if rule.reason_fields():
            raise ValueError(f"rule {rule.id}: the stop screen shows its reason as it stands, "
                             "so it cannot name answers")
        for value in rule.condition.values:
            signs.append({"answer": f"{rule.condition.field}={form_value(rule.id, value)}",
                          "rule": rule.id, "name": _(rule.name), "reason": _(rule.reason)})
    return signs


def form_value(rule_id: str, value: object) -> str:
    """Return the value of the control that gives this answer: a ticked box or a choice."""
    if value is True:
        return BOX_VALUE
    if isinstance(value, str):
        return value
    raise ValueError(f"rule {rule_id} is an emergency when a box is left empty, "
                     "which no control on the page can show")


def question_data(question: Question, emergency: frozenset[str] = frozenset()) -> dict[str, Any]:
    """Return one question as the template needs it, with how to draw it and the
    form values among its answers that alone mean an emergency."""
    data = question.to_dict()
    data["widget"] = widget_for(question)
    data["show_if"] = " ".join(question.show_if)
    data["topic"] = _(question.topic)
    data["emergency"] = sorted(emergency)
    if data["widget"] == "yesno":
        # Yes and No as choices, and the question's "Not sure", which sends nothing.
        data["choices"] = [{"value": BOX_VALUE, "label": _("Yes")},
                           {"value": NO_VALUE, "label": _("No")}]
    if question.unsure:
        data["choices"] = [*data["choices"], {"value": UNSURE_VALUE, "label": _(question.unsure)}]
    # Short answers side by side, two to a row, so a step stays short on a phone.
    data["side_by_side"] = data["widget"] in ("radios", "checkboxes") and all(
        len(choice["label"]) <= SIDE_BY_SIDE_LABEL for choice in data["choices"])
    # The answer the review folds away with the others: the spec's default, as a form value.
    data["default_value"] = default_value(question)
    if data["widget"] == "parts":
        data["answer_words"] = _(PARTS_ANSWER_WORDS)
    if data["widget"] == "scale":
        data["scale"] = scale_groups(question)
    if question.id == back_map.QUESTION:
        data["map"] = back_map.map_data(question)
    return data


def default_value(question: Question) -> str:
    """Return a question's default as the form's value ("false", "none"); "" for a
    number or a list, whose default is no answer."""
    if question.kind == BOOLEAN:
        return BOX_VALUE if question.default else NO_VALUE
    return question.default if isinstance(question.default, str) else ""


def scale_groups(question: Question) -> list[dict[str, Any]]:
    """Return the values of a number scale grouped by its bands, each with its
    word and meaning, so the buttons stand beside the bands in words; raise
    ValueError if the bands do not cover each value exactly once."""
    assert question.minimum is not None and question.maximum is not None
    values = list(range(question.minimum, question.maximum + 1))
    if not question.bands:
        return [{"word": "", "meaning": "", "values": values}]
    banded = [value for band in question.bands
              for value in range(band.minimum, band.maximum + 1)]
    if banded != values:
        raise ValueError(f"the bands of {question.id!r} must cover {values[0]} to "
                         f"{values[-1]} once each, in order")
    return [{"word": _(band.word), "meaning": _(band.meaning),
             "values": list(range(band.minimum, band.maximum + 1))}
            for band in question.bands]


def course_data() -> dict[str, Any]:
    """Return the usual course of soreness with what the chart needs besides:
    the levels whose results draw it, how many hours it shows and the time between
    its ticks (the largest part of the hours question: a day), and the answers
    (and the pain scale's top) that place the reader on it."""
    hours, pain = QUESTIONS_BY_ID[HOURS_FIELD], QUESTIONS_BY_ID[PAIN_FIELD]
    if not hours.parts:
        raise ValueError(f"the chart's ticks are the parts of {hours.id!r}, which has none")
    return {**usual_course(),
            "hours_shown": COURSE_CHART_HOURS,
            "tick": hours.parts[0].to_dict(),
            "pain_max": pain.maximum}


def widget_for(question: Question) -> str:
    """Return the form control for a question: checkbox, radios, checkboxes, scale,
    number, or parts (a number box for each of its parts: days, hours)."""
    if question.parts:
        return "parts"
    if question.kind == INTEGER:
        assert question.minimum is not None and question.maximum is not None
        return "scale" if question.maximum - question.minimum <= 10 else "number"
    if question.kind == BOOLEAN and not question.asked_as_list:
        return "yesno"
    return WIDGETS[question.kind]


def level_data(level_id: str) -> dict[str, str]:
    """Return a level's headline and the instruction it gives."""
    level = LEVELS_BY_ID[level_id]
    return {"id": level.id, "headline": _(level.headline), "action": level.action}


# ---------------------------------------------------------------------------
# Data

MARKER = "<!-- checker:form -->"

WIDGETS = {BOOLEAN: "checkbox", CHOICE: "radios", MULTI_CHOICE: "checkboxes"}

# The value a ticked box sends; the page script reads a box as ticked or not.
BOX_VALUE = "true"
# The values of a yes-or-no question's No, and of a "Not sure" (which sends nothing).
NO_VALUE = "false"
UNSURE_VALUE = "unsure"

# The longest answer (in characters) that still reads well in half a phone's width,
# in two or three short lines: "Acupressure or shiatsu (pressing on points)".
SIDE_BY_SIDE_LABEL = 55

# How to answer each kind of control, for the danger section's intro, which mixes them.
HOW_TO_ANSWER = {"checkbox": N_("tick each box that is true for you, or \"None of these\""),
                 "radios": N_("choose one answer to each question with choices")}

# A number typed in parts is how long ago something was ("How long ago did the
# massage end?"): the review says it back as "2 days and 4 hours ago".
PARTS_ANSWER_WORDS = N_("{} ago")

# The chart's time axis: five days, past the point where ordinary soreness is gone.
COURSE_CHART_HOURS = 120

# The kinds of question, under the names the page script reads them by.
KIND_NAMES = {"integer": INTEGER, "boolean": BOOLEAN, "choice": CHOICE,
              "multiChoice": MULTI_CHOICE}
