"""The checker page as the build draws it: one step per section and a review,
the pain scale grouped by its bands, the time since the massage as a box per
part (days, hours), the answers that alone mean an emergency marked from the
rule table, why a question is asked, the back map from the pain areas'
choices, and the usual course of soreness handed to the page as data."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace
from html.parser import HTMLParser

import pytest

from build_scripts import back_map
from checker import assess
from checker.citations import Citation
from checker.conditions import Is
from checker.course import HOURS_FIELD, PAIN_FIELD, usual_course
from checker.course import SOURCE as COURSE_SOURCE
from checker.levels import EMERGENCY
from checker.questions import (
    BOOLEAN,
    CHOICE,
    QUESTIONS,
    QUESTIONS_BY_ID,
    SECTIONS,
    Band,
)
from checker.rules import Rule
from tests.mkdocs_hooks import load_hook
from tests.site_html import parse_page, target_file

PAIN_AREAS = QUESTIONS_BY_ID["pain_areas"]


@pytest.fixture(scope="module")
def hook():
    return load_hook("checker_page")


@pytest.fixture(scope="module")
def checker_html(built_site) -> str:
    return (built_site / "checker" / "index.html").read_text(encoding="utf-8")


def form_attribute(page_html: str, name: str) -> str:
    match = re.search(rf'<form id="checker-form"[^>]*\b{name}="([^"]*)"', page_html)
    assert match, f"the form has no {name}"
    return html.unescape(match.group(1))


# ---------------------------------------------------------------------------
# The back map

def test_the_map_has_one_area_per_pain_area_in_the_questions_order():
    data = back_map.map_data()
    assert [area["value"] for area in data["areas"]] == list(PAIN_AREAS.values)
    for area, (_, label) in zip(data["areas"], PAIN_AREAS.choices, strict=True):
        assert area["paths"], area["value"]
        written = " ".join(line["text"] for line in area["lines"])
        assert written.startswith(back_map.short_label(label).split()[0])


def test_a_choice_without_an_area_stops_the_build():
    areas = {value: area for value, area in back_map.AREAS.items() if value != "tailbone"}
    with pytest.raises(ValueError, match=r"choices with no area: \['tailbone'\]"):
        back_map.map_data(PAIN_AREAS, areas)


def test_an_area_without_a_choice_stops_the_build():
    areas = {**back_map.AREAS, "shoulder": back_map.AREAS["neck"]}
    with pytest.raises(ValueError, match=r"areas with no choice: \['shoulder'\]"):
        back_map.map_data(PAIN_AREAS, areas)


def test_every_area_is_inside_the_drawing():
    width, height = back_map.VIEW_BOX
    for value, area in back_map.AREAS.items():
        for path in area.paths:
            numbers = [float(n) for n in re.findall(r"-?\d+(?:\.\d+)?", path)]
            assert all(0 <= n <= max(width, height) for n in numbers), value
            xs, ys = numbers[0::2], numbers[1::2]
            assert max(xs) <= width and max(ys) <= height, value


# ---------------------------------------------------------------------------
# The pain scale and the usual course

def test_the_pain_scale_is_grouped_by_its_bands(hook):
    groups = hook.scale_groups(QUESTIONS_BY_ID["severity"])
    assert [(group["word"], group["values"]) for group in groups] == [
        ("no pain", [0]), ("mild", [1, 2, 3]), ("moderate", [4, 5, 6]),
        ("severe", [7, 8, 9, 10])]


def test_bands_with_a_gap_stop_the_build(hook):
    gap = replace(QUESTIONS_BY_ID["severity"],
                  bands=(Band(minimum=0, maximum=3, word="low", meaning="."),
                         Band(minimum=5, maximum=10, word="high", meaning=".")))
    with pytest.raises(ValueError, match="must cover 0 to 10 once each"):
        hook.scale_groups(gap)


def test_the_course_data_gives_the_curve_and_its_scale(hook):
    data = hook.course_data()
    # Which results show the chart, and the reader's point on it, are the result's
    # (its "course"): the page only draws them, so the data names no level or answer.
    assert not {"levels", "hours_field", "pain_field"} & set(data)
    hours = QUESTIONS_BY_ID[HOURS_FIELD]
    assert hours.unit == "hours"
    assert data["pain_max"] == QUESTIONS_BY_ID[PAIN_FIELD].maximum
    assert data["hours_shown"] > data["points"][-1][0]
    # Its ticks are the largest part of the time's unit: a day, named by the question.
    assert data["tick"] == hours.parts[0].to_dict()
    assert data["hours_shown"] % data["tick"]["size"] == 0


# ---------------------------------------------------------------------------
# The built page

def test_the_built_form_has_a_step_per_section_and_a_review(checker_html):
    steps = re.findall(r'<section class="checker-step" data-step="(\d+)"', checker_html)
    assert steps == [str(number) for number in range(1, len(SECTIONS) + 2)]
    for number in range(1, len(SECTIONS) + 2):
        assert f"Step {number} of {len(SECTIONS) + 1}" in checker_html


def test_the_page_gets_the_usual_course_as_data(checker_html):
    course = json.loads(form_attribute(checker_html, "data-course"))
    assert {key: course[key] for key in usual_course()} == json.loads(json.dumps(usual_course()))


def test_the_course_links_to_a_section_that_exists(built_site, checker_html):
    source = json.loads(form_attribute(checker_html, "data-course"))["source"]
    assert source == COURSE_SOURCE.link
    target = target_file(built_site, built_site / "index.html", source)
    assert COURSE_SOURCE.anchor in parse_page(target).ids


def test_the_built_map_has_an_area_for_each_checkbox(checker_html):
    areas = re.findall(r'<g class="checker-map__area" data-value="([a-z_]+)"', checker_html)
    assert areas == list(PAIN_AREAS.values)
    assert re.search(r'<svg class="checker-map"[^>]*aria-hidden="true"', checker_html)


class Inputs(HTMLParser):
    """The attributes of every input of a page, and its paragraphs' ids and text."""

    def __init__(self, page_html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.inputs: list[dict[str, str | None]] = []
        self.paragraphs: dict[str, str] = {}
        self._paragraph: str | None = None
        self.feed(page_html)

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.inputs.append(dict(attrs))
        if tag == "p" and dict(attrs).get("id"):
            self._paragraph = dict(attrs)["id"]
            self.paragraphs[self._paragraph] = ""

    def handle_data(self, data):
        if self._paragraph:
            self.paragraphs[self._paragraph] += data

    def handle_endtag(self, tag):
        if tag == "p":
            self._paragraph = None


@pytest.fixture(scope="module")
def inputs(checker_html) -> Inputs:
    return Inputs(checker_html)


# ---------------------------------------------------------------------------
# The time since the massage: a box per part

def test_the_time_is_a_box_per_part_each_with_its_limit(inputs, checker_html):
    hours = QUESTIONS_BY_ID["hours_since_massage"]
    boxes = [each for each in inputs.inputs if each.get("name") == hours.id]
    assert [(box["type"], box["data-size"], box["min"], box["max"], box["inputmode"])
            for box in boxes] == [("number", str(part.size), "0", str(part.maximum), "numeric")
                                  for part in hours.parts]
    for box, part in zip(boxes, hours.parts, strict=True):
        forms = json.loads(box["data-forms"])
        assert (forms["one"], forms["other"]) == (part.one, part.many)
        assert re.search(rf'<label[^>]*for="{box["id"]}"><input[^>]*><span>{part.many}</span>',
                         checker_html)
        assert "required" not in box  # an empty box counts 0: the script asks for one
    question = re.search(r'<div class="checker-question" data-field="hours_since_massage"[^>]*>',
                         checker_html)
    assert question and "data-required" in question.group(0)
    assert 'data-answer-words="{} ago"' in question.group(0)


def test_only_a_question_with_parts_is_drawn_in_parts(hook):
    for question in QUESTIONS:
        assert (hook.widget_for(question) == "parts") == bool(question.parts), question.id


# ---------------------------------------------------------------------------
# The answers that alone mean an emergency

def alone(field: str, value: object) -> str:
    """The level of the answers that give only this one answer (and what is required)."""
    return assess({"hours_since_massage": 5, "severity": 2, field: value}).level


def form_values(question) -> list[tuple[object, str]]:
    """Each answer of a box or a choice question, with the value its control sends."""
    if question.kind == BOOLEAN:
        return [(True, "true")]
    return [(value, value) for value in question.values]


def test_the_emergency_answers_are_those_that_alone_mean_an_emergency(hook):
    marked = hook.emergency_answers()
    for question in QUESTIONS:
        if question.kind not in (BOOLEAN, CHOICE):
            continue
        for answer, sent in form_values(question):
            emergency = alone(question.id, answer) == EMERGENCY
            assert (sent in marked.get(question.id, ())) == emergency, (question.id, answer)
    assert marked["allergic_reaction"] == {"swelling_or_breathing"}  # not an itchy rash only
    assert marked["fainted"] == {"other"}  # not a first faint on standing up


def test_the_emergency_answers_are_marked_on_their_inputs(hook, inputs):
    marked = {(each["name"], each["value"]) for each in inputs.inputs if "data-emergency" in each}
    assert marked == {(field, value) for field, values in hook.emergency_answers().items()
                      for value in values}


def test_an_emergency_no_control_can_show_stops_the_build(hook, monkeypatch):
    rule = Rule("E90", level=EMERGENCY, name="No cough", condition=Is("cough", False),
                reason="You have no cough.", source=Citation("warning-signs", "fever"),
                sign="No cough")
    monkeypatch.setattr(hook, "rules_at", lambda level: (rule,))
    with pytest.raises(ValueError, match="rule E90 is an emergency when a box is left empty"):
        hook.emergency_answers()


def test_the_danger_steps_intro_says_how_to_answer_its_controls(hook, checker_html):
    assert hook.how_to_answer([{"widget": "checkbox"}]) == (
        'Tick each box that is true for you, or "None of these".')
    assert hook.how_to_answer([{"widget": "radios"}, {"widget": "checkbox"}]) == (
        'Tick each box that is true for you, or "None of these", and choose one answer to '
        "each question with choices.")
    # The first danger step has boxes only; the second mixes boxes and choices.
    for section, how in ((SECTIONS[0], 'Tick each box that is true for you, or "None of these".'),
                         (SECTIONS[1], 'Tick each box that is true for you, or "None of these", '
                                       "and choose one answer to each question with choices.")):
        assert section.danger
        intro = re.search(rf'data-section="{section.id}".*?<p class="checker-step__intro">'
                          r"(.*?)</p>", checker_html, re.S)
        assert intro and html.unescape(intro.group(1)) == f"{section.intro} {how}"


# ---------------------------------------------------------------------------
# Why a question is asked, and when the engine does not answer

def test_why_a_question_is_asked_is_its_own_paragraph_that_its_controls_name(inputs,
                                                                           checker_html):
    asked_why = [question for question in QUESTIONS if question.why]
    assert asked_why, "no question says why it is asked"
    for question in asked_why:
        assert inputs.paragraphs[f"w-{question.id}"] == f"Why we ask: {question.why}"
        described = re.search(rf'data-field="{question.id}".*?aria-describedby="([^"]*)"',
                              checker_html, re.S)
        assert described and f"w-{question.id}" in described.group(1).split()
    assert checker_html.count('class="checker-why"') == len(asked_why)


def test_the_fallback_says_whether_the_checker_did_not_start_or_did_not_answer(checker_html):
    fallback = re.search(r'<div id="checker-fallback".*?</div>', checker_html, re.S)
    assert fallback
    assert re.search(r'data-when="start">The checker could not start', fallback.group(0))
    assert re.search(r'data-when="answer" hidden>The checker did not answer', fallback.group(0))
