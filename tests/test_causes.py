"""Likely causes: chosen from the answers by data, linked into the Causes article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from checker import assess
from checker.causes import CAUSE_RULES, CAUSES, CauseRule
from checker.conditions import Is

BASE = {"hours_since_massage": 20, "severity": 4}
ARTICLE = Path(__file__).resolve().parents[1] / "content" / "causes.md"


def anchors(**changes) -> list[str]:
    return [cause.anchor for cause in assess({**BASE, **changes}).likely_causes]


@pytest.mark.parametrize(("changes", "expected"), [
    ({}, ["normal-soreness"]),
    ({"severity": 0}, []),
    ({"massage_type": "deep_tissue"}, ["normal-soreness", "too-much-pressure"]),
    ({"massage_type": "sports", "bruising": "at_site"}, ["normal-soreness", "too-much-pressure"]),
    ({"pain_down_leg": True}, ["nerve-irritation"]),
    ({"limb_weakness": True}, ["nerve-irritation"]),
    ({"urinary_symptoms": True, "fever": "low"}, ["contraindications", "referred-pain", "kidneys"]),
    ({"urinary_symptoms": True}, ["referred-pain", "pelvic-organs"]),
    ({"cough": True, "pain_areas": ["ribs"]}, ["normal-soreness", "referred-pain", "lungs"]),
    ({"cough": True, "pain_areas": ["ribs"], "fever": "high"},
     ["contraindications", "referred-pain", "lungs"]),
    ({"abdominal_pain": True}, ["referred-pain", "gallbladder-pancreas"]),
    ({"abdominal_pain": True, "pain_areas": ["lower_back"]},
     ["referred-pain", "pelvic-organs", "gallbladder-pancreas"]),
    ({"recent_injury": True}, ["injury"]),
    ({"conditions": ["herniated_disc"]}, ["hidden-conditions"]),
    ({"conditions": ["osteoporosis"]}, ["contraindications", "hidden-conditions"]),
    ({"conditions": ["scoliosis"]}, ["normal-soreness", "hidden-conditions"]),
    ({"calf_swelling": True}, ["circulation"]),
    ({"dark_urine": True, "massage_type": "sports"}, ["too-much-pressure"]),
    ({"movement_limited": True},
     ["normal-soreness", "therapist-skill", "muscle-strain", "fascia"]),
    ({"movement_limited": True, "hours_since_massage": 80},
     ["therapist-skill", "muscle-strain", "fascia"]),
    ({"worse_when_straining": True}, ["nerve-irritation"]),
    ({"conditions": ["long_term_steroids"]}, ["normal-soreness", "hidden-conditions"]),
])
def test_causes_are_chosen_from_the_answers(changes, expected):
    assert anchors(**changes) == expected


def test_the_causes_are_the_articles_sections_in_its_order_each_reachable():
    sections = re.findall(r"^#+ .*\{#([a-z0-9-]+)\}\s*$", ARTICLE.read_text("utf-8"), re.M)
    anchors = [cause.anchor for cause in CAUSES]
    assert [anchor for anchor in sections if anchor in anchors] == anchors
    assert {rule.anchor for rule in CAUSE_RULES} == set(anchors)
    for cause in CAUSES:
        assert cause.source.article == ARTICLE.stem
        assert cause.title[0].isupper() and cause.text.endswith(".")


def test_a_cause_rule_for_an_unknown_cause_fails_when_built():
    with pytest.raises(ValueError, match="unknown cause 'stress'"):
        CauseRule("stress", frozenset({"doctor"}), Is("cough"))
