"""The condition vocabulary: each piece evaluates, describes itself (and its
opposite) in plain words from the question data, and refuses unknown names."""

from __future__ import annotations

import pytest

from checker import validate
from checker.conditions import Above, AllOf, AnyOf, AtLeast, Includes, Is, Not, OneOf

BASE = {"hours_since_massage": 48, "severity": 5}


def answers(**changes):
    return validate({**BASE, **changes})


@pytest.mark.parametrize(("condition", "data", "expected"), [
    (Is("cough"), {}, False),
    (Is("cough"), {"cough": True}, True),
    (Is("cough", False), {}, True),
    (Is("fever", "high"), {"fever": "high"}, True),
    (Is("fever", "high"), {"fever": "low"}, False),
    (OneOf("fever", "low", "high"), {"fever": "low"}, True),
    (OneOf("fever", "low", "high"), {}, False),
    (AtLeast("severity", 5), {}, True),
    (AtLeast("severity", 6), {}, False),
    (Above("hours_since_massage", 47), {}, True),
    (Above("hours_since_massage", 48), {}, False),
    (Includes("pain_areas", "neck"), {"pain_areas": ["ribs", "neck"]}, True),
    (Includes("pain_areas", "neck", "ribs"), {"pain_areas": ["ribs"]}, True),
    (Includes("pain_areas", "neck"), {}, False),
    (AnyOf(Is("cough"), Is("pregnant")), {"pregnant": True}, True),
    (AnyOf(Is("cough"), Is("pregnant")), {}, False),
    (AllOf(Is("cough"), Is("pregnant")), {"pregnant": True}, False),
    (AllOf(Is("cough"), Is("pregnant")), {"pregnant": True, "cough": True}, True),
    (Not(Is("fever", "none")), {"fever": "low"}, True),
    (Not(Is("fever", "none")), {}, False),
])
def test_conditions_evaluate_against_answers(condition, data, expected):
    assert condition.holds(answers(**data)) is expected


@pytest.mark.parametrize(("condition", "described"), [
    (Is("cough"), "a new cough"),
    (Is("fever", "high"),
     "temperature: “38 °C or more, or my chest feels hot or I keep shivering”"),
    (Not(Is("fever", "none")),
     "temperature: “37.5 to 37.9 °C” or “38 °C or more, or my chest feels hot or I keep "
     "shivering”"),
    (Not(Is("trend", "better")), "the pain is: “about the same” or “getting worse”"),
    (OneOf("massage_type", "deep_tissue", "sports"),
     "type of massage: “deep tissue (firm, deep pressure)” or “sports massage”"),
    (AtLeast("severity", 7), "pain score is at least 7 out of 10 (severe)"),
    (AtLeast("severity", 8), "pain score is at least 8 out of 10"),
    (Not(AtLeast("severity", 7)), "pain score is less than 7 out of 10"),
    (Above("hours_since_massage", 72), "time since the massage is more than 72 hours"),
    (Not(Above("hours_since_massage", 48)), "time since the massage is at most 48 hours"),
    (Includes("pain_areas", "neck"), "painful areas include “neck”"),
    (Includes("pain_areas", "neck", "ribs"),
     "painful areas include any of “neck” or “ribs”"),
    (Not(Includes("pain_areas", "neck")), "painful areas do not include “neck”"),
    (AllOf(Is("cough"), Includes("pain_areas", "ribs")),
     "a new cough and painful areas include “ribs”"),
    (AllOf(Is("anticoagulants"), AnyOf(Is("cough"), Is("pregnant"))),
     "takes blood thinners and (a new cough or pregnant)"),
    (AllOf(Not(Is("fever", "none")), Is("cough")),
     "(temperature: “37.5 to 37.9 °C” or “38 °C or more, or my chest feels hot or I keep "
     "shivering”) and a new cough"),
    (Not(AnyOf(Is("cough"), Is("pregnant"))), "not a new cough and not pregnant"),
    (Not(AllOf(Is("cough"), Is("pregnant"))), "not a new cough or not pregnant"),
    (Not(Not(Is("cough"))), "a new cough"),
])
def test_conditions_describe_themselves_in_plain_words(condition, described):
    assert condition.describe() == described


@pytest.mark.parametrize(("make", "message"), [
    (lambda: Is("coughing"), "unknown field 'coughing'"),
    (lambda: Is("fever", "very_high"), "unknown or missing choice"),
    (lambda: Is("cough", "yes"), "must be True or False"),
    (lambda: Is("severity", 7), "needs a question of kind boolean or choice, not integer"),
    (lambda: AtLeast("cough", 1), "needs a question of kind integer"),
    (lambda: Above("fever", 1), "needs a question of kind integer"),
    (lambda: AtLeast("severity", 11), "condition on 'severity': 11 is outside its range, 0 to 10"),
    (lambda: Above("hours_since_massage", -1), "-1 is outside its range, 0 to 8760"),
    (lambda: Includes("pain_areas", "knee"), "unknown or missing choice"),
    (lambda: Includes("pain_areas"), "unknown or missing choice"),
    (lambda: OneOf("pain_areas", "neck"), "needs a question of kind choice, not multi-choice"),
    (lambda: AnyOf(), "needs one or more conditions"),
    (lambda: AllOf("cough"), "needs one or more conditions"),
])
def test_a_condition_naming_an_unknown_field_or_choice_fails_when_built(make, message):
    with pytest.raises(ValueError, match=message):
        make()


def test_mentions_lists_fields_and_the_values_named():
    condition = AllOf(Is("anticoagulants"), AnyOf(Not(Is("bruising", "none")),
                                                  Includes("conditions", "cancer")),
                      AtLeast("severity", 3))
    assert condition.mentions() == {
        "anticoagulants": frozenset({True}), "bruising": frozenset({"none"}),
        "conditions": frozenset({"cancer"}), "severity": frozenset()}


def test_conditions_are_values():
    assert Is("cough") == Is("cough", True)
    assert hash(Includes("pain_areas", "neck")) == hash(Includes("pain_areas", "neck"))
    assert AtLeast("severity", 7) != AtLeast("severity", 8)
