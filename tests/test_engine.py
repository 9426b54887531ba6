"""The engine: every vignette gets its expected level and exactly the rules the
policy says; properties over generated answers (monotone, level = most urgent
reason, any JSON either validates or raises InvalidAnswers)."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from build_scripts.vignettes import load_vignettes
from checker import InvalidAnswers, Result, assess, validate
from checker.levels import LEVEL_IDS
from checker.questions import BOOLEAN, CHOICE, INTEGER, QUESTIONS, QUESTIONS_BY_ID
from checker.rules import RULES_BY_ID

VIGNETTES = load_vignettes()
RANK = {level: rank for rank, level in enumerate(LEVEL_IDS)}

# The spec's triage policy v3 (section 3) written again, independently, as plain Python.
D14 = {"osteoporosis", "cancer", "bleeding_disorder", "tuberculosis"}
D20 = {"herniated_disc", "spinal_stenosis", "ankylosing_spondylitis"}
U27 = {"osteoporosis", "long_term_steroids", "cancer"}


def fever(a) -> bool:
    return a["fever"] in ("low", "high")


def bleeding(a) -> bool:
    return a["anticoagulants"] or "bleeding_disorder" in a["conditions"]


def not_better(a) -> bool:
    return a["trend"] != "better"


def usual(a) -> bool:
    return a["pain_before"] == "same_as_usual"


def neck(a) -> bool:
    return "neck" in a["pain_areas"]


POLICY = {
    "E1": lambda a: a["saddle_numbness"],
    "E2": lambda a: a["bladder_bowel"],
    "E3": lambda a: a["limb_weakness"],
    "E4": lambda a: a["stroke_signs"],
    "E5": lambda a: a["chest_symptoms"],
    "E6": lambda a: a["both_legs"],
    "E7": lambda a: a["dark_urine"],
    "E8": lambda a: bleeding(a) and (a["severity"] >= 7 or a["limb_numbness"] or a["headache"]),
    "E9": lambda a: a["fever"] == "high" and "neck" in a["pain_areas"] and a["movement_limited"],
    "E10": lambda a: a["abdominal_pain"] and a["severity"] >= 8,
    "E11": lambda a: "cancer" in a["conditions"] and (
        a["limb_numbness"] or a["pain_down_leg"] or a["pain_down_arm"]),
    "E12": lambda a: fever(a) and a["bruising"] == "elsewhere",
    "E13": lambda a: a["limb_numbness"] and a["headache"] and neck(a),
    "E15": lambda a: a["sepsis_signs"],
    "E16": lambda a: a["allergic_reaction"] == "swelling_or_breathing",
    "E17": lambda a: a["fainted"] == "other",
    "E18": lambda a: a["fever"] == "high" and a["headache"] and neck(a),
    "E19": lambda a: "recent_chemotherapy" in a["conditions"] and fever(a),
    "U1": lambda a: a["limb_numbness"] and (a["trend"] == "worse" or a["severity"] >= 7),
    "U3": lambda a: a["calf_swelling"],
    "U4": lambda a: a["fever"] == "high",
    "U5": lambda a: (fever(a) or a["pregnant"]) and a["urinary_symptoms"],
    "U6": lambda a: a["abdominal_pain"],
    "U7": lambda a: a["bruising"] == "elsewhere",
    "U8": lambda a: bleeding(a) and (a["redness_swelling"] or a["trend"] == "worse"),
    "U9": lambda a: bool({"osteoporosis", "long_term_steroids"} & set(a["conditions"])) and (
        a["severity"] >= 7 or a["recent_injury"]),
    "U10": lambda a: a["severity"] >= 8 and a["painkillers"] == "not_helped",
    "U11": lambda a: "neck" in a["pain_areas"] and (a["severity"] >= 7 or a["headache"]),
    "U12": lambda a: fever(a) and a["cough"] and "ribs" in a["pain_areas"],
    "U13": lambda a: a["recent_injury"] and a["severity"] >= 7,
    "U14": lambda a: a["weight_loss"],
    "U15": lambda a: a["night_pain"] and a["hours_since_massage"] > 72,
    "U16": lambda a: "cancer" in a["conditions"] and (
        bool({"neck", "upper_back", "mid_back"} & set(a["pain_areas"]))
        or a["trend"] == "worse" or a["severity"] >= 7 or a["night_pain"]),
    "U17": lambda a: fever(a) and a["redness_swelling"],
    "U18": lambda a: a["worse_when_straining"],
    "U19": lambda a: fever(a) and "neck" in a["pain_areas"] and a["movement_limited"],
    "U20": lambda a: a["pregnant"] and a["headache"],
    "U21": lambda a: "weak_immune_system" in a["conditions"] and fever(a),
    "U22": lambda a: bleeding(a) and a["recent_injury"] and (a["severity"] >= 4 or not_better(a)),
    "U23": lambda a: a["age_group"] == "65_or_over" and (
        a["severity"] >= 7 or a["recent_injury"]),
    "U24": lambda a: a["age_group"] == "under_16" and (a["night_pain"] or fever(a)),
    "U25": lambda a: a["one_sided_rash"],
    "U26": lambda a: a["pregnant"] and a["pregnancy_signs"],
    "U27": lambda a: a["hurts_to_breathe"] and (
        bool(U27 & set(a["conditions"])) or a["age_group"] == "65_or_over"),
    "U28": lambda a: a["headache"] and a["massage_type"] == "manual_therapy" and bool(
        {"neck", "upper_back"} & set(a["pain_areas"])),
    "D2": lambda a: a["redness_swelling"],
    "D3": lambda a: a["painkillers"] == "not_helped" and a["severity"] >= 4,
    "D4": lambda a: (a["hours_since_massage"] > 72 and not_better(a) and a["severity"] >= 3
                     and not usual(a)),
    "D5": lambda a: a["hours_since_massage"] > 168 and a["severity"] >= 3 and not usual(a),
    "D6": lambda a: a["trend"] == "worse" and a["hours_since_massage"] >= 48,
    "D7": lambda a: a["pain_down_leg"] or a["pain_down_arm"],
    "D8": lambda a: a["movement_limited"] and a["hours_since_massage"] > 72,
    "D9": lambda a: a["night_pain"],
    "D11": lambda a: a["urinary_symptoms"],
    "D12": lambda a: a["recent_injury"] and (a["severity"] >= 4 or not_better(a)),
    "D13": lambda a: a["severity"] >= 7,
    "D14": lambda a: bool(D14 & set(a["conditions"])),
    "D15": lambda a: a["pregnant"],
    "D16": lambda a: bleeding(a) and a["bruising"] == "at_site",
    "D17": lambda a: a["fainted"] == "on_standing",
    "D18": lambda a: a["age_group"] == "under_16" and a["severity"] >= 4,
    "D19": lambda a: a["limb_numbness"],
    "D20": lambda a: bool(D20 & set(a["conditions"])) and (a["severity"] >= 4 or not_better(a)),
    "D21": lambda a: a["hours_since_massage"] > 336 and a["severity"] >= 1 and not usual(a),
}
LEVEL_OF = {"E": "emergency", "U": "urgent", "D": "doctor"}

# The rules each vignette fires, worked out by hand from the policy.
VIGNETTE_RULES = {
    "V01": [], "V02": [], "V03": ["D4"], "V04": [], "V05": ["E3"], "V06": ["E1", "E2"],
    "V07": ["E4", "U11", "D13"], "V08": ["U4"], "V09": ["U17", "D2"], "V10": ["E7", "D13"],
    "V11": ["D16"], "V12": [], "V13": ["U7"], "V14": ["D3"], "V15": ["U10", "D3", "D13"],
    "V16": ["D7"], "V17": ["D15"], "V18": ["D20"], "V19": [], "V20": ["U3"], "V21": ["E5"],
    "V22": ["U11", "D6", "D13"], "V23": ["U5", "D11"], "V24": ["U9", "D13", "D14"],
    "V25": [], "V26": ["D6"], "V27": ["E6"], "V28": ["E8", "D13"], "V29": ["U11"],
    "V30": ["E9", "U4", "U19"], "V31": ["E6"], "V32": ["U9", "D12", "D14"],
    "V33": ["U16", "D14"], "V34": ["U14"], "V35": ["U18"], "V36": [], "V37": [],
    "V38": ["U15", "D9"], "V39": ["E12", "U4", "U7"], "V40": ["U5", "D11", "D15"],
    "V41": ["U8"],
    # Policy v3
    "V42": ["E13", "U11", "D19"], "V43": ["E16"], "V44": [], "V45": ["E17"], "V46": ["D17"],
    "V47": ["E15", "U4"], "V48": ["E18", "U4", "U11"], "V49": ["E19", "D14"], "V50": ["D19"],
    "V51": ["U1", "D19"], "V52": ["U22", "D12"], "V53": ["U23", "D13"], "V54": [],
    "V55": ["U27"], "V56": [], "V57": ["U24", "D9"], "V58": ["D18"],
    "V59": ["U25", "D4", "D6"], "V60": ["U20", "U26", "D15"], "V61": ["U28"], "V62": [],
    "V63": ["D4"], "V64": [], "V65": ["D21"], "V66": [], "V67": [], "V68": ["D20"], "V69": [],
}


def policy_rules(answers) -> list[str]:
    """Return the ids of the spec rules that hold, in spec order (most urgent first)."""
    return [rule_id for rule_id, holds in POLICY.items() if holds(answers)]


def policy_level(rule_ids) -> str:
    return LEVEL_OF[rule_ids[0][0]] if rule_ids else "self_care"


# ---------------------------------------------------------------------------
# Vignettes

@pytest.mark.parametrize("vignette", VIGNETTES, ids=lambda vignette: vignette["id"])
def test_vignette_gets_its_expected_level_and_rules(vignette):
    result = assess(vignette["answers"])
    answers = validate(vignette["answers"])
    assert result.level == vignette["expect"], vignette["story"]
    fired = [reason.rule for reason in result.reasons]
    assert fired == VIGNETTE_RULES[vignette["id"]]
    assert fired == policy_rules(answers)
    for rule_id in fired:
        assert RULES_BY_ID[rule_id].condition.holds(answers)
    expected_level = result.reasons[0].level if result.reasons else "self_care"
    assert result.level == expected_level


def test_every_vignette_is_covered():
    assert sorted(vignette["id"] for vignette in VIGNETTES) == sorted(VIGNETTE_RULES)
    assert {vignette["expect"] for vignette in VIGNETTES} == set(LEVEL_IDS)


def test_reasons_are_most_urgent_first_then_in_table_order():
    result = assess({"hours_since_massage": 100, "severity": 9, "painkillers": "not_helped",
                     "pregnant": True, "fever": "low", "dark_urine": True, "cough": True,
                     "pain_areas": ["ribs"], "both_legs": True})
    assert [reason.rule for reason in result.reasons] == [
        "E6", "E7", "U10", "U12", "D3", "D4", "D13", "D15"]


def test_assess_returns_a_result_and_accepts_validated_answers():
    answers = validate({"hours_since_massage": 5, "severity": 2})
    result = assess(answers)
    assert isinstance(result, Result) and result.level == "self_care" and result.reasons == ()


def test_assess_raises_invalid_answers():
    with pytest.raises(InvalidAnswers, match="severity: must be an integer from 0 to 10, got 11"):
        assess({"hours_since_massage": 5, "severity": 11})


# ---------------------------------------------------------------------------
# Strategies built from the question data

def answer_values(question):
    """Return a strategy of valid values for one question."""
    if question.kind == INTEGER:
        return st.integers(question.minimum, question.maximum)
    if question.kind == BOOLEAN:
        return st.booleans()
    if question.kind == CHOICE:
        return st.sampled_from(question.values)
    return st.lists(st.sampled_from(question.values), unique=True)


valid_answers = st.fixed_dictionaries(
    {question.id: answer_values(question) for question in QUESTIONS if question.required},
    optional={question.id: answer_values(question)
              for question in QUESTIONS if not question.required},
)


@st.composite
def worsened(draw):
    """Return (answers, the same answers with one thing made more worrying)."""
    answers = draw(valid_answers)
    full = validate(answers).to_dict()
    question = draw(st.sampled_from([question for question in QUESTIONS
                                     if question.kind != CHOICE or question.ordered]))
    value = full[question.id]
    if question.kind == INTEGER:
        worse = draw(st.integers(value, question.maximum))
    elif question.kind == BOOLEAN:
        worse = True
    elif question.kind == CHOICE:
        worse = draw(st.sampled_from(question.values[question.values.index(value):]))
    else:
        extra = [item for item in question.values if item not in value]
        worse = value + draw(st.lists(st.sampled_from(extra), unique=True)) if extra else value
    return answers, {**answers, question.id: worse}


json_scalars = (st.none() | st.booleans() | st.integers() | st.floats()
                | st.text(max_size=12) | st.sampled_from(["true", "4", "neck", "high", ""]))
near_miss_keys = st.sampled_from(list(QUESTIONS_BY_ID)).flatmap(
    lambda key: st.sampled_from([key, key.upper(), key + "s", key[:-1], key.replace("_", " "),
                                 " " + key, key.replace("_", "-")]))
json_values = st.recursive(json_scalars, lambda children: st.lists(children, max_size=4)
                           | st.dictionaries(st.text(max_size=8), children, max_size=4),
                           max_leaves=12)


@st.composite
def json_like_answers(draw):
    """Return an arbitrary JSON-like value, often close to valid answers."""
    kind = draw(st.sampled_from(["value", "object", "mutated"]))
    if kind == "value":
        return draw(json_values)
    if kind == "object":
        keys = st.sampled_from(list(QUESTIONS_BY_ID)) | near_miss_keys | st.text(max_size=10)
        return draw(st.dictionaries(keys, json_values, max_size=8))
    answers = draw(valid_answers)
    key = draw(st.sampled_from(list(QUESTIONS_BY_ID)) | near_miss_keys)
    return {**answers, key: draw(json_values)}


# ---------------------------------------------------------------------------
# Properties

@given(valid_answers)
def test_engine_agrees_with_the_policy_written_independently(data):
    answers = validate(data)
    result = assess(data)
    assert [reason.rule for reason in result.reasons] == policy_rules(answers)
    assert result.level == policy_level(policy_rules(answers))


@given(valid_answers)
def test_the_level_is_the_most_urgent_reason_and_self_care_iff_none(data):
    result = assess(data)
    levels = [reason.level for reason in result.reasons]
    assert levels == sorted(levels, key=RANK.__getitem__), "most urgent first"
    if result.reasons:
        assert result.level == levels[0]
    else:
        assert result.level == "self_care"
    assert (result.level == "self_care") == (not result.reasons)
    for reason in result.reasons:
        assert reason.level == RULES_BY_ID[reason.rule].level
        assert RULES_BY_ID[reason.rule].condition.holds(validate(data))
    assert result.watch_for, "safety-netting is always given"
    assert result.advice
    assert result.pause_massage is (result.level != "self_care")


@given(valid_answers)
def test_anti_inflammatories_are_never_suggested_when_pregnant_or_on_blood_thinners(data):
    answers = validate(data)
    result = assess(data)
    at_risk = (answers["pregnant"] or answers["anticoagulants"]
               or "bleeding_disorder" in answers["conditions"])
    for line in result.advice:
        if at_risk and any(drug in line for drug in ("ibuprofen", "naproxen", "aspirin")):
            assert line.startswith("Do not take anti-inflammatory painkillers")


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(worsened())
def test_a_more_worrying_answer_never_lowers_the_level(pair):
    before, after = pair
    assert RANK[assess(after).level] <= RANK[assess(before).level]


# A worse answer can swap a rule for a more urgent one (on blood thinners, a bruise
# where massaged, D16, becomes bruising elsewhere, U7), so the rule sets need not
# grow: the level must not drop.
def test_a_worse_answer_can_replace_a_rule_with_a_more_urgent_one():
    base = {"hours_since_massage": 0, "severity": 0, "anticoagulants": True}
    at_site = assess({**base, "bruising": "at_site"})
    elsewhere = assess({**base, "bruising": "elsewhere"})
    assert [reason.rule for reason in at_site.reasons] == ["D16"]
    assert [reason.rule for reason in elsewhere.reasons] == ["U7"]
    assert RANK[elsewhere.level] < RANK[at_site.level]


# Policy v3: giving an age never lowers the level from "prefer not to say", and the
# pain the reader had before the massage lowers it only as the spec allows.
@settings(suppress_health_check=[HealthCheck.too_slow])
@given(valid_answers, st.sampled_from(QUESTIONS_BY_ID["age_group"].values))
def test_giving_an_age_never_lowers_the_level(data, age):
    unsaid = assess({**data, "age_group": "not_given"})
    assert RANK[assess({**data, "age_group": age}).level] <= RANK[unsaid.level]


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(valid_answers)
def test_pain_worse_than_usual_never_lowers_the_level(data):
    new = assess({**data, "pain_before": "new"})
    worse = assess({**data, "pain_before": "worse_than_usual"})
    assert [reason.rule for reason in worse.reasons] == [reason.rule for reason in new.reasons]


# "Yes, and it is no worse than usual" is the one answer that may lower the level,
# and only by turning off D4, D5 and D21.
USUAL_PAIN_RULES = {"D4", "D5", "D21"}


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(valid_answers)
def test_usual_pain_turns_off_d4_d5_and_d21_and_nothing_else(data):
    new = {reason.rule for reason in assess({**data, "pain_before": "new"}).reasons}
    usual = {reason.rule for reason in assess({**data, "pain_before": "same_as_usual"}).reasons}
    assert usual <= new
    assert new - usual <= USUAL_PAIN_RULES


def test_usual_pain_lowers_a_level_only_through_the_time_rules():
    answers = {"hours_since_massage": 200, "severity": 4, "pain_areas": ["lower_back"]}
    new = assess({**answers, "pain_before": "new"})
    usual = assess({**answers, "pain_before": "same_as_usual"})
    assert [reason.rule for reason in new.reasons] == ["D4", "D5"]
    assert (new.level, usual.level) == ("doctor", "self_care")


# Every sign the policy adds in v2 and v3 never lowers the level of ordinary soreness.
@pytest.mark.parametrize("added", [
    {"headache": True}, {"worse_when_straining": True}, {"dark_urine": True},
    {"conditions": ["weak_immune_system"], "fever": "low"},
    {"conditions": ["long_term_steroids"], "recent_injury": True},
    # v3
    {"sepsis_signs": True}, {"allergic_reaction": "rash_only"},
    {"allergic_reaction": "swelling_or_breathing"}, {"fainted": "on_standing"},
    {"fainted": "other"}, {"one_sided_rash": True}, {"hurts_to_breathe": True},
    {"pregnancy_signs": True}, {"conditions": ["recent_chemotherapy"], "fever": "low"},
    {"age_group": "65_or_over"}, {"age_group": "under_16"},
])
def test_an_added_sign_never_lowers_the_level(added):
    ordinary = {"hours_since_massage": 24, "severity": 4, "pain_areas": ["neck"],
                "pregnant": True, "anticoagulants": True}
    assert RANK[assess({**ordinary, **added}).level] <= RANK[assess(ordinary).level]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(json_like_answers())
def test_any_json_like_value_validates_or_raises_invalid_answers(data):
    try:
        result = assess(data)
    except InvalidAnswers as error:
        message = str(error)
        assert message and "\n" not in message
    else:
        assert isinstance(result, Result)
        json.dumps(result.to_dict())
