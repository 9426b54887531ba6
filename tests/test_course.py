"""The usual course of ordinary soreness (checker/course.py), drawn on the
checker's result: the curve keeps to the hours the rules use, and the rules
agree with the picture it draws."""

from __future__ import annotations

import json
from itertools import pairwise

import pytest

from checker import assess
from checker.course import (
    EASING_BY_HOURS,
    GONE_BY_HOURS,
    PHASES,
    USUAL_COURSE,
    USUAL_WORST_SEVERITY,
    WEEK_HOURS,
    WORST_FROM_HOURS,
    phase_at,
    usual_course,
    usual_share,
)
from checker.levels import DOCTOR, SELF_CARE

HOURS = [hours for hours, _ in USUAL_COURSE]
SHARES = [share for _, share in USUAL_COURSE]


def test_the_curve_runs_forward_in_time_as_shares_of_its_worst():
    assert HOURS == sorted(set(HOURS))
    assert all(0 <= share <= 1 for share in SHARES)
    assert max(SHARES) == 1


def test_it_starts_within_hours():
    assert USUAL_COURSE[0] == (0, 0)
    assert usual_share(6) > 0.25


def test_it_is_at_its_worst_in_the_first_day_or_two():
    worst = [hours for hours, share in USUAL_COURSE if share == 1]
    assert worst[0] == WORST_FROM_HOURS
    assert WORST_FROM_HOURS <= 24 and worst[-1] < EASING_BY_HOURS
    assert all(a <= b for a, b in pairwise(SHARES[:HOURS.index(WORST_FROM_HOURS) + 1]))


def test_it_is_easing_by_two_days_and_mostly_gone_by_three():
    after_worst = SHARES[HOURS.index(EASING_BY_HOURS) - 1:]
    assert all(a >= b for a, b in pairwise(after_worst)), "it never climbs again"
    assert usual_share(EASING_BY_HOURS) < 1
    assert usual_share(GONE_BY_HOURS) <= 0.2
    assert HOURS[-1] < WEEK_HOURS and SHARES[-1] == 0


# The rules agree with the picture: what lies under the curve, early on, is
# self-care; pain worse than its worst, pain still there once it has gone, or
# pain growing once it should be easing is a reason to see a doctor.

def level(**answers) -> str:
    return assess(answers).level


def test_pain_as_bad_as_the_usual_worst_is_self_care_and_worse_is_not():
    at_worst = WORST_FROM_HOURS
    assert level(hours_since_massage=at_worst, severity=USUAL_WORST_SEVERITY) == SELF_CARE
    assert level(hours_since_massage=at_worst, severity=USUAL_WORST_SEVERITY + 1) == DOCTOR


def test_pain_that_has_not_gone_when_the_curve_has_needs_a_doctor():
    assert level(hours_since_massage=GONE_BY_HOURS, severity=3, trend="same") == SELF_CARE
    assert level(hours_since_massage=GONE_BY_HOURS + 1, severity=3, trend="same") == DOCTOR
    assert level(hours_since_massage=GONE_BY_HOURS + 1, severity=3, trend="better") == SELF_CARE


def test_pain_growing_when_the_curve_is_easing_needs_a_doctor():
    assert level(hours_since_massage=EASING_BY_HOURS - 1, severity=3, trend="worse") == SELF_CARE
    assert level(hours_since_massage=EASING_BY_HOURS, severity=3, trend="worse") == DOCTOR


@pytest.mark.parametrize(("hours", "words"), [
    (0, "still building up"), (WORST_FROM_HOURS - 1, "still building up"),
    (WORST_FROM_HOURS, "at its worst"), (EASING_BY_HOURS, "easing"),
    (GONE_BY_HOURS - 1, "easing"), (GONE_BY_HOURS, "gone"), (WEEK_HOURS, "gone"),
])
def test_the_phases_in_words_change_at_the_same_hours(hours, words):
    assert words in phase_at(hours).words


def test_the_page_gets_the_whole_course_as_json_ready_data():
    data = usual_course()
    assert json.loads(json.dumps(data)) == data
    assert len(data["points"]) == len(USUAL_COURSE) and len(data["phases"]) == len(PHASES)
