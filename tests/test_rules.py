"""The rule table: the spec's ids and levels, the article anchors, the reason
texts, every threshold at and either side of its boundary, and every source
link resolving in the built site."""

from __future__ import annotations

import pytest

from checker import RULES, assess, validate
from checker.rules import RETIRED_IDS, RULES_BY_ID, Rule, join_and

BASE = {"hours_since_massage": 20, "severity": 4}

# The spec's rule ids by level (policy v2), and the article anchor for each rule.
SPEC_IDS = {
    "emergency": [f"E{number}" for number in range(1, 13)],
    "urgent": [f"U{number}" for number in range(1, 22) if number != 2],
    "doctor": [f"D{number}" for number in range(2, 17) if number != 10],
}
RETIRED = {"U2", "D1", "D10"}
ANCHORS = {
    "E1": "saddle-numbness", "E2": "bladder-bowel", "E3": "limb-weakness", "E4": "stroke-signs",
    "E5": "chest-symptoms", "E6": "both-legs", "E7": "dark-urine", "E8": "bleeding-risk",
    "E9": "stiff-neck-high-temperature", "E10": "severe-belly-pain",
    "E11": "cancer-nerve-signs", "E12": "temperature-purple-spots",
    "U1": "numbness", "U3": "calf-swelling", "U4": "high-fever", "U5": "kidney-infection",
    "U6": "belly-pain", "U7": "unexplained-bruising", "U8": "blood-thinners",
    "U9": "possible-fracture", "U10": "severe-pain-not-helped", "U11": "neck-pain-headache",
    "U12": "chest-infection", "U13": "injury-severe-pain", "U14": "weight-loss",
    "U15": "night-pain-after-three-days", "U16": "cancer-back-pain",
    "U17": "temperature-redness", "U18": "worse-when-straining",
    "U19": "stiff-neck-temperature", "U20": "pregnancy-headache", "U21": "weak-immune-system",
    "D2": "redness-swelling", "D3": "painkillers-not-helping",
    "D4": "not-better-after-three-days", "D5": "pain-after-a-week", "D6": "getting-worse",
    "D7": "shooting-pain", "D8": "stiffness", "D9": "night-pain", "D11": "urinary-symptoms",
    "D12": "recent-injury", "D13": "severe-pain", "D14": "known-conditions",
    "D15": "pregnancy", "D16": "bruising-blood-thinners",
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


def test_retired_ids_are_never_reused():
    assert RETIRED_IDS == RETIRED
    assert not RETIRED & {rule.id for rule in RULES}
    with pytest.raises(ValueError, match="rule D1: the id is retired"):
        Rule("D1", "doctor", "X", RULES[0].condition, "Text.", "warning-signs/#x", "Sign")


@pytest.mark.parametrize(("arguments", "message"), [
    (("X1", "soon", "X", "Text.", "warning-signs/#x", "Sign"), "unknown level 'soon'"),
    (("X1", "doctor", "X", "Pain {pain}.", "warning-signs/#x", "Sign"),
     r"reason names unknown field\(s\) \['pain'\]"),
    (("X1", "doctor", "X", "Text.", "warning-signs/#x", "a sign."), "the sign must be"),
])
def test_a_bad_rule_fails_when_built(arguments, message):
    rule_id, level, name, reason, source, sign = arguments
    with pytest.raises(ValueError, match=message):
        Rule(rule_id, level, name, RULES[0].condition, reason, source, sign)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_each_rule_names_its_sign_and_whom_it_concerns(rule):
    assert rule.sign[0].isupper() and not rule.sign.endswith(".")
    assert "_" not in rule.sign
    if rule.who is not None:
        # A rule about some people fires only for them.
        assert set(rule.who.mentions()) <= set(rule.condition.mentions())


@pytest.mark.parametrize(("rule_id", "data", "text"), [
    ("D13", {"severity": 9}, "Your pain is severe: 9 out of 10."),
    ("D4", {"hours_since_massage": 96},
     "Your massage was 96 hours ago, more than three days, and the pain is not getting better."),
    ("D14", {"conditions": ["scoliosis", "cancer", "herniated_disc"]},
     "You have been diagnosed with: cancer (now or in the past) and herniated (slipped) disc. "
     "A doctor should check you before any more massage."),
    ("U4", {"fever": "high"}, "You have a high temperature: 38 °C or more, or you feel hot or "
                              "shivery."),
    ("E10", {"abdominal_pain": True, "severity": 8},
     "You have new belly pain and your pain is very severe (8 out of 10). Sudden severe belly "
     "and back pain needs checking in hospital at once."),
])
def test_reasons_fill_in_the_persons_own_answers(rule_id, data, text):
    assert RULES_BY_ID[rule_id].reason_for(validate({**BASE, **data})) == text


@pytest.mark.parametrize(("words", "joined"), [
    ([], ""), (["a"], "a"), (["a", "b"], "a and b"), (["a", "b", "c"], "a, b and c"),
])
def test_join_and(words, joined):
    assert join_and(words) == joined


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
    # D8 (v2): movement limited and hours > 72
    ("D8", {"movement_limited": True, "hours_since_massage": 72}, False),
    ("D8", {"movement_limited": True, "hours_since_massage": 73}, True),
    ("D8", {"movement_limited": False, "hours_since_massage": 200}, False),
    # U15: night pain and hours > 72
    ("U15", {"night_pain": True, "hours_since_massage": 72}, False),
    ("U15", {"night_pain": True, "hours_since_massage": 73}, True),
    ("U15", {"night_pain": False, "hours_since_massage": 200}, False),
    ("D9", {"night_pain": True, "hours_since_massage": 10}, True),
    # D5: hours > 168 and severity >= 3
    ("D5", {"hours_since_massage": 168, "severity": 3}, False),
    ("D5", {"hours_since_massage": 169, "severity": 3}, True),
    ("D5", {"hours_since_massage": 169, "severity": 2}, False),
    ("D5", {"hours_since_massage": 169, "severity": 4}, True),
    # D13: severity >= 7
    ("D13", {"severity": 6}, False),
    ("D13", {"severity": 7}, True),
    ("D13", {"severity": 8}, True),
    # E8: bleeding risk and (severity >= 7 or numbness or headache)
    ("E8", {"anticoagulants": True, "severity": 6}, False),
    ("E8", {"anticoagulants": True, "severity": 7}, True),
    ("E8", {"conditions": ["bleeding_disorder"], "severity": 6}, False),
    ("E8", {"conditions": ["bleeding_disorder"], "severity": 7}, True),
    ("E8", {"anticoagulants": True, "limb_numbness": True}, True),
    ("E8", {"anticoagulants": True, "headache": True}, True),
    ("E8", {"severity": 10, "headache": True, "limb_numbness": True}, False),
    # E9: high fever, neck and movement limited
    ("E9", {"fever": "high", "pain_areas": ["neck"], "movement_limited": True}, True),
    ("E9", {"fever": "low", "pain_areas": ["neck"], "movement_limited": True}, False),
    ("E9", {"fever": "high", "pain_areas": ["upper_back"], "movement_limited": True}, False),
    ("E9", {"fever": "high", "pain_areas": ["neck"]}, False),
    # E10: belly pain and severity >= 8
    ("E10", {"abdominal_pain": True, "severity": 7}, False),
    ("E10", {"abdominal_pain": True, "severity": 8}, True),
    ("E10", {"abdominal_pain": False, "severity": 10}, False),
    # E11: cancer and (numbness or shooting pain)
    ("E11", {"conditions": ["cancer"], "pain_down_leg": True}, True),
    ("E11", {"conditions": ["cancer"], "pain_down_arm": True}, True),
    ("E11", {"conditions": ["cancer"], "limb_numbness": True}, True),
    ("E11", {"conditions": ["cancer"]}, False),
    ("E11", {"pain_down_leg": True}, False),
    # U9: (osteoporosis or long-term steroids) and (severity >= 7 or recent injury)
    ("U9", {"conditions": ["osteoporosis"], "severity": 6}, False),
    ("U9", {"conditions": ["osteoporosis"], "severity": 7}, True),
    ("U9", {"conditions": ["long_term_steroids"], "severity": 7}, True),
    ("U9", {"conditions": ["long_term_steroids"], "recent_injury": True}, True),
    ("U9", {"conditions": ["scoliosis"], "severity": 9}, False),
    # U11: neck and (severity >= 7 or headache)
    ("U11", {"pain_areas": ["neck"], "severity": 6}, False),
    ("U11", {"pain_areas": ["neck"], "severity": 7}, True),
    ("U11", {"pain_areas": ["neck"], "headache": True}, True),
    ("U11", {"pain_areas": ["upper_back"], "severity": 9, "headache": True}, False),
    # U13: recent injury and severity >= 7
    ("U13", {"recent_injury": True, "severity": 6}, False),
    ("U13", {"recent_injury": True, "severity": 7}, True),
    ("U13", {"recent_injury": False, "severity": 10}, False),
    # U10: severity >= 8 and painkillers not helped
    ("U10", {"painkillers": "not_helped", "severity": 7}, False),
    ("U10", {"painkillers": "not_helped", "severity": 8}, True),
    ("U10", {"painkillers": "helped", "severity": 10}, False),
    # U16: cancer and (neck, upper or mid back, or worse, or severity >= 7, or night pain)
    ("U16", {"conditions": ["cancer"], "pain_areas": ["lower_back"]}, False),
    ("U16", {"conditions": ["cancer"], "pain_areas": ["mid_back"]}, True),
    ("U16", {"conditions": ["cancer"], "trend": "worse"}, True),
    ("U16", {"conditions": ["cancer"], "severity": 6}, False),
    ("U16", {"conditions": ["cancer"], "severity": 7}, True),
    ("U16", {"conditions": ["cancer"], "night_pain": True}, True),
    # U5 (v2): (fever present or pregnant) and urinary symptoms
    ("U5", {"pregnant": True, "urinary_symptoms": True}, True),
    ("U5", {"pregnant": True}, False),
    # U8 (v2): bleeding risk and (redness or worse)
    ("U8", {"anticoagulants": True, "redness_swelling": True}, True),
    ("U8", {"conditions": ["bleeding_disorder"], "trend": "worse"}, True),
    ("U8", {"anticoagulants": True, "bruising": "at_site"}, False),
    ("U8", {"trend": "worse", "redness_swelling": True}, False),
    ("D16", {"anticoagulants": True, "bruising": "at_site"}, True),
    ("D16", {"anticoagulants": True, "bruising": "elsewhere"}, False),
    ("D16", {"bruising": "at_site"}, False),
    # U20, U21
    ("U20", {"pregnant": True, "headache": True}, True),
    ("U20", {"headache": True}, False),
    ("U21", {"conditions": ["weak_immune_system"], "fever": "high"}, True),
    ("U21", {"conditions": ["cancer"], "fever": "high"}, False),
    # D14: only the listed conditions
    ("D14", {"conditions": ["osteochondrosis", "scoliosis", "skin_disease"]}, False),
    ("D14", {"conditions": ["long_term_steroids", "weak_immune_system"]}, False),
    ("D14", {"conditions": ["skin_disease", "tuberculosis"]}, True),
])
def test_thresholds(rule_id, changes, expected):
    assert fires(rule_id, **changes) is expected


# "Fever present" is the low band (37.5-37.9 °C) or the high one: at the edge of
# every rule that uses it, "none" does not fire and "low" does.
@pytest.mark.parametrize(("rule_id", "changes"), [
    ("U5", {"urinary_symptoms": True}),
    ("U12", {"cough": True, "pain_areas": ["ribs"]}),
    ("U17", {"redness_swelling": True}),
    ("U19", {"pain_areas": ["neck"], "movement_limited": True}),
    ("U21", {"conditions": ["weak_immune_system"]}),
    ("E12", {"bruising": "elsewhere"}),
])
def test_the_low_fever_band_at_the_edge_of_each_rule(rule_id, changes):
    assert fires(rule_id, **changes, fever="none") is False
    assert fires(rule_id, **changes, fever="low") is True
    assert fires(rule_id, **changes, fever="high") is True


def test_a_low_temperature_alone_is_self_care():
    result = assess({**BASE, "fever": "low"})
    assert result.level == "self_care" and result.reasons == ()
