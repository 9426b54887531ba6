"""axe-core (the npm package, injected into the page) finds no serious or
critical accessibility violation on the home page, an article, and the checker
on a phone: each of its steps and its results, in light and in dark."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.checker_form import (
    answer_step,
    continue_past_the_stop,
    enter_answers,
    next_step,
    question,
    see_result,
    step_count,
    step_number,
    tap_answer,
    wait_for_engine,
)
from tests.conftest import DESKTOP, PHONE

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page) -> list[str]:
    """Return 'rule: target' for every serious or critical axe violation on the page."""
    # Evaluated through Playwright, not added as a <script>: the site's policy
    # refuses an inline script it has no hash for.
    # The page as the reader sees it once still: a step or the stop screen brought into
    # view fades the header's title across, and halfway its contrast is neither's.
    page.wait_for_function("() => document.getAnimations().every("
                           "(each) => each.playState !== 'running')", timeout=10_000)
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("() => axe.run(document).then(results => results.violations)")
    return [f"{violation['id']} ({violation['impact']}): {node['target']}"
            for violation in violations if violation["impact"] in ("serious", "critical")
            for node in violation["nodes"]]


# The site follows the reader's system setting: each scheme, and the body's scheme in it.
SCHEMES = {"light": "default", "dark": "slate"}


def violations_in_each_scheme(page) -> dict[str, list[str]]:
    """Return the page's serious violations in light and in dark, switching the
    system setting the page follows (as a phone does at dusk)."""
    found = {}
    for scheme, body_scheme in SCHEMES.items():
        page.emulate_media(color_scheme=scheme)
        expect(page.locator("body")).to_have_attribute("data-md-color-scheme", body_scheme)
        found[scheme] = serious_violations(page)
    return found


@pytest.mark.parametrize("path", ["", "warning-signs/", "relief/"])
def test_pages_have_no_serious_violations(open_returning_page, site_url, path):
    page = open_returning_page(**DESKTOP)
    page.goto(site_url + path)
    assert serious_violations(page) == []


def checker_on_a_phone(open_returning_page, site_url):
    page = open_returning_page(**PHONE)
    page.goto(site_url + "checker/")
    wait_for_engine(page)
    return page


def test_each_step_and_a_calm_result_have_no_serious_violations(open_returning_page, site_url):
    page = checker_on_a_phone(open_returning_page, site_url)
    found = {"step 1": violations_in_each_scheme(page)}
    tap_answer(question(page, "bladder_bowel"), True)  # the questions stop: call now
    found["the stop screen"] = violations_in_each_scheme(page)
    continue_past_the_stop(page)  # the instruction stays at the bottom of the step
    found["step 1, with the emergency instruction"] = violations_in_each_scheme(page)
    tap_answer(question(page, "bladder_bowel"), True)  # a second tap takes the box back
    while step_number(page) < step_count(page):
        answer_step(page, {"hours_since_massage": 20, "severity": 4,
                           "pain_areas": ["lower_back"], "fever": "low"})
        next_step(page)
        found[f"step {step_number(page)}"] = violations_in_each_scheme(page)
    see_result(page)  # self-care: with the chart of the usual course
    found["result"] = violations_in_each_scheme(page)
    assert found == {name: {scheme: [] for scheme in SCHEMES} for name in found}


def test_an_urgent_result_has_no_serious_violations(open_returning_page, site_url):
    page = checker_on_a_phone(open_returning_page, site_url)
    enter_answers(page, {"hours_since_massage": 24, "severity": 4, "fever": "high"})
    see_result(page)
    assert violations_in_each_scheme(page) == {scheme: [] for scheme in SCHEMES}
