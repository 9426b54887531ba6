"""axe-core (the npm package, injected into the page) finds no serious or
critical accessibility violation on the home page, an article and the checker
with a result shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.browser.test_checker_browser import submit, wait_for_engine

pytestmark = pytest.mark.browser

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page) -> list[str]:
    """Return 'rule: target' for every serious or critical axe violation on the page."""
    # Evaluated through Playwright, not added as a <script>: the site's policy
    # refuses an inline script it has no hash for.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    violations = page.evaluate("() => axe.run(document).then(results => results.violations)")
    return [f"{violation['id']} ({violation['impact']}): {node['target']}"
            for violation in violations if violation["impact"] in ("serious", "critical")
            for node in violation["nodes"]]


@pytest.mark.parametrize("path", ["", "warning-signs/", "relief/"])
def test_pages_have_no_serious_violations(page, site_url, path):
    page.goto(site_url + path)
    assert serious_violations(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_checker_with_a_result_has_no_serious_violations(page, site_url, scheme):
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + "checker/")
    wait_for_engine(page)
    page.get_by_label("How many hours ago did the massage end?").fill("24")
    page.locator("[data-field='severity'] label", has_text="4").first.click()
    page.get_by_label("38 °C or more").check()
    submit(page)
    assert serious_violations(page) == []
