"""The rule table: the ids and levels of the policy written independently
(tests/test_engine.py), the reason texts, every threshold at and either side of
its boundary. (Each rule's section of the warning signs is checked in
test_article_levels.py, and resolving in the built site in test_result.py.)"""

from __future__ import annotations

import pytest

from checker import RULES, assess, validate
from checker.citations import Citation
from checker.conditions import Is
from checker.rules import RETIRED_IDS, RULES_BY_ID, Rule, check_rules, join_and
from tests.test_engine import LEVEL_OF, POLICY

BASE = {"hours_since_massage": 20, "severity": 4}
SECTION = Citation("warning-signs", "x")


def fires(rule_id: str, **changes) -> bool:
    return RULES_BY_ID[rule_id].fires(validate({**BASE, **changes}))


# ---------------------------------------------------------------------------
# The table

def test_the_rule_ids_and_levels_are_the_independent_policys_in_its_order():
    assert [rule.id for rule in RULES] == list(POLICY)
    assert [rule.level for rule in RULES] == [LEVEL_OF[rule_id[0]] for rule_id in POLICY]


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_each_rule_has_a_name_a_plain_reason_and_a_description(rule):
    assert rule.name and rule.name[0].isupper()
    assert rule.reason.startswith(("You", "Your", "One", "The", "It", "Ordinary"))
    assert rule.reason.endswith(".")
    assert "_" not in rule.condition.describe(), "descriptions use words, not field ids"


# A rule's fields, with a level, a condition and words that are sound.
SOUND = {"level": "doctor", "name": "X", "condition": Is("cough"), "reason": "Text.",
         "source": SECTION, "sign": "Sign"}


def test_retired_ids_are_never_reused():
    assert not RETIRED_IDS & {rule.id for rule in RULES}
    with pytest.raises(ValueError, match="rule D1: the id is retired"):
        Rule("D1", **SOUND)


def test_the_fields_after_the_id_are_keywords():
    with pytest.raises(TypeError):
        Rule("D90", "doctor", "X", Is("cough"), "Text.", SECTION, "Sign")


@pytest.mark.parametrize(("rule_id", "changes", "message"), [
    ("D90", {"level": "soon"}, "rule D90: unknown level 'soon'"),
    ("D90", {"reason": "Pain {pain}."}, r"reason names unknown field\(s\) \['pain'\]"),
    ("D90", {"sign": "a sign."}, "the sign must be"),
    # An id is its level's letter and a number.
    ("U90", {}, r"rule U90: the id must be its level's letter and a number \(E, U, D for "
                r"emergency, urgent, doctor\)"),
    ("X1", {}, "rule X1: the id must be its level's letter"),
    ("D", {}, "rule D: the id must be its level's letter"),
    ("D90", {"level": "self_care"}, "rule D90: the id must be its level's letter"),
    # A rule about some people fires only for them.
    ("D90", {"who": Is("pregnant")}, r"rule D90: who reads \['pregnant'\], which the "
                                     "condition does not"),
])
def test_a_bad_rule_fails_when_built(rule_id, changes, message):
    with pytest.raises(ValueError, match=message):
        Rule(rule_id, **{**SOUND, **changes})


@pytest.mark.parametrize(("rules", "message"), [
    ((*RULES, RULES_BY_ID["D2"]), r"rule id\(s\) \['D2'\] given twice"),
    # An answer that alone is an emergency is asked in the danger steps, where the form
    # stops for it at once: a new headache is asked later.
    ((*RULES, Rule("E90", **{**SOUND, "level": "emergency", "condition": Is("headache")})),
     "rule E90: headache alone is an emergency, so it is asked in a danger section, not "
     "symptoms_more"),
])
def test_a_bad_rule_table_fails_at_import(rules, message):
    with pytest.raises(ValueError, match=message):
        check_rules(rules)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_each_rule_names_its_sign_in_words(rule):
    assert "_" not in rule.sign


@pytest.mark.parametrize(("rule_id", "data", "text"), [
    ("D13", {"severity": 9}, "Your pain is severe: 9 out of 10."),
    ("D4", {"hours_since_massage": 96},
     "Your massage was 96 hours ago, more than three days, and the pain (4 out of 10) is not "
     "getting better."),
    ("D14", {"conditions": ["scoliosis", "cancer", "osteoporosis", "herniated_disc"]},
     "You have been diagnosed with: cancer (now or in the past) and osteoporosis (thin, weak "
     "bones). A doctor should check you before any more massage."),
    ("D20", {"conditions": ["spinal_stenosis", "scoliosis"], "trend": "worse"},
     "You have been diagnosed with: spinal stenosis (narrowed spine), and your pain is 4 out "
     "of 10 and getting worse."),
    ("D21", {"hours_since_massage": 400, "severity": 1},
     "Your massage was 400 hours ago, more than two weeks, and it still hurts (1 out of 10)."),
    ("U4", {"fever": "high"}, "You have a high temperature: 38 °C or more, or your chest feels "
                              "hotter than usual or you keep shivering."),
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
    # D4 (v3): hours > 72, not better, severity >= 3 and not usual pain
    ("D4", {"hours_since_massage": 72}, False),
    ("D4", {"hours_since_massage": 73}, True),
    ("D4", {"hours_since_massage": 73, "trend": "worse"}, True),
    ("D4", {"hours_since_massage": 73, "trend": "better"}, False),
    ("D4", {"hours_since_massage": 73, "severity": 2}, False),
    ("D4", {"hours_since_massage": 73, "severity": 3}, True),
    ("D4", {"hours_since_massage": 73, "severity": 0}, False),
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
    # D21 (v3): hours > 336 and severity >= 1 and not usual pain
    ("D21", {"hours_since_massage": 336, "severity": 1}, False),
    ("D21", {"hours_since_massage": 337, "severity": 1}, True),
    ("D21", {"hours_since_massage": 337, "severity": 0}, False),
    ("D21", {"hours_since_massage": 8760, "severity": 10}, True),
    # D3 (v3): painkillers not helped and severity >= 4
    ("D3", {"painkillers": "not_helped", "severity": 3}, False),
    ("D3", {"painkillers": "not_helped", "severity": 4}, True),
    ("D3", {"painkillers": "helped", "severity": 9}, False),
    # D12 (v3): recent injury and (severity >= 4 or not better)
    ("D12", {"recent_injury": True, "severity": 3, "trend": "better"}, False),
    ("D12", {"recent_injury": True, "severity": 4, "trend": "better"}, True),
    ("D12", {"recent_injury": True, "severity": 3, "trend": "same"}, True),
    ("D12", {"recent_injury": False, "severity": 9, "trend": "worse"}, False),
    # D18 (v3): under 16 and severity >= 4
    ("D18", {"age_group": "under_16", "severity": 3}, False),
    ("D18", {"age_group": "under_16", "severity": 4}, True),
    # D20 (v3): disc, stenosis or AS and (severity >= 4 or not better)
    ("D20", {"conditions": ["herniated_disc"], "severity": 3, "trend": "better"}, False),
    ("D20", {"conditions": ["herniated_disc"], "severity": 4, "trend": "better"}, True),
    ("D20", {"conditions": ["spinal_stenosis"], "severity": 3, "trend": "same"}, True),
    ("D20", {"conditions": ["ankylosing_spondylitis"], "severity": 1, "trend": "worse"}, True),
    ("D20", {"conditions": ["osteochondrosis"], "severity": 9, "trend": "worse"}, False),
    # U1 (v3): numbness and (worse or severity >= 7); D19 is numbness alone
    ("U1", {"limb_numbness": True, "severity": 6}, False),
    ("U1", {"limb_numbness": True, "severity": 7}, True),
    ("U1", {"limb_numbness": True, "severity": 2, "trend": "worse"}, True),
    ("U1", {"limb_numbness": False, "severity": 9, "trend": "worse"}, False),
    ("D19", {"limb_numbness": True, "severity": 1, "trend": "better"}, True),
    ("D19", {"limb_numbness": False}, False),
    # U23 (v3): 65 or over and (severity >= 7 or recent injury)
    ("U23", {"age_group": "65_or_over", "severity": 6}, False),
    ("U23", {"age_group": "65_or_over", "severity": 7}, True),
    ("U23", {"age_group": "65_or_over", "recent_injury": True, "severity": 1}, True),
    # U22 (v3): bleeding risk and recent injury and (severity >= 4 or not better)
    ("U22", {"anticoagulants": True, "recent_injury": True, "severity": 3,
             "trend": "better"}, False),
    ("U22", {"anticoagulants": True, "recent_injury": True, "severity": 4,
             "trend": "better"}, True),
    ("U22", {"conditions": ["bleeding_disorder"], "recent_injury": True, "severity": 1,
             "trend": "same"}, True),
    ("U22", {"recent_injury": True, "severity": 9}, False),
    ("U22", {"anticoagulants": True, "severity": 6, "trend": "worse"}, False),
    # U24 (v3): under 16 and (night pain or fever present)
    ("U24", {"age_group": "under_16", "night_pain": True}, True),
    ("U24", {"age_group": "under_16", "fever": "low"}, True),
    ("U24", {"age_group": "under_16"}, False),
    # U25, U26 (v3)
    ("U25", {"one_sided_rash": True}, True),
    ("U26", {"pregnant": True, "pregnancy_signs": True}, True),
    ("U26", {"pregnancy_signs": True}, False),
    ("U26", {"pregnant": True}, False),
    # U27 (v3): hurts to breathe and (weak bones, cancer or 65 or over)
    ("U27", {"hurts_to_breathe": True}, False),
    ("U27", {"hurts_to_breathe": True, "conditions": ["osteoporosis"]}, True),
    ("U27", {"hurts_to_breathe": True, "conditions": ["long_term_steroids"]}, True),
    ("U27", {"hurts_to_breathe": True, "conditions": ["cancer"]}, True),
    ("U27", {"hurts_to_breathe": True, "age_group": "65_or_over"}, True),
    ("U27", {"hurts_to_breathe": True, "age_group": "50_to_64"}, False),
    ("U27", {"conditions": ["osteoporosis"], "age_group": "65_or_over"}, False),
    # U28 (v3): headache and manual therapy and (neck or upper back)
    ("U28", {"headache": True, "massage_type": "manual_therapy", "pain_areas": ["neck"]}, True),
    ("U28", {"headache": True, "massage_type": "manual_therapy",
             "pain_areas": ["upper_back"]}, True),
    ("U28", {"headache": True, "massage_type": "manual_therapy",
             "pain_areas": ["lower_back"]}, False),
    ("U28", {"headache": True, "massage_type": "sports", "pain_areas": ["neck"]}, False),
    ("U28", {"massage_type": "manual_therapy", "pain_areas": ["neck"]}, False),
    # E13, E15-E19 (v3)
    ("E13", {"limb_numbness": True, "headache": True, "pain_areas": ["neck"]}, True),
    ("E13", {"limb_numbness": True, "headache": True, "pain_areas": ["upper_back"]}, False),
    ("E13", {"limb_numbness": True, "pain_areas": ["neck"]}, False),
    ("E15", {"sepsis_signs": True}, True),
    ("E16", {"allergic_reaction": "swelling_or_breathing"}, True),
    ("E16", {"allergic_reaction": "rash_only"}, False),
    ("E17", {"fainted": "other"}, True),
    ("E17", {"fainted": "on_standing"}, False),
    ("D17", {"fainted": "on_standing"}, True),
    ("D17", {"fainted": "none"}, False),
    ("E18", {"fever": "high", "headache": True, "pain_areas": ["neck"]}, True),
    ("E18", {"fever": "low", "headache": True, "pain_areas": ["neck"]}, False),
    ("E18", {"fever": "high", "pain_areas": ["neck"]}, False),
    ("E19", {"conditions": ["recent_chemotherapy"], "fever": "low"}, True),
    ("E19", {"conditions": ["recent_chemotherapy"]}, False),
    ("E19", {"conditions": ["cancer"], "fever": "high"}, False),
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
    # D14 (v3): only osteoporosis, cancer, a bleeding disorder or TB
    ("D14", {"conditions": ["osteochondrosis", "scoliosis", "skin_disease"]}, False),
    ("D14", {"conditions": ["herniated_disc", "spinal_stenosis", "ankylosing_spondylitis"]},
     False),
    ("D14", {"conditions": ["osteoporosis"]}, True),
    ("D14", {"conditions": ["cancer"]}, True),
    ("D14", {"conditions": ["bleeding_disorder"]}, True),
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
    ("E19", {"conditions": ["recent_chemotherapy"]}),
    ("U24", {"age_group": "under_16"}),
])
def test_the_low_fever_band_at_the_edge_of_each_rule(rule_id, changes):
    assert fires(rule_id, **changes, fever="none") is False
    assert fires(rule_id, **changes, fever="low") is True
    assert fires(rule_id, **changes, fever="high") is True


def test_a_low_temperature_alone_is_self_care():
    result = assess({**BASE, "fever": "low"})
    assert result.level == "self_care" and result.reasons == ()


# ---------------------------------------------------------------------------
# Policy v3: the age groups, and the pain the reader had before the massage

AGE_GROUPS = ("under_16", "16_to_49", "50_to_64", "65_or_over", "not_given")


@pytest.mark.parametrize(("rule_id", "changes", "fires_for"), [
    ("U23", {"severity": 7}, {"65_or_over"}),
    ("U23", {"recent_injury": True, "severity": 1, "trend": "better"}, {"65_or_over"}),
    ("U24", {"night_pain": True}, {"under_16"}),
    ("U24", {"fever": "low"}, {"under_16"}),
    ("U27", {"hurts_to_breathe": True}, {"65_or_over"}),
    ("D18", {"severity": 4}, {"under_16"}),
])
def test_each_age_group_against_the_age_rules(rule_id, changes, fires_for):
    """"Prefer not to say" counts as neither under 16 nor 65 or over."""
    for age in AGE_GROUPS:
        assert fires(rule_id, **changes, age_group=age) is (age in fires_for), age


@pytest.mark.parametrize(("rule_id", "changes"), [
    ("D4", {"hours_since_massage": 73, "severity": 3}),
    ("D5", {"hours_since_massage": 169, "severity": 3}),
    ("D21", {"hours_since_massage": 337, "severity": 1, "trend": "better"}),
])
def test_pain_as_usual_turns_off_only_the_time_rules(rule_id, changes):
    assert fires(rule_id, **changes, pain_before="new") is True
    assert fires(rule_id, **changes, pain_before="worse_than_usual") is True
    assert fires(rule_id, **changes, pain_before="same_as_usual") is False


def test_no_pain_at_all_days_later_is_self_care():
    """v2 sent a reader with no pain five days on to a doctor (D4 on the default trend)."""
    assert assess({"hours_since_massage": 120, "severity": 0}).level == "self_care"
