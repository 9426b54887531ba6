"""Advice and safety-netting are fitted to the answers and the level."""

from __future__ import annotations

import re

import pytest

from checker import assess, validate
from checker.advice import ADVICE, WATCH_FOR, WHILE_YOU_WAIT, Tip, advice_for, safety_net
from checker.levels import LEVEL_IDS
from checker.rules import rules_at

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
    # No heat with a temperature, of either band.
    ("self_care", {"fever": "low"}, "", "Warmth"),
    ("urgent", {"fever": "high"}, "", "Warmth"),
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
    ("doctor", {"pregnant": True}, "Book an appointment", "usually starts within hours"),
    ("self_care", {}, "usually starts within hours", "Have no more massage"),
])
def test_advice_fits_the_answers(level, changes, present, absent):
    text = advice(level, **changes)
    assert present in text
    if absent:
        assert absent not in text


def watch_for(level="self_care", **changes) -> list[str]:
    return [line.sentence() for line in safety_net(validate({**BASE, **changes}), level)]


@pytest.mark.parametrize("level", LEVEL_IDS)
def test_every_level_has_advice_and_safety_netting(level):
    answers = validate(BASE)
    assert advice_for(answers, level)
    assert safety_net(answers, level)


@pytest.mark.parametrize("level", ["urgent", "doctor", "self_care"])
def test_below_emergency_the_safety_net_names_every_emergency_sign(level):
    lines = safety_net(validate(BASE), level)
    emergency = [line for line in lines if line.text.startswith("Call the emergency number")]
    assert len(emergency) == 1
    assert emergency[0].signs == tuple(rule.sign for rule in rules_at("emergency"))


def test_an_emergency_result_lists_no_more_signs():
    assert all(not line.signs for line in safety_net(validate(BASE), "emergency"))


def test_urgent_signs_are_the_watched_ones_that_concern_the_person_and_have_not_fired():
    lines = {line.text: line.signs for line in safety_net(validate(BASE), "self_care")}
    urgent = lines["See a doctor today if you get any of these:"]
    expected = [rule.sign for rule in rules_at("urgent") if rule.watch and rule.who is None]
    assert list(urgent) == expected
    # Signs for people on blood thinners appear only for them; a fired rule is not repeated.
    thinners = safety_net(validate({**BASE, "anticoagulants": True, "pain_areas": ["neck"],
                                    "severity": 4}), "self_care")
    urgent = next(line.signs for line in thinners if line.text.startswith("See a doctor today"))
    assert any(sign.startswith("On blood thinners") for sign in urgent)
    fired = safety_net(validate({**BASE, "fever": "high"}), "urgent")
    assert not any("38 °C" in sign for line in fired for sign in line.signs)


def test_safety_netting_for_blood_thinners_names_the_emergency_signs():
    text = " ".join(watch_for(anticoagulants=True))
    assert ("Because you take blood thinners or have a bleeding disorder, call the emergency "
            "number at once for sudden severe back pain, new numbness or weakness, or a new "
            "headache.") in text
    assert "Because you take blood thinners" in " ".join(
        watch_for(conditions=["bleeding_disorder"]))
    assert "Because you take blood thinners" not in " ".join(watch_for())


def test_after_a_neck_massage_the_safety_net_names_a_new_headache_and_a_stroke():
    neck = " ".join(watch_for(pain_areas=["neck"]))
    assert "see a doctor today if you get a new headache" in neck
    assert "call the emergency number for any sign of a stroke" in neck
    assert "see a doctor today if you get a new headache" not in " ".join(
        watch_for(pain_areas=["lower_back"]))


def test_a_line_with_signs_reads_as_one_sentence():
    line = next(line for line in safety_net(validate(BASE), "doctor") if line.signs)
    sentence = line.sentence()
    assert sentence.startswith(line.text + " ") and sentence.endswith(".")
    assert sentence.count("; ") == len(line.signs) - 1


@pytest.mark.parametrize("tip", ADVICE + WHILE_YOU_WAIT + WATCH_FOR,
                         ids=lambda tip: tip.text[:30])
def test_tips_are_short_plain_sentences_without_doses(tip):
    assert tip.text.endswith(".") and tip.text[0].isupper()
    assert len(tip.text) <= 300
    assert not re.search(r"\d\s*(mg|ml|g)\b", tip.text), "no doses"


def test_a_tip_for_an_unknown_level_fails_when_built():
    with pytest.raises(ValueError, match="unknown levels"):
        Tip("Text.", frozenset({"later"}))


# ---------------------------------------------------------------------------
# Policy v3: advice and safety-netting for the new rules

def test_an_itchy_rash_only_is_self_care_with_the_swelling_signs_to_call_for():
    result = assess({"hours_since_massage": 8, "severity": 2, "allergic_reaction": "rash_only"})
    assert result.level == "self_care"
    assert any("Wash the massage oil off" in line and "antihistamine" in line
               and "Tell the therapist" in line for line in result.advice)
    assert any(line.startswith("Because you have a rash since the massage, call the emergency "
                               "number") and "lips, tongue, face or throat swell" in line
               for line in result.watch_for)
    without = assess({"hours_since_massage": 8, "severity": 2})
    assert not any("rash" in line for line in without.advice + without.watch_for[-1:])


def test_a_faint_on_standing_says_to_sit_or_lie_down_before_standing():
    result = assess({"hours_since_massage": 1, "severity": 2, "fainted": "on_standing"})
    assert result.level == "doctor"
    assert any(line.startswith("After a faint, sit or lie down") for line in result.advice)


def test_shingles_advice_says_antiviral_tablets_work_best_within_3_days():
    result = assess({"hours_since_massage": 72, "severity": 4, "one_sided_rash": True})
    assert result.level == "urgent"
    assert any("antiviral tablets" in line and "within 3 days" in line for line in result.advice)


def test_pregnancy_signs_say_to_call_the_midwife_now():
    result = assess({"hours_since_massage": 5, "severity": 3, "pregnant": True,
                     "pregnancy_signs": True})
    assert result.level == "urgent"
    assert ("Call your midwife or maternity unit now. Do not wait for your next appointment."
            in result.advice)
    calm = assess({"hours_since_massage": 5, "severity": 3, "pregnant": True})
    assert not any("midwife or maternity unit now" in line for line in calm.advice)


def test_a_temperature_after_chemotherapy_says_to_call_the_chemotherapy_line():
    result = assess({"hours_since_massage": 10, "severity": 2, "fever": "low",
                     "conditions": ["recent_chemotherapy"]})
    assert result.level == "emergency"
    assert any("24-hour chemotherapy helpline" in line and "emergency number" in line
               for line in result.advice)


@pytest.mark.parametrize("pain_before", ["same_as_usual", "worse_than_usual"])
def test_pain_from_before_the_massage_says_what_would_make_it_different(pain_before):
    result = assess({"hours_since_massage": 30, "severity": 3, "pain_before": pain_before})
    assert any(line.startswith("You had this pain before the massage. See a doctor if it "
                               "becomes different from your usual pain")
               for line in result.watch_for)
    new = assess({"hours_since_massage": 30, "severity": 3})
    assert not any("You had this pain before" in line for line in new.watch_for)


def test_usual_pain_is_not_told_to_watch_for_the_time_rules_it_turns_off():
    usual = assess({"hours_since_massage": 30, "severity": 3, "pain_before": "same_as_usual"})
    new = assess({"hours_since_massage": 30, "severity": 3})
    sign = "pain that is not getting better three days after the massage"
    assert sign in " ".join(new.watch_for)
    assert sign not in " ".join(usual.watch_for)
