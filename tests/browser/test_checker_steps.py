"""The checker on a phone (390 x 844, touch), one step at a time: the browser's
Back button between steps (on a fresh load and after instant navigation), focus
on each new step's heading, the review and its "Change", the time since the
massage in days and hours, a question shown by another step's answer, why a
question is asked, a whole case by keyboard alone, answer targets a thumb can
hit, the back map, the chart of the usual course, and the one-page printout for
a doctor."""

from __future__ import annotations

import json
import re

import pytest
from playwright.sync_api import expect

from checker import assess
from checker.course import phase_at
from checker.questions import QUESTIONS_BY_ID, SECTIONS
from tests.browser.checker_form import (
    answer_step,
    answer_up_to,
    button,
    change_answer,
    continue_past_the_stop,
    enter_answers,
    next_step,
    press,
    question,
    see_result,
    shown_step,
    step_count,
    step_number,
    step_of,
    tap_answer,
    wait_for_engine,
)

pytestmark = pytest.mark.browser

ORDINARY = {"hours_since_massage": 20, "severity": 4, "first_massage": True,
            "massage_type": "deep_tissue", "pain_areas": ["upper_back", "lower_back"],
            "trend": "same"}
PAIN_AREAS = list(QUESTIONS_BY_ID["pain_areas"].values)
MIN_TARGET = 44  # px: the smallest target a thumb hits reliably (WCAG 2.5.5, Apple, Google)


def focused_id(page) -> str:
    return page.evaluate("document.activeElement.id")


def time_typed(page) -> list[str]:
    """What the boxes of the time since the massage hold: days, hours."""
    boxes = question(page, "hours_since_massage").locator("input")
    return [box.input_value() for box in boxes.all()]


# ---------------------------------------------------------------------------
# Steps and the browser's history

def test_the_steps_follow_the_sections_with_focus_on_each_heading(checker_phone):
    page = checker_phone
    assert step_count(page) == len(SECTIONS) + 1
    for number, section in enumerate(SECTIONS, start=1):
        assert step_number(page) == number
        assert shown_step(page).get_attribute("data-section") == section.id
        heading = shown_step(page).locator("h2").text_content() or ""
        assert heading.startswith(f"Step {number} of {len(SECTIONS) + 1}")
        assert heading.endswith(section.title)
        if number > 1:
            assert focused_id(page) == f"checker-step-title-{number}"
        answer_step(page, ORDINARY)
        next_step(page)
    assert focused_id(page) == f"checker-step-title-{len(SECTIONS) + 1}"
    assert (shown_step(page).locator("h2").text_content() or "").endswith("Your answers")


def walk_back_and_forth(page) -> None:
    """On to the pain step, Back twice and Forward twice with the browser's buttons:
    each time the right step, its heading focused and the answers kept."""
    hours, pain = step_of("hours_since_massage"), step_of("severity")
    assert pain == hours + 1
    answer_up_to(page, "severity", {"hours_since_massage": 20})
    answer_step(page, {"severity": 4})
    assert re.search(rf"#step-{pain}$", page.url)
    page.go_back()
    expect(shown_step(page)).to_have_attribute("data-step", str(hours))
    assert focused_id(page) == f"checker-step-title-{hours}"
    assert time_typed(page) == ["", "20"]
    page.go_back()
    expect(shown_step(page)).to_have_attribute("data-step", str(hours - 1))
    page.go_forward()
    page.go_forward()
    expect(shown_step(page)).to_have_attribute("data-step", str(pain))
    assert question(page, "severity").locator("input[value='4']").is_checked()
    assert time_typed(page) == ["", "20"]


def back_to_the_first_step(page) -> None:
    """From the step shown, the browser's Back once per step, to the first step."""
    for number in range(step_number(page) - 1, 0, -1):
        page.go_back()
        expect(shown_step(page)).to_have_attribute("data-step", str(number))


def test_back_goes_back_a_step_on_a_freshly_loaded_page(returning_phone, site_url):
    page = returning_phone
    page.goto(site_url)
    page.goto(site_url + "checker/")
    wait_for_engine(page)
    page.evaluate("window.__samePage = document.querySelector('#checker-page')")
    walk_back_and_forth(page)
    # Nothing reloaded the page or swapped the form (instant navigation would).
    assert page.evaluate("window.__samePage === document.querySelector('#checker-page')")
    back_to_the_first_step(page)
    page.go_back()  # from the first step, Back leaves the checker
    page.wait_for_url(site_url)


def test_back_goes_back_a_step_after_instant_navigation(returning_phone, site_url):
    page = returning_phone
    page.goto(site_url)
    page.evaluate("window.__sameDocument = true")
    page.locator("article a[href$='checker/']").first.tap()
    page.locator("#checker-form").wait_for()
    wait_for_engine(page)
    page.evaluate("window.__samePage = document.querySelector('#checker-page')")
    walk_back_and_forth(page)
    assert page.evaluate("window.__samePage === document.querySelector('#checker-page')")
    back_to_the_first_step(page)
    page.go_back()  # from the first step, Back leaves the checker, by instant navigation
    page.wait_for_url(site_url)
    page.locator("article a[href$='checker/']").first.wait_for()
    assert page.evaluate("window.__sameDocument") is True


def test_the_pages_own_back_button_keeps_the_answers(checker_phone):
    page = checker_phone
    answer_up_to(page, "hours_since_massage")
    answer_step(page, {"hours_since_massage": 30, "massage_type": "sports"})
    next_step(page)
    button(page, "back").tap()
    expect(shown_step(page)).to_have_attribute("data-step", str(step_of("hours_since_massage")))
    assert time_typed(page) == ["1", "6"]
    assert question(page, "massage_type").locator("input[value='sports']").is_checked()
    for number in range(step_number(page) - 1, 0, -1):
        assert button(page, "back").is_visible()
        button(page, "back").tap()
        expect(shown_step(page)).to_have_attribute("data-step", str(number))
    assert button(page, "back").is_hidden()


def test_back_from_the_result_shows_the_review_and_forward_the_result(checker_phone):
    page = checker_phone
    enter_answers(page, ORDINARY)
    result = see_result(page)
    assert page.url.endswith("#result")
    page.go_back()
    expect(result).to_be_hidden()
    assert step_number(page) == step_count(page)
    page.go_forward()
    expect(result).to_be_visible()
    assert result.get_attribute("data-level") == "self_care"


def test_a_fresh_page_starts_at_the_first_step_whatever_its_address(returning_phone, site_url):
    page = returning_phone
    page.goto(site_url + "checker/#step-4")
    wait_for_engine(page)
    assert step_number(page) == 1
    assert not page.url.endswith("#step-4")


# ---------------------------------------------------------------------------
# The review

def test_the_review_gives_every_answer_in_words_with_a_way_to_change_it(checker_phone):
    page = checker_phone
    enter_answers(page, ORDINARY)
    review = shown_step(page)
    rows = review.locator(".checker-review__row")
    shown = page.locator("[data-field]:not([hidden])").count()
    assert rows.count() == shown
    assert review.locator("button[data-change]").count() == shown
    # The answers that shape the advice are shown, each with its "Change"; the rest
    # are folded away, each still with its own.
    assert review.get_by_role("button", name=re.compile("^Change")).count() < shown
    review.locator("details.checker-review__rest > summary").tap()
    assert review.get_by_role("button", name=re.compile("^Change")).count() == shown
    text = review.text_content() or ""  # the usual answers are folded away, still there
    for words in ("20 hours ago", "4 out of 10 (moderate)", "Deep tissue (firm, deep pressure)",
                  "Upper back (between the shoulder blades); Lower back", "About the same"):
        assert words in text, words

    review.get_by_role("button", name="Change: How long ago did the massage end?").tap()
    assert step_number(page) == step_of("hours_since_massage")
    assert page.evaluate("document.activeElement.name") == "hours_since_massage"
    tap_answer(question(page, "hours_since_massage"), 100)
    button(page, "review").tap()
    expect(shown_step(page)).to_have_attribute("data-review", "")
    assert "4 days and 4 hours ago" in shown_step(page).inner_text()
    assert see_result(page).get_attribute("data-level") == "doctor"


# ---------------------------------------------------------------------------
# The time since the massage, in days and hours

HOURS = QUESTIONS_BY_ID["hours_since_massage"]


def time_box(page, unit: str):
    return question(page, "hours_since_massage").get_by_label(unit, exact=True)


def review_words(page, field: str) -> str:
    row = shown_step(page).locator(f".checker-review__row:has([data-change='{field}'])")
    return row.locator("dd").first.inner_text()


def test_the_time_is_typed_in_a_large_box_per_part(checker_phone):
    page = checker_phone
    answer_up_to(page, "hours_since_massage")
    boxes = question(page, "hours_since_massage").locator("input")
    assert boxes.count() == len(HOURS.parts)
    for box, part in zip(boxes.all(), HOURS.parts, strict=True):
        assert box.get_attribute("id") == time_box(page, part.many).get_attribute("id")
        assert box.get_attribute("name") == "hours_since_massage"
        assert box.get_attribute("inputmode") == "numeric"
        assert box.get_attribute("data-size") == str(part.size)
        assert box.get_attribute("max") == str(part.maximum)
        size = box.bounding_box()
        assert size["height"] >= MIN_TARGET and size["width"] >= MIN_TARGET


def test_a_box_out_of_its_range_or_not_whole_is_named(checker_phone):
    page = checker_phone
    answer_up_to(page, "hours_since_massage")
    answer_step(page, {"hours_since_massage": 1})  # the step's other questions answered
    for box in question(page, "hours_since_massage").locator("input").all():
        box.fill("")
    problem = page.locator("#checker-problem")
    press(button(page, "next"))  # both boxes empty: not answered
    expect(problem).to_contain_text(f'Please answer this question: "{HOURS.text}"')
    for unit, typed, limit in (("hours", "30", "from 0 to 23"), ("days", "1.5", "from 0 to 365"),
                               ("days", "400", "from 0 to 365"), ("hours", "-2", "from 0 to 23")):
        for box in question(page, "hours_since_massage").locator("input").all():
            box.fill("")
        press(time_box(page, unit))
        time_box(page, unit).fill(typed)
        press(button(page, "next"))
        expect(problem).to_contain_text(f"{unit}: type a whole number {limit}")
        assert step_number(page) == step_of("hours_since_massage"), typed
        assert page.evaluate("document.activeElement.id") == f"q-hours_since_massage-{unit}"
    time_box(page, "hours").fill("")
    time_box(page, "days").fill("1")  # an empty box counts 0
    next_step(page)


def test_days_and_hours_are_sent_as_hours_and_said_back_in_words(checker_phone):
    page = checker_phone
    enter_answers(page, {"hours_since_massage": 2 * 24 + 4, "severity": 4})
    assert review_words(page, "hours_since_massage") == "2 days and 4 hours ago"
    # Each answer said as checker/questions.py says it, whatever the page's parts.
    for hours in (0, 1, 5, 24, 25, 48, 8760):
        shown_step(page).locator("[data-change='hours_since_massage']").tap()
        tap_answer(question(page, "hours_since_massage"), hours)
        button(page, "review").tap()
        expect(shown_step(page)).to_have_attribute("data-review", "")
        assert review_words(page, "hours_since_massage") == f"{HOURS.in_parts(hours)} ago", hours
    # A reader who types 5 days: the engine is sent 120 hours (the result's point on the chart).
    shown_step(page).locator("[data-change='hours_since_massage']").tap()
    time_box(page, "hours").fill("")
    time_box(page, "days").fill("5")
    button(page, "review").tap()
    assert review_words(page, "hours_since_massage") == "5 days ago"
    result = see_result(page)
    assert result.get_attribute("data-level") == assess({"hours_since_massage": 120,
                                                          "severity": 4}).level
    assert result.locator(".checker-course__you").get_attribute("data-hours") == "120"


# ---------------------------------------------------------------------------
# A question shown by another answer, and why a question is asked

def test_the_pregnancy_signs_are_asked_only_of_a_reader_who_is_pregnant(checker_phone):
    page = checker_phone
    signs = question(page, "pregnancy_signs")
    enter_answers(page, {"hours_since_massage": 5, "severity": 3})
    assert shown_step(page).locator("[data-change='pregnancy_signs']").count() == 0
    change_answer(page, "pregnant")
    expect(signs).to_be_hidden()
    tap_answer(question(page, "pregnant"), True)
    expect(signs).to_be_visible()
    tap_answer(signs, True)
    # Kept across steps: to the review by the browser's buttons, and back.
    page.go_back()
    expect(shown_step(page)).to_have_attribute("data-review", "")
    assert review_words(page, "pregnancy_signs") == "Yes"
    page.go_forward()
    expect(signs).to_be_visible()
    assert signs.locator("input[value='true']").is_checked()
    while step_number(page) < step_count(page):  # on through the steps already answered
        next_step(page)
    assert review_words(page, "pregnancy_signs") == "Yes"
    result = see_result(page)
    assert result.get_attribute("data-level") == "urgent"  # U26: the midwife, now
    # Not pregnant after all: the signs are hidden again, and neither asked nor sent.
    result.get_by_role("button", name="Change my answers").tap()
    change_answer(page, "pregnant")
    tap_answer(question(page, "pregnant"), False)
    expect(signs).to_be_hidden()
    button(page, "review").tap()
    assert shown_step(page).locator("[data-change='pregnancy_signs']").count() == 0
    assert see_result(page).get_attribute("data-level") == "self_care"


def test_why_the_age_is_asked_is_said_where_it_is_asked(checker_phone):
    page = checker_phone
    why = QUESTIONS_BY_ID["age_group"].why
    age = question(page, "age_group")
    enter_answers(page, {"hours_since_massage": 5, "severity": 3})
    change_answer(page, "age_group")
    paragraph = age.locator(".checker-why")
    expect(paragraph).to_be_visible()
    assert why in paragraph.inner_text()
    described = age.locator("fieldset").get_attribute("aria-describedby") or ""
    assert paragraph.get_attribute("id") in described.split()
    assert page.locator(".checker-why").count() == sum(1 for q in QUESTIONS_BY_ID.values() if q.why)


# ---------------------------------------------------------------------------
# Keyboard alone

def tab_to(page, selector: str, limit: int = 150) -> None:
    """Press Tab until the focused element matches ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"Tab never reached {selector}")


# The questions a reader must answer, and the lists of boxes, in page order; of them,
# those not answered yet: a question by its field, a list as "list:<section>".
UNANSWERED_PLACES = "[data-field][data-required]:not([hidden]), [data-none-for]"
UNANSWERED = """places => places.filter(place => place.dataset.noneFor
        ? !place.closest('.checker-step').querySelector(
            "[data-widget='checkbox'] input:checked, [data-none-of-section]:checked")
        : !place.querySelector('input:checked'))
    .map(place => place.dataset.field || 'list:' + place.dataset.noneFor)"""


def keyboard_answer_the_rest(page) -> None:
    """By keyboard: every question of the step shown that is not answered yet, with
    the usual answer (No, "None of these", the spec's default choice)."""
    from tests.browser.checker_form import usual_answer
    step = shown_step(page)
    for field in step.locator(UNANSWERED_PLACES).evaluate_all(UNANSWERED):
        if field.startswith("list:"):  # a list of boxes, none of them ticked: its "None of these"
            tab_to(page, f"input[data-none-of-section='{field[5:]}']")
            page.keyboard.press("Space")
            continue
        item = question(page, field)
        if item.locator("[data-none-of]").count():
            tab_to(page, f"input[data-none-of='{field}']")
        elif item.locator("input[data-size]").count() or item.locator("input[type=number]").count():
            continue
        else:
            usual = usual_answer(field)
            value = {True: "true", False: "false"}.get(usual, usual)  # type: ignore[call-overload]
            tab_to(page, f"input[name='{field}']")  # into the group, then along it
            for _ in range(12):
                if page.evaluate("document.activeElement.value") == value:
                    break
                page.keyboard.press("ArrowDown")
        page.keyboard.press("Space")


def test_a_whole_case_by_keyboard_alone(checker_phone):
    page = checker_phone
    def keyboard_next(number: int) -> None:
        tab_to(page, "[data-action='next']")
        page.keyboard.press("Enter")
        expect(shown_step(page)).to_have_attribute("data-step", str(number))
        assert focused_id(page) == f"checker-step-title-{number}"

    while step_number(page) < step_of("hours_since_massage"):  # the danger signs: none
        keyboard_answer_the_rest(page)
        keyboard_next(step_number(page) + 1)
    page.keyboard.press("Tab")            # into the days, left empty
    page.keyboard.press("Tab")            # into the hours
    page.keyboard.type("20")
    keyboard_answer_the_rest(page)
    keyboard_next(step_of("severity"))
    page.keyboard.press("Tab")            # into the pain score, on 0
    for _ in range(4):
        page.keyboard.press("ArrowRight")
    tab_to(page, "input[name='pain_areas'][value='lower_back']")
    page.keyboard.press("Space")
    while step_number(page) < step_count(page) - 1:
        keyboard_answer_the_rest(page)
        keyboard_next(step_number(page) + 1)
    keyboard_answer_the_rest(page)
    tab_to(page, "[data-action='next']")
    page.keyboard.press("Enter")
    expect(shown_step(page)).to_have_attribute("data-review", "")
    tab_to(page, "[data-action='check']")
    page.keyboard.press("Enter")
    result = page.locator("#checker-result[data-level]")
    result.wait_for()
    assert result.get_attribute("data-level") == "self_care"
    assert focused_id(page) == "checker-result"
    assert page.locator("#checker-result").get_by_text("4 out of 10 (moderate)").count() == 1
    assert "Lower back" in page.locator(".checker-summary").text_content()


# ---------------------------------------------------------------------------
# Short: taps, and the height of each step and of a result

# 5/10 the day after a first deep-tissue massage, nothing else to report: every other
# answer is No, "None of these" or the usual choice, each given by a tap.
SELF_CARE = {"hours_since_massage": 20, "severity": 5, "first_massage": True,
             "massage_type": "deep_tissue", "pain_areas": ["upper_back"]}
# Taps for it, the one into the hours box among them: every step's Next and "See my
# advice" are 9 of them. Issue 18 aimed at about 20; with every safety question asked
# (nothing answered for the reader) and no step taller than two screens, this is the
# fewest the questions of policy v3 allow on this form (see the README).
SELF_CARE_TAPS = 32
TWO_SCREENS = 2 * 844  # px: two screens of the 390 x 844 phone


def test_an_ordinary_self_care_case_takes_few_taps_and_its_result_two_screens(
        checker_phone, monkeypatch):
    import tests.browser.checker_form as form
    page = checker_phone
    taps = []
    real_press = form.press
    monkeypatch.setattr(form, "press", lambda target: (taps.append(1), real_press(target)))
    enter_answers(page, SELF_CARE)
    result = see_result(page)
    assert result.get_attribute("data-level") == "self_care"
    assert len(taps) <= SELF_CARE_TAPS, len(taps)
    assert result.bounding_box()["height"] <= TWO_SCREENS


# The ordinary case, and a pregnant reader, whose step shows the pregnancy signs too.
@pytest.mark.parametrize("answers", [SELF_CARE, {**SELF_CARE, "pregnant": True}],
                         ids=["self-care", "pregnant"])
def test_no_step_is_taller_than_two_screens(checker_phone, answers):
    page = checker_phone
    heights = {}
    while step_number(page) < step_count(page):
        answer_step(page, answers)
        heights[step_number(page)] = shown_step(page).bounding_box()["height"]
        next_step(page)
    assert {step: height for step, height in heights.items() if height > TWO_SCREENS} == {}


# ---------------------------------------------------------------------------
# Targets a thumb can hit

TARGETS = """step => [...step.querySelectorAll('[data-field]:not([hidden]) input')].map(input => {
    const target = input.closest('label') || input;
    return [input.name + '=' + input.value, target.getBoundingClientRect().height,
            target.getBoundingClientRect().width];
})"""


def test_every_answer_is_a_target_at_least_44_px_tall(checker_phone):
    page = checker_phone
    tap_answer(question(page, "saddle_numbness"), True)  # shows the emergency instruction too
    continue_past_the_stop(page)
    measured = {}
    while step_number(page) < step_count(page):
        answer_step(page, {"hours_since_massage": 20, "severity": 4, "fever": "low"})
        for name, height, width in shown_step(page).evaluate(TARGETS):
            measured[name] = (height, width)
        for action in ("next", "back"):
            if button(page, action).is_visible():
                measured[action] = (button(page, action).bounding_box()["height"], MIN_TARGET)
        next_step(page)
    for change in page.locator(".checker-change").all()[:3]:
        measured["change"] = (change.bounding_box()["height"], MIN_TARGET)
    assert "cough=true" in measured  # the question shown by a raised temperature
    too_small = {name: size for name, size in measured.items()
                 if size[0] < MIN_TARGET or size[1] < MIN_TARGET}
    assert too_small == {}
    for value in range(11):
        assert f"severity={value}" in measured


# ---------------------------------------------------------------------------
# The back map

def map_area(page, value: str):
    return page.locator(f".checker-map__area[data-value='{value}']")


def ticked_areas(page) -> list[str]:
    return [value for value in PAIN_AREAS
            if page.locator(f"input[name='pain_areas'][value='{value}']").is_checked()]


def lit_areas(page) -> list[str]:
    return [value for value in PAIN_AREAS
            if "checker-map__area--chosen" in (map_area(page, value).get_attribute("class") or "")]


def test_the_map_and_the_boxes_set_each_other_exactly(checker_phone):
    page = checker_phone
    answer_up_to(page, "severity", {"hours_since_massage": 20})
    for value in PAIN_AREAS:
        for path in map_area(page, value).locator("path").all():  # both sides of the ribs
            path.tap()
            assert ticked_areas(page) == [value] and lit_areas(page) == [value], value
            path.tap()
            assert ticked_areas(page) == [] and lit_areas(page) == [], value
    for value in PAIN_AREAS:
        page.locator(f"label:has(input[name='pain_areas'][value='{value}'])").tap()
        assert lit_areas(page) == [value] and ticked_areas(page) == [value], value
        page.locator(f"label:has(input[name='pain_areas'][value='{value}'])").tap()
    map_area(page, "neck").locator("path").tap()
    map_area(page, "tailbone").locator("path").tap()
    assert ticked_areas(page) == lit_areas(page) == ["neck", "tailbone"]


def test_the_map_is_a_second_way_in_hidden_from_assistive_technology(checker_phone):
    page = checker_phone
    answer_up_to(page, "severity", {"hours_since_massage": 20})
    drawing = page.locator(".checker-map")
    assert drawing.get_attribute("aria-hidden") == "true"
    assert drawing.locator("[tabindex], a, button").count() == 0
    for _, label in QUESTIONS_BY_ID["pain_areas"].choices:  # the boxes stay the control
        assert page.get_by_role("checkbox", name=label, exact=True).count() == 1


# ---------------------------------------------------------------------------
# The usual course, as a picture

CASES = {
    "self_care": {"hours_since_massage": 20, "severity": 4},
    "doctor": {"hours_since_massage": 96, "severity": 4},
    "urgent": {"hours_since_massage": 20, "severity": 4, "fever": "high"},
    "emergency": {"hours_since_massage": 20, "severity": 4, "saddle_numbness": True},
}


@pytest.mark.parametrize("level", CASES)
def test_the_chart_of_the_usual_course_shows_for_calm_results_only(checker_phone, level):
    page = checker_phone
    answers = CASES[level]
    assert assess(answers).level == level
    enter_answers(page, answers)
    result = see_result(page)
    assert result.get_attribute("data-level") == level
    if level not in ("urgent", "emergency"):
        result.locator("details.checker-part--course > summary").tap()  # folded away
    chart = result.get_by_role("img", name=re.compile("usually runs"))
    if level in ("urgent", "emergency"):
        assert result.locator(".checker-course").count() == 0
        assert chart.count() == 0
        return
    expect(chart).to_be_visible()
    # The time axis is ticked in days, named as the question names its parts.
    day = QUESTIONS_BY_ID["hours_since_massage"].parts[0]
    ticks = chart.locator("text").all_text_contents()
    assert ["0", f"1 {day.one}", f"2 {day.many}"] == ticks[:3]
    point = chart.locator(".checker-course__you")
    hours, pain = answers["hours_since_massage"], answers["severity"]
    assert point.get_attribute("data-hours") == str(hours)
    assert point.get_attribute("data-pain") == str(pain)
    # The point sits where its numbers say, on the chart's own axes.
    axis = chart.locator(".checker-course__axis")
    x0, x1 = (float(axis.get_attribute(name) or 0) for name in ("x1", "x2"))
    cx = float(point.get_attribute("cx") or 0)
    shown = json.loads(page.locator("#checker-form").get_attribute("data-course") or "")
    assert cx == pytest.approx(x0 + (x1 - x0) * hours / shown["hours_shown"])
    # The same, in words.
    words = result.locator("#checker-course-text").inner_text()
    assert chart.get_attribute("aria-describedby") == "checker-course-text"
    assert f"{hours} hours after the massage, pain {pain} out of 10" in words
    assert phase_at(hours).words in words
    assert "48 hours" in words and "72 hours" in words


# ---------------------------------------------------------------------------
# The printout for a doctor

HEAVY = {"hours_since_massage": 100, "severity": 8, "pain_areas": ["neck", "lower_back", "ribs"],
         "headache": True, "fever": "high", "cough": True, "anticoagulants": True,
         "painkillers": "not_helped", "trend": "worse", "night_pain": True,
         "pain_down_leg": True, "movement_limited": True,
         "conditions": ["osteoporosis", "cancer"], "recent_injury": True,
         "redness_swelling": True}


# The font sizes of every printed element that holds text, in CSS pixels.
PRINTED_SIZES = """() => [...document.querySelectorAll('#checker-result *')]
    .filter(el => el.getClientRects().length && [...el.childNodes].some(
        node => node.nodeType === 3 && node.textContent.trim()))
    .map(el => parseFloat(getComputedStyle(el).fontSize))"""


def site_url(page) -> str:
    return page.url.split("checker/")[0]


def pdf_pages(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b", pdf))


@pytest.mark.parametrize("answers", [ORDINARY, HEAVY],
                         ids=["ordinary", f"{len(assess(HEAVY).reasons)} reasons"])
def test_the_printout_is_one_a4_page_with_what_a_doctor_needs(checker_phone, answers):
    page = checker_phone
    enter_answers(page, answers)
    see_result(page)
    expected = assess(answers)
    assert pdf_pages(page.pdf(format="A4")) == 1
    page.emulate_media(media="print")
    printed = page.locator("#checker-result").inner_text()
    assert re.search(r"Date: .*\d{4}", printed)
    assert "Made on this device; nothing was sent." in printed
    assert expected.headline in printed and expected.action in printed
    for reason in expected.reasons:
        assert reason.text in printed
    assert "painful areas: " in printed.lower() and "pain score: " in printed.lower()
    for left_out in (".checker-part--advice", ".checker-part--safety-net", ".checker-actions"):
        assert page.locator(left_out).is_hidden()
    assert page.locator("#checker-form").is_hidden()
    # Where, when and by which policy; when the massage was.
    assert site_url(page) in printed
    assert f"policy version {expected.to_dict()['policy']}" in printed
    assert re.search(r"Massage: about .*\d{4}", printed)
    # Every printed word in 11 pt or larger (11 pt is 14.67 CSS pixels).
    sizes = page.evaluate(PRINTED_SIZES)
    assert sizes and min(sizes) >= 11 * 96 / 72 - 0.01, sorted(set(sizes))
    # The answers that shape the advice first, each marked; then the rest.
    summary = page.locator(".checker-summary").inner_text()
    marked = [part.strip() for part in summary.split("\u25b6")[1:]]
    for field, answer in answers.items():
        default = QUESTIONS_BY_ID[field].default
        if answer == (list(default) if isinstance(default, tuple) else default):
            continue  # the usual answer ("about the same"): among the rest
        topic = QUESTIONS_BY_ID[field].topic
        assert any(part.lower().startswith(topic.lower()) for part in marked), field
    assert summary.index("\u25b6 ") < summary.index("Answered no:")
