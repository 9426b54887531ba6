"""The rule table: the spec's ids and levels, the article anchors, the reason
texts, every threshold at and either side of its boundary, and every source
link resolving in the built site."""

from __future__ import annotations

import pytest

from checker import RULES, validate
from checker.levels import LEVEL_IDS
from checker.rules import RULES_BY_ID, Rule, join_and

BASE = {"hours_since_massage": 20, "severity": 4}

# The spec's rule ids by level, and the brief's anchor for each rule.
SPEC_IDS = {
    "emergency": [f"E{number}" for number in range(1, 7)],
    "urgent": [f"U{number}" for number in range(1, 14)],
    "doctor": [f"D{number}" for number in range(1, 16)],
}
ANCHORS = {
    "E1": "saddle-numbness", "E2": "bladder-bowel", "E3": "limb-weakness", "E4": "stroke-signs",
    "E5": "chest-symptoms", "E6": "both-legs", "U1": "numbness", "U2": "dark-urine",
    "U3": "calf-swelling", "U4": "high-fever", "U5": "kidney-infection", "U6": "belly-pain",
    "U7": "unexplained-bruising", "U8": "blood-thinners", "U9": "osteoporosis-severe-pain",
    "U10": "severe-pain-not-helped", "U11": "neck-pain-worsening", "U12": "chest-infection",
    "U13": "injury-severe-pain", "D1": "low-fever", "D2": "redness-swelling",
    "D3": "painkillers-not-helping", "D4": "not-better-after-three-days",
    "D5": "pain-after-a-week", "D6": "getting-worse", "D7": "shooting-pain", "D8": "stiffness",
    "D9": "night-pain", "D10": "weight-loss", "D11": "urinary-symptoms", "D12": "recent-injury",
    "D13": "severe-pain", "D14": "known-conditions", "D15": "pregnancy",
}


def fires(rule_id: str, **changes) -> bool:
    return RULES_BY_ID[rule_id].fires(validate({**BASE, **changes}))


# ---------------------------------------------------------------------------
# The table

def test_the_rule_ids_and_levels_are_the_specs_in_table_order():
    assert [rule.id for rule in RULES] == [id_ for ids in SPEC_IDS.values() for id_ in ids]
    for rule in RULES:
        assert rule.id in SPEC_IDS[rule.level]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_each_rule_links_to_its_warning_signs_section(rule):
    assert rule.source == f"warning-signs/#{ANCHORS[rule.id]}"
    assert not rule.source.startswith("/")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_each_rule_has_a_name_a_plain_reason_and_a_description(rule):
    assert rule.name and rule.name[0].isupper()
    assert rule.reason.startswith(("You", "Your", "One", "The", "It", "Ordinary"))
    assert rule.reason.endswith(".")
    assert "_" not in rule.condition.describe(), "descriptions use words, not field ids"


def test_a_rule_with_an_unknown_level_or_placeholder_fails_when_built():
    with pytest.raises(ValueError, match="unknown level 'soon'"):
        Rule("X1", "soon", "X", RULES[0].condition, "Text.", "warning-signs/#x")
    with pytest.raises(ValueError, match=r"reason names unknown field\(s\) \['pain'\]"):
        Rule("X1", "doctor", "X", RULES[0].condition, "Pain {pain}.", "warning-signs/#x")


@pytest.mark.parametrize(("rule_id", "data", "text"), [
    ("D13", {"severity": 9}, "Your pain is bad: 9 out of 10."),
    ("D4", {"hours_since_massage": 96},
     "Your massage was 96 hours ago, more than three days, and the pain is not getting better."),
    ("D14", {"conditions": ["scoliosis", "cancer", "herniated_disc"]},
     "You have been diagnosed with: cancer and herniated (slipped) disc. "
     "A doctor should check you before any more massage."),
    ("U4", {"fever": "high"}, "You have a temperature of 38 °C or more."),
])
def test_reasons_fill_in_the_persons_own_answers(rule_id, data, text):
    assert RULES_BY_ID[rule_id].reason_for(validate({**BASE, **data})) == text


@pytest.mark.parametrize(("words", "joined"), [
    ([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c"),
])
def test_join_and(words, joined):
    assert join_and(words) == joined


def test_levels_are_the_specs_in_order():
    assert LEVEL_IDS == ("emergency", "urgent", "doctor", "self_care")


# ---------------------------------------------------------------------------
# Thresholds: at, just below and just above each boundary

@pytest.mark.parametrize(("rule_id", "changes", "expected"), [
    # D6: trend worse and hours >= 48
    ("D6", {"trend": "worse", "hours_since_massage": 47}, False),
    ("D6", {"trend": "worse", "hours_since_massage": 48}, True),
    ("D6", {"trend": "worse", "hours_since_massage": 49}, True),
    ("D6", {"trend": "same", "hours_since_massage": 49}, False),
    # D4: hours > 72 and trend not better
    ("D4", {"hours_since_massage": 72}, False),
    ("D4", {"hours_since_massage": 73}, True),
    ("D4", {"hours_since_massage": 73, "trend": "worse"}, True),
    ("D4", {"hours_since_massage": 73, "trend": "better"}, False),
    # D5: hours > 168 and severity >= 3
    ("D5", {"hours_since_massage": 168, "severity": 3}, False),
    ("D5", {"hours_since_massage": 169, "severity": 3}, True),
    ("D5", {"hours_since_massage": 169, "severity": 2}, False),
    ("D5", {"hours_since_massage": 169, "severity": 4}, True),
    # D13: severity >= 7
    ("D13", {"severity": 6}, False),
    ("D13", {"severity": 7}, True),
    ("D13", {"severity": 8}, True),
    # U9: osteoporosis and severity >= 7
    ("U9", {"conditions": ["osteoporosis"], "severity": 6}, False),
    ("U9", {"conditions": ["osteoporosis"], "severity": 7}, True),
    ("U9", {"conditions": ["scoliosis"], "severity": 9}, False),
    # U11: neck, severity >= 7, trend worse
    ("U11", {"pain_areas": ["neck"], "trend": "worse", "severity": 6}, False),
    ("U11", {"pain_areas": ["neck"], "trend": "worse", "severity": 7}, True),
    ("U11", {"pain_areas": ["neck"], "trend": "same", "severity": 9}, False),
    ("U11", {"pain_areas": ["upper_back"], "trend": "worse", "severity": 9}, False),
    # U13: recent injury and severity >= 7
    ("U13", {"recent_injury": True, "severity": 6}, False),
    ("U13", {"recent_injury": True, "severity": 7}, True),
    ("U13", {"recent_injury": False, "severity": 10}, False),
    # U10: severity >= 8 and painkillers not helped
    ("U10", {"painkillers": "not_helped", "severity": 7}, False),
    ("U10", {"painkillers": "not_helped", "severity": 8}, True),
    ("U10", {"painkillers": "not_helped", "severity": 9}, True),
    ("U10", {"painkillers": "helped", "severity": 10}, False),
    # fever present: low or high
    ("U5", {"fever": "low", "urinary_symptoms": True}, True),
    ("U5", {"fever": "none", "urinary_symptoms": True}, False),
    ("U12", {"fever": "high", "cough": True, "pain_areas": ["ribs"]}, True),
    ("U12", {"fever": "high", "cough": True, "pain_areas": ["neck"]}, False),
    ("D1", {"fever": "high"}, False),
    # U8: anticoagulants and (bruising not none or redness)
    ("U8", {"anticoagulants": True, "bruising": "at_site"}, True),
    ("U8", {"anticoagulants": True, "redness_swelling": True}, True),
    ("U8", {"anticoagulants": True}, False),
    ("U8", {"bruising": "elsewhere"}, False),
    # D14: only the listed conditions
    ("D14", {"conditions": ["osteochondrosis", "scoliosis", "skin_disease"]}, False),
    ("D14", {"conditions": ["skin_disease", "tuberculosis"]}, True),
])
def test_thresholds(rule_id, changes, expected):
    assert fires(rule_id, **changes) is expected


# ---------------------------------------------------------------------------
# The built site

@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_each_rule_source_resolves_in_the_built_site(built_site, rule):
    page, anchor = rule.source.split("/#")
    html = built_site / page / "index.html"
    assert html.is_file(), f"{rule.id}: no page {page}/ in the built site"
    assert f'id="{anchor}"' in html.read_text(encoding="utf-8"), f"{rule.id}: no #{anchor}"
