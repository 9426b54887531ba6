"""The checker page as the build draws it: one step per section and a review,
the pain scale grouped by its bands, the back map from the pain areas' choices,
and the usual course of soreness handed to the page as data."""

from __future__ import annotations

import html
import json
import re
from dataclasses import replace

import pytest

from build_scripts import back_map
from checker.course import usual_course
from checker.levels import DOCTOR, SELF_CARE
from checker.questions import QUESTIONS_BY_ID, SECTIONS, Band
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
                  bands=(Band(0, 3, "low", "."), Band(5, 10, "high", ".")))
    with pytest.raises(ValueError, match="must cover 0 to 10 once each"):
        hook.scale_groups(gap)


def test_the_course_data_names_its_levels_answers_and_scale(hook):
    data = hook.course_data()
    assert data["levels"] == [DOCTOR, SELF_CARE]
    assert QUESTIONS_BY_ID[data["hours_field"]].unit == "hours"
    assert data["pain_max"] == QUESTIONS_BY_ID[data["pain_field"]].maximum
    assert data["hours_shown"] > data["points"][-1][0]


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
    target = target_file(built_site, built_site / "index.html", source)
    assert source.split("#")[1] in parse_page(target).ids


def test_the_built_map_has_an_area_for_each_checkbox(checker_html):
    areas = re.findall(r'<g class="checker-map__area" data-value="([a-z_]+)"', checker_html)
    assert areas == list(PAIN_AREAS.values)
    assert re.search(r'<svg class="checker-map"[^>]*aria-hidden="true"', checker_html)
