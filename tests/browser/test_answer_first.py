"""The answer first, on a phone (issue 19): on each health page at 390 x 844, the
page opens with its answer, then the "When to get help" block, both starting on
the first screen; each level of the block starts within two screens; and the full
box of emergency signs is still on the page, further down than the first screen.

Each place is measured as the top of its element, in CSS pixels from the top of
the page, after the page has loaded (the site loads no web fonts).
"""

from __future__ import annotations

import pytest

from build_scripts.commonest_signs import COMMONEST_SIGNS
from build_scripts.when_to_get_help import ANCHOR
from tests.conftest import PHONE
from tests.test_articles import HEALTH_PAGES

pytestmark = pytest.mark.browser

SCREEN = PHONE["viewport"]["height"]
# The home page, and every article that shows the emergency signs, in English and in
# the Russian edition (whose one-line translation notice stands above the title).
PAGES = [f"{edition}{page}" for edition in ("", "ru/")
         for page in ("", *(f"{path.stem}/" for path in HEALTH_PAGES))]
LEVELS = [level for level, _ in COMMONEST_SIGNS]

# Returns the tops of the answer (the first paragraph under the page's title), of
# the block's heading and of each of its levels, and of the full emergency box;
# and the tags of what stands between the title and the block's heading.
MEASURE = """anchor => {
  const top = element => element === null ? null
    : Math.round(element.getBoundingClientRect().top + window.scrollY);
  const article = document.querySelector("article.md-content__inner");
  const title = article.querySelector(":scope > h1");
  const heading = document.getElementById(anchor);
  const between = [];
  for (let element = title.nextElementSibling; element && element !== heading;
       element = element.nextElementSibling) {
    between.push(element.tagName.toLowerCase());
  }
  const levels = {};
  for (const level of document.querySelectorAll(".when-to-get-help [data-level]")) {
    levels[level.dataset.level] = top(level);
  }
  return {
    answer: top(article.querySelector(":scope > h1 + p")),
    block: top(heading),
    between: heading === null ? null : between,
    levels: levels,
    emergency_box: top(document.querySelector(".warning-signs[data-level='emergency']")),
  };
}"""


def measure(page, url: str) -> dict:
    """Open ``url`` and return where the answer, the block and its levels, and the
    emergency box begin (see MEASURE)."""
    page.goto(url)
    page.wait_for_load_state("load")
    return page.evaluate(MEASURE, ANCHOR)


@pytest.mark.parametrize("path", PAGES, ids=lambda path: path.replace("ru/", "ru:") or "home")
def test_the_answer_and_when_to_get_help_come_first_on_a_phone(returning_phone, site_url,
                                                               path):
    found = measure(returning_phone, site_url + path)
    # The page opens with its answer: paragraphs only, then the block.
    assert found["block"] is not None, "the page has no 'When to get help' block"
    assert found["between"] and set(found["between"]) == {"p"}, found["between"]
    assert found["answer"] is not None and found["answer"] < found["block"] < SCREEN, found
    # Each level, in the NHS's order, starts within two screens.
    assert list(found["levels"]) == LEVELS, found["levels"]
    assert all(top < 2 * SCREEN for top in found["levels"].values()), found["levels"]
    # The emergency signs are all still on the page, but not as its first screen.
    assert found["emergency_box"] is not None, "the page has no box of emergency signs"
    assert found["emergency_box"] >= SCREEN, found
