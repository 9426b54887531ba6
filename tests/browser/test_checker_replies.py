"""The checker's result always matches the answers on the page, and every
request to the engine settles: on a phone's first visit the engine takes half a
minute to start, and a reader may change an answer meanwhile; a worker that
dies or hangs after it is ready must not leave the reader waiting. On a phone
(390 x 844, touch), by taps, in real headless Chromium with real Pyodide."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from playwright.sync_api import Error, Page, Route, Worker, expect

from tests.browser.checker_form import (
    ENGINE_TIMEOUT,
    button,
    continue_past_the_stop,
    enter_answers,
    press,
    question,
    see_result,
    shown_step,
    step_count,
    step_number,
    tap_answer,
)
from tests.browser.conftest import ready_checker
from tests.conftest import PHONE

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
SELF_CARE = {"hours_since_massage": 20, "severity": 3}


def reply_limit_ms() -> int:
    """The time checker.js gives a ready engine to answer, read from the script itself."""
    script = (ROOT / "docs" / "assets" / "javascripts" / "checker.js").read_text(encoding="utf-8")
    match = re.search(r"const REPLY_LIMIT_MS = ([\d_]+);", script)
    assert match, "checker.js names no REPLY_LIMIT_MS"
    return int(match.group(1).replace("_", ""))


class HeldBack:
    """A route handler that holds every request it gets until released, as a slow
    link would: the engine cannot be ready while its WebAssembly is held back."""

    def __init__(self) -> None:
        self.routes: list[Route] = []
        self.released = False

    def __call__(self, route: Route) -> None:
        if self.released:
            route.continue_()
        else:
            self.routes.append(route)

    def release(self) -> None:
        self.released = True
        for route in self.routes:
            route.continue_()


def engine_worker(page: Page) -> Worker:
    """The checker's engine: the page's module worker running checker-worker.mjs."""
    workers = [worker for worker in page.workers if "checker-worker" in worker.url]
    assert len(workers) == 1, [worker.url for worker in page.workers]
    return workers[0]


def wait_until_started(page: Page) -> None:
    """Wait until nothing of the engine's start is still under way: it was restored from
    a snapshot, or it has kept one (or given up)."""
    page.wait_for_function("() => window.checkerStartup.snapshot"
                           " || window.checkerSnapshot !== undefined", timeout=ENGINE_TIMEOUT)


@pytest.fixture
def checker_phone(checker_phone):
    """The checker, ready, on a returning reader's phone, its start over."""
    wait_until_started(checker_phone)
    return checker_phone


# ---------------------------------------------------------------------------
# A reply for answers that are no longer on the page

def checked_while_the_engine_loads(page, site_url) -> HeldBack:
    """Open the checker with its engine held back, answer, and press the check button;
    return the hold, for the test to release when it wants the engine ready."""
    held = HeldBack()
    page.route("**/pyodide.asm.wasm", held)
    page.goto(site_url + "checker/")
    page.wait_for_function("() => window.checker !== undefined")
    enter_answers(page, SELF_CARE)
    press(button(page, "check"))
    expect(page.locator("#checker-status")).to_contain_text("still loading")
    return held


def test_a_reply_for_answers_changed_meanwhile_is_not_shown(phone, site_url):
    page = phone
    held = checked_while_the_engine_loads(page, site_url)
    status = page.locator("#checker-status")
    # While the engine loads, the reader goes back to the first step and ticks a danger sign.
    while step_number(page) > 1:
        press(button(page, "back"))
    tap_answer(question(page, "saddle_numbness"), True)
    continue_past_the_stop(page)  # past the stop: the instruction stays on the step
    expect(page.locator("#checker-emergency-alert")).to_be_visible()
    held.release()
    expect(status).to_contain_text("Your answers changed", timeout=ENGINE_TIMEOUT)
    expect(status).to_contain_text('Press "See my advice" again')
    # No result for the old answers, and the reader is left where they were.
    result = page.locator("#checker-result")
    assert result.is_hidden() and result.get_attribute("data-level") is None
    assert step_number(page) == 1 and not page.url.endswith("#result")
    # Checked again, the result is for the answers on the page.
    while step_number(page) < step_count(page):
        press(button(page, "next"))
        expect(shown_step(page)).not_to_have_attribute("data-step", "1")
    assert see_result(page).get_attribute("data-level") == "emergency"
    expect(status).to_be_hidden()


def test_a_reply_for_the_same_answers_is_shown_wherever_the_reader_is(phone, site_url):
    page = phone
    held = checked_while_the_engine_loads(page, site_url)
    press(button(page, "back"))  # a look at the step before, nothing changed
    held.release()
    result = page.locator("#checker-result[data-level]")
    result.wait_for(timeout=ENGINE_TIMEOUT)
    assert result.get_attribute("data-level") == "self_care"
    expect(page.locator("#checker-status")).to_be_hidden()


# ---------------------------------------------------------------------------
# An engine that stops answering after it was ready

# The time the page gives the engine to answer, set by the test (window.checkerLimits, as
# test_updates_browser.py does) so that it waits seconds, not REPLY_LIMIT_MS.
QUICK_ANSWER_MS = 3000


def test_an_engine_that_stops_answering_gives_the_warning_signs(open_returning_page, site_url):
    page = open_returning_page(**PHONE, own_tab=True)  # its own: the limit is set in it for good
    page.add_init_script(f"window.checkerLimits = {{ answer: {QUICK_ANSWER_MS} }};")
    ready_checker(page, site_url)
    wait_until_started(page)
    enter_answers(page, SELF_CARE)
    try:
        engine_worker(page).evaluate("close()")  # it ends without a word to the page
    except Error:
        pass  # the worker may be gone before it can say it has run the script
    asked = time.monotonic()
    press(button(page, "check"))
    fallback = page.locator("#checker-fallback")
    # At the limit (nothing else tells the page), within a little more for a loaded machine.
    expect(fallback).to_be_visible(timeout=QUICK_ANSWER_MS + 10_000)
    assert time.monotonic() - asked >= QUICK_ANSWER_MS / 1000 - 0.1
    assert "The checker did not answer" in fallback.inner_text()
    assert "could not start" not in fallback.inner_text()
    assert "genitals" in fallback.inner_text()  # the emergency signs, from the rule table
    assert page.locator("#checker-form").is_hidden()
    assert page.locator("#checker-result").get_attribute("data-level") is None


# Asks the engine twice; each request records how it settled.
ASK_TWICE = """() => {
    window.settled = [];
    for (let ask = 0; ask < 2; ask++) {
        window.checker.assess({hours_since_massage: 5, severity: 2}).then(
            () => settled.push("answered"),
            (error) => settled.push(`${error.noReply ? "no reply" : "refused"}: ${error.message}`));
    }
}"""


def test_a_worker_error_after_ready_fails_every_waiting_request_at_once(checker_phone,
                                                                      page_errors):
    page = checker_phone
    worker = engine_worker(page)
    worker.evaluate("self.onmessage = null")  # it hears no more requests
    page.evaluate(ASK_TWICE)
    worker.evaluate("setTimeout(() => { throw new Error('the engine broke'); })")
    # Failed by the worker's error event, not by the time limit, whose message differs.
    page.wait_for_function("() => window.settled.length === 2", timeout=reply_limit_ms() + 10_000)
    settled = page.evaluate("() => window.settled")
    assert len(settled) == 2
    for each in settled:
        assert each.startswith("no reply: ") and "the engine broke" in each, settled
    # A later request fails at once, too.
    later = page.evaluate("""() => window.checker.assess({hours_since_massage: 5, severity: 2})
        .then(() => "answered", (error) => error.message)""")
    assert "the engine broke" in later
    # The worker's error, thrown on purpose above, may also reach the page's console
    # (the page stops the worker as it hears it, and Chromium may not pass it on).
    assert page_errors in ([], ["the engine broke"])
    page_errors.clear()
