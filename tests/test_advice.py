"""Advice and safety-netting are fitted to the answers and the level."""

from __future__ import annotations

import re

import pytest

from checker import validate
from checker.advice import ADVICE, WATCH_FOR, Tip, advice_for, watch_for
from checker.levels import LEVEL_IDS

BASE = {"hours_since_massage": 20, "severity": 4}


def advice(level="self_care", **changes) -> str:
    return "\n".join(advice_for(validate({**BASE, **changes}), level))


@pytest.mark.parametrize(("level", "changes", "present", "absent"), [
    # Anti-inflammatories: never suggested when pregnant or on blood thinners.
    ("self_care", {}, "such as paracetamol or ibuprofen", "Do not take anti-inflammatory"),
    ("doctor", {"pregnant": True}, "Do not take anti-inflammatory", "paracetamol or ibuprofen"),
    ("self_care", {"anticoagulants": True}, "Paracetamol may suit most people",
     "paracetamol or ibuprofen"),
    ("self_care", {"conditions": ["bleeding_disorder"]}, "Do not take anti-inflammatory",
     "paracetamol or ibuprofen"),
    ("doctor", {"painkillers": "not_helped"}, "more painkillers than the pack says",
     "paracetamol or ibuprofen"),
    # Cold first for fresh bruising or swelling, warmth later for stiff muscles.
    ("self_care", {"bruising": "at_site", "hours_since_massage": 48}, "use cold", "Warmth"),
    ("doctor", {"redness_swelling": True, "hours_since_massage": 30}, "use cold", "Warmth"),
    ("self_care", {"bruising": "at_site", "hours_since_massage": 49}, "Warmth", "use cold"),
    ("self_care", {}, "Warmth", "use cold"),
    ("doctor", {"redness_swelling": True, "hours_since_massage": 80}, "", "Warmth"),
    # Tell the therapist, lighter pressure next time.
    ("self_care", {"conditions": ["osteochondrosis"]}, "ask for lighter pressure", ""),
    ("self_care", {"conditions": ["scoliosis"]}, "ask for lighter pressure", ""),
    ("self_care", {"first_massage": True}, "ask for lighter pressure", ""),
    ("self_care", {"bruising": "at_site"}, "ask for lighter pressure", ""),
    ("self_care", {"massage_type": "deep_tissue"}, "ask for lighter pressure", ""),
    ("self_care", {"massage_type": "relaxing"}, "", "ask for lighter pressure"),
    ("self_care", {"conditions": ["skin_disease"]}, "Nobody should massage skin", ""),
    # What each level adds.
    ("emergency", {"limb_weakness": True}, "Do not drive yourself", "Keep moving gently"),
    ("urgent", {"fever": "high"}, "Have no more massage until a doctor", "Keep moving gently"),
    ("doctor", {"pregnant": True}, "Book an appointment", "usually starts within a day"),
    ("self_care", {}, "usually starts within a day", "Have no more massage"),
])
def test_advice_fits_the_answers(level, changes, present, absent):
    text = advice(level, **changes)
    assert present in text
    if absent:
        assert absent not in text


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_every_level_has_advice_and_safety_netting(level):
    answers = validate(BASE)
    assert advice_for(answers, level)
    assert watch_for(answers, level)


def test_safety_netting_for_blood_thinners():
    answers = validate({**BASE, "anticoagulants": True})
    assert any("blood thinners" in line for line in watch_for(answers, "self_care"))


@pytest.mark.parametrize("tip", ADVICE + WATCH_FOR, ids=lambda tip: tip.text[:30])
def test_tips_are_short_plain_sentences_without_doses(tip):
    assert tip.text.endswith(".") and tip.text[0].isupper()
    assert len(tip.text) <= 300
    assert not re.search(r"\d\s*(mg|ml|g)\b", tip.text), "no doses"


def test_a_tip_for_an_unknown_level_fails_when_built():
    with pytest.raises(ValueError, match="unknown levels"):
        Tip("Text.", frozenset({"later"}))
