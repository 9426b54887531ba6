"""The levels: the spec's four, most urgent first, with their instructions."""

from __future__ import annotations

import pytest

from checker.levels import LEVEL_IDS, LEVELS, LEVELS_BY_ID, most_urgent


def test_the_levels_are_the_specs_most_urgent_first():
    assert LEVEL_IDS == ("emergency", "urgent", "doctor", "self_care")
    assert [level.id for level in LEVELS] == list(LEVEL_IDS)


@pytest.mark.parametrize(("level", "pause"), [
    ("emergency", True), ("urgent", True), ("doctor", True), ("self_care", False),
])
def test_massage_pauses_for_every_level_but_self_care(level, pause):
    assert LEVELS_BY_ID[level].pause_massage is pause
    assert LEVELS_BY_ID[level].headline and LEVELS_BY_ID[level].action.endswith(".")


@pytest.mark.parametrize(("levels", "expected"), [
    ([], "self_care"),
    (["doctor"], "doctor"),
    (["doctor", "emergency", "urgent"], "emergency"),
    (["self_care", "doctor"], "doctor"),
])
def test_most_urgent(levels, expected):
    assert most_urgent(levels) == expected
