"""Issue 18, on a phone (390 x 844, touch), by taps: a danger answer stops the
questions with a call button whose number follows the device's language and time
zone; "Continue the questions anyway"; an emergency result's call button on the
first screen; nothing answered before the reader answers; no footer link under
the form; the review lists every Yes; 200 % text; the printout."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from checker.emergency_numbers import place_for
from checker.questions import QUESTIONS
from tests.browser.checker_form import (
    answer_step,
    enter_answers,
    next_step,
    question,
    see_result,
    shown_step,
    step_count,
    step_number,
    wait_for_engine,
)
from tests.browser.conftest import open_before_the_engine
from tests.conftest import PHONE

pytestmark = pytest.mark.browser

SCREEN = PHONE["viewport"]["height"]


def open_checker(open_page, site_url, **options):
    page = open_page(**PHONE, **options)
    page.goto(site_url + "checker/")
    wait_for_engine(page)
    return page


@pytest.mark.parametrize(("locale", "zone", "first", "among"), [
    ("en-GB", "Europe/London", "999", "112"),
    ("en-US", "America/New_York", "911", "112"),
    ("de-DE", "Europe/Berlin", "112", "911"),
    ("ru-RU", "Europe/Moscow", "112", "103"),
    ("en-AU", "Australia/Sydney", "000", "112"),
    ("fr-FR", "Asia/Tokyo", "112", "999"),  # a zone the table does not know: the language
])
def test_a_danger_answer_stops_the_questions_with_a_call_button(open_page, own_site_host,
                                                                 locale, zone, first, among):
    # The danger answer tapped before the engine has arrived: the stop needs none.
    page = open_page(**PHONE, locale=locale, timezone_id=zone)
    open_before_the_engine(page, own_site_host, "checker/")
    assert place_for(zone, (locale,)).emergency[0].number == first  # the same guess in Python
    page.locator("label[for='q-saddle_numbness']").tap()
    stop = page.locator("#checker-stop")
    expect(stop).to_be_visible()
    expect(page.locator("#checker-form")).to_be_hidden()  # no Next under the thumb
    call = stop.locator(".call-now__button")
    assert call.get_attribute("href") == f"tel:{first}"
    box = call.bounding_box()
    assert box["y"] >= 0 and box["y"] + box["height"] <= SCREEN  # on the screen at once
    others = stop.locator(".call-now__others a").evaluate_all("links => links.map(l => l.href)")
    assert f"tel:{among}" in others and f"tel:{first}" not in others
    # The sign in words and why it matters, from the rule table (E1).
    assert "numbness around your genitals" in stop.inner_text()
    page.get_by_role("button", name="Continue the questions anyway").tap()
    expect(stop).to_be_hidden()
    assert step_number(page) == 1
    alert = page.locator("#checker-emergency-alert")
    expect(alert).to_be_visible()
    assert alert.locator(".call-now__button").get_attribute("href") == f"tel:{first}"


def test_the_instruction_stays_on_every_later_step_and_the_result_calls_on_the_first_screen(
        open_returning_page, site_url):
    page = open_checker(open_returning_page, site_url, locale="en-GB",
                        timezone_id="Europe/London")
    enter_answers(page, {"hours_since_massage": 20, "severity": 4, "bladder_bowel": True})
    expect(page.locator("#checker-emergency-alert")).to_be_visible()  # on the review too
    result = see_result(page)
    assert result.get_attribute("data-level") == "emergency"
    page.evaluate("window.scrollTo(0, 0)")
    result.scroll_into_view_if_needed()
    call = result.locator(".call-now__button")
    box = call.bounding_box()
    assert call.get_attribute("href") == "tel:999"
    assert 0 <= box["y"] and box["y"] + box["height"] <= SCREEN, box


def test_no_safety_question_is_answered_before_the_reader_answers_it(open_returning_page,
                                                                     site_url):
    page = open_checker(open_returning_page, site_url)
    assert page.locator("#checker-form input:checked").count() == 0
    for asked in QUESTIONS:
        item = question(page, asked.id)
        if asked.kind in ("boolean", "choice") and item.get_attribute("data-widget") != "checkbox":
            assert item.locator("input[type=radio]").count() >= 2, asked.id
            assert item.get_attribute("data-required") is not None, asked.id
    # Next without an answer: the form asks, naming the danger signs' own "None of these".
    page.locator(".checker-nav [data-action='next']").tap()
    expect(page.locator("#checker-problem")).to_contain_text("None of these")
    assert step_number(page) == 1


def test_the_page_has_no_footer_link_and_asks_before_a_link_loses_the_answers(
        open_returning_page, site_url):
    # A tab of its own: it listens for the page's questions (dialogs).
    page = open_checker(open_returning_page, site_url, own_tab=True)
    assert page.locator(".md-footer__link").filter(visible=True).count() == 0
    page.locator("label[for='q-emergency-none']").tap()
    asked: list[str] = []
    leave_when_asked = [False]

    def answer(dialog):
        asked.append(dialog.message)
        if leave_when_asked[0]:
            dialog.accept()
        else:
            dialog.dismiss()

    page.on("dialog", answer)
    # A link in the page's own text, below the form (a phone's header hides the logo).
    leave = page.locator("article").get_by_role("link", name="how the checker decides", exact=True)
    leave.tap()
    page.wait_for_timeout(500)
    assert asked and "answers will be lost" in asked[0]
    assert page.url.endswith("/checker/")
    assert page.locator("#q-emergency-none").is_checked()
    # Said yes to, the link is followed.
    leave_when_asked[0] = True
    leave.tap()
    page.wait_for_url("**/checker/how-it-decides/")
    assert len(asked) >= 2


def test_the_review_lists_every_yes_and_folds_the_rest(open_returning_page, site_url):
    page = open_checker(open_returning_page, site_url)
    yes = {"hours_since_massage": 30, "severity": 3, "first_massage": True,
           "movement_limited": True, "headache": True, "anticoagulants": True}
    enter_answers(page, yes)
    review = shown_step(page).locator("#checker-review")
    shown = review.locator(":scope > dl .checker-review__row").evaluate_all(
        "rows => rows.map(row => row.querySelector('[data-change]').dataset.change)")
    for field, answer in yes.items():
        if answer is True:
            assert field in shown, field
    assert re.search(r"You said no to \d+ others|other answers",
                     review.locator("details summary").inner_text())
    assert len(shown) < 12
    assert page.locator(".checker-nav [data-action='check']").inner_text() == "See my advice"


# On the page shown: the page's width, every word of the checker that is drawn whose
# boxes sit on more than one line (a word broken inside) or past the screen's edge,
# and any text styled to break words anywhere. A hyphen or a slash is a place where a
# line may break, so the words are taken between them.
READING = """width => {
  const broken = [], outside = [], styles = [];
  const walker = document.createTreeWalker(document.querySelector('#checker-page'),
                                           NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('svg')) continue;
    const style = getComputedStyle(parent);
    if (style.wordBreak === 'break-all' || style.overflowWrap === 'anywhere'
        || style.hyphens === 'auto') {
      styles.push(parent.tagName);
    }
    const words = /[^\\s\\-\\u2010-\\u2014\\/]+/g;
    for (let word = words.exec(node.textContent); word; word = words.exec(node.textContent)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const boxes = [...range.getClientRects()].filter((box) => box.width > 0 && box.height > 0);
      if (new Set(boxes.map((box) => Math.round(box.bottom))).size > 1) broken.push(word[0]);
      if (boxes.some((box) => box.left < -1 || box.right > width + 1)) outside.push(word[0]);
    }
  }
  return { width: document.documentElement.scrollWidth, broken, outside, styles };
}"""


def large_text(page) -> None:
    """Set the browser's text size to 200 % (32 px instead of 16 px), as a reader does
    in the browser's settings: rem, em and the media queries' em all follow."""
    session = page.context.new_cdp_session(page)
    session.send("Page.enable")
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})


def assert_reads_at_large_text(page, where: str) -> None:
    found = page.evaluate(READING, PHONE["viewport"]["width"])
    assert found == {"width": PHONE["viewport"]["width"], "broken": [], "outside": [],
                     "styles": []}, where


def test_at_200_percent_text_nothing_scrolls_sideways_or_breaks_a_word(open_returning_page,
                                                                       site_url):
    # A tab of its own: the text size is a setting of the tab.
    page = open_returning_page(**PHONE, locale="en-GB", timezone_id="Europe/London",
                               own_tab=True)
    large_text(page)
    page.goto(site_url + "checker/")
    wait_for_engine(page)
    assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") >= 40
    assert_reads_at_large_text(page, "step 1")
    page.locator("label[for='q-limb_weakness']").tap()
    expect(page.locator("#checker-stop")).to_be_visible()
    assert_reads_at_large_text(page, "the stop")
    page.get_by_role("button", name="Continue the questions anyway").tap()
    # The instruction at the bottom of each step shrinks to its title and call button.
    alert = page.locator("#checker-emergency-alert")
    expect(alert).to_be_visible()
    shown = alert.locator(":scope > *").evaluate_all(
        "parts => parts.filter(part => part.getClientRects().length).map(part => part.className)")
    assert shown == ["admonition-title", "call-now"], shown
    assert alert.locator(".call-now__others").is_hidden()
    assert alert.locator(".call-now__button").is_visible()
    assert alert.bounding_box()["height"] <= SCREEN / 2
    while step_number(page) < step_count(page):
        assert_reads_at_large_text(page, f"step {step_number(page)}")
        answer_step(page, {"hours_since_massage": 20, "severity": 4})
        next_step(page)
    assert_reads_at_large_text(page, "the review")
    # Each row of the review stacks: the question, then its answer, then "Change".
    for row in shown_step(page).locator(".checker-review__row").filter(visible=True).all():
        question_box, answer_box, change_box = (part.bounding_box() for part in
                                                row.locator(":scope > *").all())
        assert question_box["y"] + question_box["height"] <= answer_box["y"] + 1
        assert answer_box["y"] + answer_box["height"] <= change_box["y"] + 1
    result = see_result(page)
    for summary in result.locator("details > summary").all():
        summary.tap()  # the folded parts open, to be read too
    assert_reads_at_large_text(page, "the result")
