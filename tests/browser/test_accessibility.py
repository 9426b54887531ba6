"""axe-core (the npm package, injected into the page) finds no serious or
critical accessibility violation on the home page, an article, and the checker
on a phone: each of its steps and its results, in light and in dark."""

from __future__ import annotations

from pathlib import Path

import pytest

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
from tests.conftest import PHONE

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page) -> list[str]:
    """Return 'rule: target' for every serious or critical axe violation on the page."""
    # Evaluated through Playwright, not added as a <script>: the site's policy
    # refuses an inline script it has no hash for.
    # The page as the reader sees it once still: a step or the stop screen brought into
    # view fades the header's title across, and halfway its contrast is neither's.
    page.evaluate("() => Promise.all(document.getAnimations().map(each => each.finished))")
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("() => axe.run(document).then(results => results.violations)")
    return [f"{violation['id']} ({violation['impact']}): {node['target']}"
            for violation in violations if violation["impact"] in ("serious", "critical")
            for node in violation["nodes"]]


@pytest.mark.parametrize("path", ["", "warning-signs/", "relief/"])
def test_pages_have_no_serious_violations(open_page, site_url, path):
    page = open_page(viewport={"width": 1280, "height": 900})
    page.goto(site_url + path)
    assert serious_violations(page) == []


def checker_on_a_phone(open_returning_page, site_url, scheme):
    page = open_returning_page(**PHONE, color_scheme=scheme)
    page.goto(site_url + "checker/")
    wait_for_engine(page)
    return page


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_each_step_and_a_calm_result_have_no_serious_violations(open_returning_page, site_url,
                                                                scheme):
    page = checker_on_a_phone(open_returning_page, site_url, scheme)
    found = {"step 1": serious_violations(page)}
    tap_answer(question(page, "bladder_bowel"), True)  # the questions stop: call now
    found["the stop screen"] = serious_violations(page)
    continue_past_the_stop(page)  # the instruction stays at the bottom of the step
    found["step 1, with the emergency instruction"] = serious_violations(page)
    tap_answer(question(page, "bladder_bowel"), True)  # a second tap takes the box back
    while step_number(page) < step_count(page):
        answer_step(page, {"hours_since_massage": 20, "severity": 4,
                           "pain_areas": ["lower_back"], "fever": "low"})
        next_step(page)
        found[f"step {step_number(page)}"] = serious_violations(page)
    see_result(page)  # self-care: with the chart of the usual course
    found["result"] = serious_violations(page)
    assert found == {name: [] for name in found}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_an_urgent_result_has_no_serious_violations(open_returning_page, site_url, scheme):
    page = checker_on_a_phone(open_returning_page, site_url, scheme)
    enter_answers(page, {"hours_since_massage": 24, "severity": 4, "fever": "high"})
    see_result(page)
    assert serious_violations(page) == []
