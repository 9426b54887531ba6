"""The triage policy as a table of rules (spec section 3).

Each rule has a stable id, a level, a declarative condition, the reason shown
to the person, the article section that explains it (a Citation), and the
warning sign in a few words. The engine, the "How the checker decides" page, the
citations, every list of warning signs on the site and the safety-netting in
results all read this table.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from .citations import Citation
from .conditions import (
    ASK_A_DOCTOR_FIRST,
    BLEEDING_RISK,
    FEVER,
    SEVERE,
    Above,
    AllOf,
    AnyOf,
    AtLeast,
    Condition,
    Includes,
    Is,
    Not,
)
from .course import EASING_BY_HOURS, GONE_BY_HOURS, TWO_WEEKS_HOURS, WEEK_HOURS
from .levels import DOCTOR, EMERGENCY, LEVELS_BY_ID, URGENT
from .questions import INTEGER, MULTI_CHOICE, QUESTIONS_BY_ID
from .wording import join_and, lower_first


@dataclass(frozen=True)
class Rule:
    """One line of the triage policy.

    ``reason`` may name answers in braces, e.g. ``{severity}``; they are filled
    in with the person's own answers (for a list, only the values the condition
    names). ``sign`` is the warning sign in a few words, as lists of warning
    signs show it. ``who`` says whom the sign concerns when only some people
    (on blood thinners, after cancer) need to watch for it. ``watch`` puts the
    sign in the safety-netting of calmer results (every emergency sign is there).
    """

    id: str
    level: str
    name: str
    condition: Condition
    reason: str
    source: Citation
    sign: str
    who: Condition | None = None
    watch: bool = False

    def __post_init__(self) -> None:
        if self.level not in LEVELS_BY_ID:
            raise ValueError(f"rule {self.id}: unknown level {self.level!r}")
        if self.id in RETIRED_IDS:
            raise ValueError(f"rule {self.id}: the id is retired and is never reused")
        unknown = set(self.reason_fields()) - set(QUESTIONS_BY_ID)
        if unknown:
            raise ValueError(f"rule {self.id}: reason names unknown field(s) {sorted(unknown)}")
        if not self.sign or not self.sign[0].isupper() or self.sign.endswith("."):
            raise ValueError(f"rule {self.id}: the sign must be a capitalised phrase "
                             "without a full stop")

    def fires(self, answers: Mapping[str, Any]) -> bool:
        """Return True if the rule's condition holds for the answers."""
        return self.condition.holds(answers)

    def concerns(self, answers: Mapping[str, Any]) -> bool:
        """Return True if the rule's sign is one this person should watch for."""
        return self.who is None or self.who.holds(answers)

    def reason_fields(self) -> tuple[str, ...]:
        """Return the answer fields the reason text names in braces."""
        return tuple(field for _, field, _, _ in string.Formatter().parse(self.reason) if field)

    def reason_for(self, answers: Mapping[str, Any]) -> str:
        """Return the reason text with the person's answers filled in."""
        mentioned = self.condition.mentions()
        return self.reason.format_map({
            field: answer_words(field, answers[field], mentioned.get(field, frozenset()))
            for field in self.reason_fields()})


def rules_at(level: str) -> tuple[Rule, ...]:
    """Return the rules that lead to ``level``, in table order."""
    return tuple(rule for rule in RULES if rule.level == level)


def answer_words(field: str, value: Any, only: frozenset[str]) -> str:
    """Return an answer in words: a number as is, a list as "a, b and c" of its labels."""
    question = QUESTIONS_BY_ID[field]
    if question.kind == INTEGER:
        return str(value)
    if question.kind == MULTI_CHOICE:
        return join_and([lower_first(question.label(item))
                         for item in value if not only or item in only])
    return lower_first(question.label(value))


# ---------------------------------------------------------------------------
# Data

# Retired ids are never given to a new rule (policy v2: U2 became E7, D10 became
# U14, and D1, a temperature of 37.5-37.9 °C on its own, is self-care; policy v3:
# E14 was proposed and not adopted).
RETIRED_IDS = frozenset({"U2", "D1", "D10", "E14"})

# The article whose sections explain every rule's sign.
WARNING_SIGNS = "warning-signs"

CANCER = Includes("conditions", "cancer")
WEAK_BONES = Includes("conditions", "osteoporosis", "long_term_steroids")
NECK = Includes("pain_areas", "neck")
STIFF_NECK = AllOf(NECK, Is("movement_limited"))
SPINE_CONDITIONS = Includes("conditions", "herniated_disc", "spinal_stenosis",
                            "ankylosing_spondylitis")
CHEMOTHERAPY = Includes("conditions", "recent_chemotherapy")
OLDER = Is("age_group", "65_or_over")
CHILD = Is("age_group", "under_16")
MODERATE = AtLeast("severity", 4)
# "not better" and "usual pain" in the policy (v3).
NOT_BETTER = Not(Is("trend", "better"))
NOT_USUAL_PAIN = Not(Is("pain_before", "same_as_usual"))

RULES = (
    # --- emergency ---
    Rule("E1", EMERGENCY, "Saddle numbness", Is("saddle_numbness"),
         "You have numbness around your genitals, buttocks or inner thighs.",
         Citation(WARNING_SIGNS, "saddle-numbness"),
         "Numbness around your genitals, buttocks or inner thighs"),
    Rule("E2", EMERGENCY, "Bladder, bowel or erection problems", Is("bladder_bowel"),
         "You have new trouble passing urine, loss of bladder or bowel control, or new "
         "problems getting or keeping an erection.",
         Citation(WARNING_SIGNS, "bladder-bowel"),
         "New trouble passing urine, loss of bladder or bowel control, or new erection "
         "problems"),
    Rule("E3", EMERGENCY, "Weakness in an arm or leg", Is("limb_weakness"),
         "You have new weakness in an arm or leg.",
         Citation(WARNING_SIGNS, "limb-weakness"),
         "New weakness in an arm or leg: a leg gives way, a foot drags, or your grip fails"),
    Rule("E4", EMERGENCY, "Signs of a stroke", Is("stroke_signs"),
         "You have signs that can mean a stroke, such as sudden numbness or weakness of one "
         "side of the face or body, a sudden severe headache, dizziness that does not settle, "
         "trouble seeing, speaking or swallowing, or a drooping face.",
         Citation(WARNING_SIGNS, "stroke-signs"),
         "Signs of a stroke: sudden numbness or weakness of one side of the face or body, a "
         "sudden severe headache, dizziness that does not settle when you lie down, double or "
         "lost vision, slurred speech, a drooping face, trouble swallowing, unsteady walking, "
         "or new confusion"),
    Rule("E5", EMERGENCY, "Chest symptoms", Is("chest_symptoms"),
         "You have chest pain, shortness of breath, a sudden tearing pain in the chest or upper "
         "back, or you are coughing up blood.",
         Citation(WARNING_SIGNS, "chest-symptoms"),
         "Chest pain, shortness of breath, coughing up blood, or a sudden severe tearing pain in "
         "the chest or upper back"),
    Rule("E6", EMERGENCY, "Both legs affected", Is("both_legs"),
         "You have pain shooting down both legs, or numbness, tingling or weakness in both "
         "legs.",
         Citation(WARNING_SIGNS, "both-legs"),
         "Pain shooting down both legs, or numbness, tingling or weakness in both legs"),
    Rule("E7", EMERGENCY, "Dark urine", Is("dark_urine"),
         "Your urine is brown, red or cola-coloured. After deep pressure this can mean "
         "muscle breakdown, which is treated in hospital.",
         Citation(WARNING_SIGNS, "dark-urine"),
         "Brown, red or cola-coloured urine"),
    Rule("E8", EMERGENCY, "Bleeding risk with severe pain, numbness or a headache",
         AllOf(BLEEDING_RISK, AnyOf(SEVERE, Is("limb_numbness"), Is("headache"))),
         "You take blood thinners or have a bleeding disorder, and you have severe pain, new "
         "numbness or a new headache. This can mean bleeding around the spinal cord or "
         "inside the head.",
         Citation(WARNING_SIGNS, "bleeding-risk"),
         "On blood thinners or with a bleeding disorder: severe pain, new numbness, or a new "
         "headache", who=BLEEDING_RISK),
    Rule("E9", EMERGENCY, "Stiff neck with a high temperature",
         AllOf(Is("fever", "high"), STIFF_NECK),
         "You have a high temperature and a stiff neck that is hard to turn. This can be "
         "meningitis.",
         Citation(WARNING_SIGNS, "stiff-neck-high-temperature"),
         "A high temperature with a stiff neck that is hard to turn"),
    Rule("E10", EMERGENCY, "Severe belly pain",
         AllOf(Is("abdominal_pain"), AtLeast("severity", 8)),
         "You have new belly pain and your pain is very severe ({severity} out of 10). "
         "Sudden severe belly and back pain needs checking in hospital at once.",
         Citation(WARNING_SIGNS, "severe-belly-pain"),
         "Severe new belly pain"),
    Rule("E11", EMERGENCY, "Cancer with numbness or shooting pain",
         AllOf(CANCER, AnyOf(Is("limb_numbness"), Is("pain_down_leg"), Is("pain_down_arm"))),
         "You have had cancer, and you have new numbness or pain shooting down an arm or "
         "leg. This can mean something is pressing on the spinal cord or a nerve.",
         Citation(WARNING_SIGNS, "cancer-nerve-signs"),
         "After cancer: new numbness, or pain shooting down an arm or leg", who=CANCER),
    Rule("E12", EMERGENCY, "A temperature with purple spots",
         AllOf(FEVER, Is("bruising", "elsewhere")),
         "You have a raised temperature and bruises or purple spots where you were not "
         "massaged. This can be a serious infection of the blood.",
         Citation(WARNING_SIGNS, "temperature-purple-spots"),
         "A raised temperature with bruises or purple spots where you were not massaged"),
    Rule("E13", EMERGENCY, "Neck pain, a new headache and numbness",
         AllOf(Is("limb_numbness"), Is("headache"), NECK),
         "Your neck hurts, you have a new headache, and an arm or leg is numb or tingling. "
         "Rarely, after a neck massage, this can be a tear in an artery of the neck that is "
         "already affecting the brain.",
         Citation(WARNING_SIGNS, "neck-artery-tear"),
         "Neck pain with a new headache and new numbness in an arm or leg"),
    Rule("E15", EMERGENCY, "Signs of sepsis", Is("sepsis_signs"),
         "You feel very unwell, with skin, lips or tongue that look blue, grey, pale or "
         "blotchy, very fast breathing, or no urine all day. These can be signs of sepsis.",
         Citation(WARNING_SIGNS, "sepsis"),
         "Feeling very unwell with blue, grey, pale or blotchy skin, lips or tongue, very fast "
         "breathing, or no urine all day"),
    Rule("E16", EMERGENCY, "A severe allergic reaction",
         Is("allergic_reaction", "swelling_or_breathing"),
         "Your lips, tongue, face or throat have swollen since the massage, you are wheezing "
         "or finding it hard to breathe, or you feel faint with a rash. This can be a severe "
         "allergic reaction (anaphylaxis), for example to the massage oil.",
         Citation(WARNING_SIGNS, "allergic-reaction"),
         "Swollen lips, tongue, face or throat, wheezing or trouble breathing, or feeling faint "
         "with a rash"),
    Rule("E17", EMERGENCY, "Fainting", Is("fainted", "other"),
         "You fainted while lying down or during the massage, more than once, or you have not "
         "fully recovered. This can be a blood clot in the lungs or a problem with the heart's "
         "rhythm.",
         Citation(WARNING_SIGNS, "fainting"),
         "Fainting while lying down or during a massage, fainting more than once, or not "
         "recovering fully"),
    Rule("E18", EMERGENCY, "A high temperature, a new headache and neck pain",
         AllOf(Is("fever", "high"), Is("headache"), NECK),
         "You have a high temperature, a new headache and neck pain. This can be meningitis, "
         "even when you can still turn your neck.",
         Citation(WARNING_SIGNS, "high-temperature-headache-neck"),
         "A high temperature with a new headache and neck pain"),
    Rule("E19", EMERGENCY, "A temperature after chemotherapy", AllOf(CHEMOTHERAPY, FEVER),
         "You had chemotherapy in the last 6 weeks and you have a raised temperature. After "
         "chemotherapy, an infection can become dangerous within hours (neutropenic sepsis).",
         Citation(WARNING_SIGNS, "temperature-after-chemotherapy"),
         "After chemotherapy in the last 6 weeks: any raised temperature", who=CHEMOTHERAPY),
    # --- urgent ---
    Rule("U1", URGENT, "Numbness with pain that is getting worse or severe",
         AllOf(Is("limb_numbness"), AnyOf(Is("trend", "worse"), SEVERE)),
         "You have new numbness or tingling in an arm or leg that is still there, and your "
         "pain is getting worse or is severe ({severity} out of 10).",
         Citation(WARNING_SIGNS, "numbness"),
         "New numbness or tingling in an arm or leg, with pain that is getting worse or "
         "severe"),
    Rule("U3", URGENT, "Swollen calf", Is("calf_swelling"),
         "One calf or leg is swollen, or painful with warm or red skin. This can be a sign of "
         "a blood clot.",
         Citation(WARNING_SIGNS, "calf-swelling"),
         "One calf or leg swollen, or painful with warm or red skin", watch=True),
    Rule("U4", URGENT, "High temperature", Is("fever", "high"),
         "You have a high temperature: 38 °C or more, or your chest feels hotter than usual "
         "or you keep shivering.",
         Citation(WARNING_SIGNS, "high-fever"),
         "A temperature of 38 °C or more, or your chest feels hot or you keep shivering",
         watch=True),
    Rule("U5", URGENT, "Possible kidney infection",
         AllOf(AnyOf(FEVER, Is("pregnant")), Is("urinary_symptoms")),
         "It burns or hurts when you pass urine, or you need to go very often, and you have a "
         "raised temperature or are pregnant. This can be a kidney infection.",
         Citation(WARNING_SIGNS, "kidney-infection"),
         "Burning or painful urination with a raised temperature, or in pregnancy"),
    Rule("U6", URGENT, "Belly pain", Is("abdominal_pain"),
         "You have new pain in your belly.",
         Citation(WARNING_SIGNS, "belly-pain"),
         "New belly pain", watch=True),
    Rule("U7", URGENT, "Unexplained bruising", Is("bruising", "elsewhere"),
         "You have bruises or purple spots in places that were not massaged.",
         Citation(WARNING_SIGNS, "unexplained-bruising"),
         "Bruises or purple spots where you were not massaged", watch=True),
    Rule("U8", URGENT, "Bleeding risk with swelling or worsening pain",
         AllOf(BLEEDING_RISK, AnyOf(Is("redness_swelling"), Is("trend", "worse"))),
         "You take blood thinners or have a bleeding disorder, and the massaged area is red "
         "or swollen, or your pain is getting worse. This can mean bleeding under the skin "
         "or deeper.",
         Citation(WARNING_SIGNS, "blood-thinners"),
         "On blood thinners or with a bleeding disorder: swelling where you were massaged, or "
         "pain that is getting worse", who=BLEEDING_RISK, watch=True),
    Rule("U9", URGENT, "Possible broken bone",
         AllOf(WEAK_BONES, AnyOf(SEVERE, Is("recent_injury"))),
         "You have osteoporosis or take steroid tablets long-term, which can weaken bones, "
         "and your pain is severe or you were recently injured. This can mean a broken bone.",
         Citation(WARNING_SIGNS, "possible-fracture"),
         "With osteoporosis or long-term steroid tablets: severe pain, or pain after a fall "
         "or injury", who=WEAK_BONES, watch=True),
    Rule("U10", URGENT, "Severe pain that painkillers do not help",
         AllOf(AtLeast("severity", 8), Is("painkillers", "not_helped")),
         "Your pain is very severe ({severity} out of 10) and painkillers have not helped.",
         Citation(WARNING_SIGNS, "severe-pain-not-helped"),
         "Very severe pain that painkillers do not help", watch=True),
    Rule("U11", URGENT, "Neck pain that is severe or comes with a headache",
         AllOf(NECK, AnyOf(SEVERE, Is("headache"))),
         "Your neck hurts, and the pain is severe or you have a new headache. Rarely, this "
         "is a tear in an artery of the neck, whose first signs are neck pain and a headache, "
         "days before any sign of a stroke.",
         Citation(WARNING_SIGNS, "neck-pain-headache"),
         "Severe neck pain, or neck pain with a new headache", watch=True),
    Rule("U12", URGENT, "Possible chest infection",
         AllOf(FEVER, Is("cough"), Includes("pain_areas", "ribs")),
         "You have a raised temperature, a new cough and pain in your ribs. "
         "This can be a chest infection.",
         Citation(WARNING_SIGNS, "chest-infection"),
         "A raised temperature, a new cough and pain over the ribs"),
    Rule("U13", URGENT, "Severe pain after a recent injury", AllOf(Is("recent_injury"), SEVERE),
         "You hurt your back or neck recently and your pain is severe: {severity} out of 10.",
         Citation(WARNING_SIGNS, "injury-severe-pain"),
         "Severe pain after a recent fall or injury"),
    Rule("U14", URGENT, "Weight loss", Is("weight_loss"),
         "You have lost weight without trying. With back pain, a doctor should check this "
         "today.",
         Citation(WARNING_SIGNS, "weight-loss"),
         "Weight loss you cannot explain"),
    Rule("U15", URGENT, "Night pain after three days",
         AllOf(Is("night_pain"), Above("hours_since_massage", GONE_BY_HOURS)),
         "Your pain wakes you from sleep or stays as bad when you lie still, and the massage "
         "was more than three days ago ({hours_since_massage} hours).",
         Citation(WARNING_SIGNS, "night-pain-after-three-days"),
         "Pain that wakes you at night, more than three days after the massage", watch=True),
    Rule("U16", URGENT, "Back pain after cancer",
         AllOf(CANCER, AnyOf(Includes("pain_areas", "neck", "upper_back", "mid_back"),
                             Is("trend", "worse"), SEVERE, Is("night_pain"))),
         "You have had cancer, and your pain is in your neck or upper or middle back, is "
         "getting worse, is severe, or comes at night. Rarely, cancer can spread to the spine, "
         "so a doctor should check you today.",
         Citation(WARNING_SIGNS, "cancer-back-pain"),
         "After cancer: pain in the neck or upper or middle back, or pain that is severe, "
         "getting worse or there at night", who=CANCER, watch=True),
    Rule("U17", URGENT, "A temperature with redness or swelling",
         AllOf(FEVER, Is("redness_swelling")),
         "You have a raised temperature and the skin where you were massaged is red, swollen "
         "or hot. This can be an infection.",
         Citation(WARNING_SIGNS, "temperature-redness"),
         "A raised temperature with redness, swelling or heat where you were massaged"),
    Rule("U18", URGENT, "Pain worse when coughing or straining", Is("worse_when_straining"),
         "Your pain gets worse when you cough, sneeze or strain. This can mean something is "
         "pressing inside the spine, such as a bulging disc.",
         Citation(WARNING_SIGNS, "worse-when-straining"),
         "Pain that gets worse when you cough, sneeze or strain", watch=True),
    Rule("U19", URGENT, "A stiff neck with a raised temperature", AllOf(FEVER, STIFF_NECK),
         "You have a raised temperature and a stiff neck that is hard to turn.",
         Citation(WARNING_SIGNS, "stiff-neck-temperature"),
         "Any raised temperature with a stiff neck"),
    Rule("U20", URGENT, "A headache in pregnancy", AllOf(Is("pregnant"), Is("headache")),
         "You are pregnant and have a new headache. This can be a sign of pre-eclampsia, "
         "which needs checking the same day.",
         Citation(WARNING_SIGNS, "pregnancy-headache"),
         "In pregnancy: a new headache", who=Is("pregnant"), watch=True),
    Rule("U21", URGENT, "A temperature with a weak immune system",
         AllOf(Includes("conditions", "weak_immune_system"), FEVER),
         "Your immune system is weak and you have a raised temperature. Infections can become "
         "serious quickly when the immune system is weak.",
         Citation(WARNING_SIGNS, "weak-immune-system"),
         "With a weak immune system: any raised temperature",
         who=Includes("conditions", "weak_immune_system"), watch=True),
    Rule("U22", URGENT, "Bleeding risk after an injury",
         AllOf(BLEEDING_RISK, Is("recent_injury"), AnyOf(MODERATE, NOT_BETTER)),
         "You take blood thinners or have a bleeding disorder, you were injured recently or "
         "felt a sharp pain during the massage, and your pain is {severity} out of 10 and "
         "{trend}. This can mean bleeding inside after the injury.",
         Citation(WARNING_SIGNS, "injury-blood-thinners"),
         "On blood thinners or with a bleeding disorder: pain after a fall or injury",
         who=BLEEDING_RISK, watch=True),
    Rule("U23", URGENT, "Possible broken bone at 65 or over",
         AllOf(OLDER, AnyOf(SEVERE, Is("recent_injury"))),
         "You are 65 or over, and your pain is severe or you were recently injured. Bones "
         "break more easily with age, even without a known bone problem.",
         Citation(WARNING_SIGNS, "older-bones"),
         "At 65 or over: severe pain, or pain after a fall or injury", who=OLDER, watch=True),
    Rule("U24", URGENT, "A child with night pain or a temperature",
         AllOf(CHILD, AnyOf(Is("night_pain"), FEVER)),
         "You are under 16, and the pain wakes you at night or you have a raised "
         "temperature. In children this needs a doctor's look the same day.",
         Citation(WARNING_SIGNS, "children"),
         "Under 16: pain that wakes you at night, or a raised temperature", who=CHILD,
         watch=True),
    Rule("U25", URGENT, "A rash on one side (possible shingles)", Is("one_sided_rash"),
         "You have a painful rash or blisters on one side of your body. This can be "
         "shingles, which the massage does not cause. Antiviral tablets work best when "
         "started within 3 days of the rash.",
         Citation(WARNING_SIGNS, "shingles"),
         "A painful rash or blisters on one side of the body", watch=True),
    Rule("U26", URGENT, "Warning signs in pregnancy",
         AllOf(Is("pregnant"), Is("pregnancy_signs")),
         "You are pregnant and have a warning sign such as pain below the ribs, blurred "
         "vision, sudden swelling, bleeding or fluid from the vagina, pains that come in "
         "waves, or the baby moving less. This can be pre-eclampsia or the start of labour.",
         Citation(WARNING_SIGNS, "pregnancy-warning-signs"),
         "In pregnancy: pain below the ribs, blurred vision, sudden swelling, bleeding or "
         "fluid from the vagina, pains in waves, or the baby moving less",
         who=Is("pregnant"), watch=True),
    Rule("U27", URGENT, "Painful breathing with weaker bones",
         AllOf(Is("hurts_to_breathe"),
               AnyOf(Includes("conditions", "osteoporosis", "long_term_steroids", "cancer"),
                     OLDER)),
         "It hurts to breathe in deeply, cough or laugh, and your bones may be weaker "
         "(osteoporosis, steroid tablets, cancer, or age 65 or over). This can mean a "
         "broken rib or a break in the spine.",
         Citation(WARNING_SIGNS, "painful-breathing-weak-bones"),
         "With weaker bones: pain on a deep breath, a cough or a laugh",
         who=AnyOf(Includes("conditions", "osteoporosis", "long_term_steroids", "cancer"),
                   OLDER), watch=True),
    Rule("U28", URGENT, "A new headache after manual therapy",
         AllOf(Is("headache"), Is("massage_type", "manual_therapy"),
               Includes("pain_areas", "neck", "upper_back")),
         "You had manual therapy, which can move the joints near the neck, and now have a new "
         "headache with pain in your {pain_areas}. Rarely, this is a tear in an artery of the "
         "neck.",
         Citation(WARNING_SIGNS, "headache-after-manipulation"),
         "After manual therapy: a new headache", who=Is("massage_type", "manual_therapy"),
         watch=True),
    # --- doctor ---
    Rule("D2", DOCTOR, "Redness or swelling", Is("redness_swelling"),
         "The skin where you were massaged is still red, swollen or hot, or the redness is "
         "spreading.",
         Citation(WARNING_SIGNS, "redness-swelling"),
         "Redness, swelling or heat where you were massaged that lasts or spreads"),
    Rule("D3", DOCTOR, "Painkillers not helping",
         AllOf(Is("painkillers", "not_helped"), MODERATE),
         "Ordinary painkillers have not helped, and your pain is {severity} out of 10.",
         Citation(WARNING_SIGNS, "painkillers-not-helping"),
         "Pain of 4 out of 10 or more that ordinary painkillers do not help", watch=True),
    Rule("D4", DOCTOR, "Not better after three days",
         AllOf(Above("hours_since_massage", GONE_BY_HOURS), NOT_BETTER, AtLeast("severity", 3),
               NOT_USUAL_PAIN),
         "Your massage was {hours_since_massage} hours ago, more than three days, "
         "and the pain ({severity} out of 10) is not getting better.",
         Citation(WARNING_SIGNS, "not-better-after-three-days"),
         "Pain that is not getting better three days after the massage", who=NOT_USUAL_PAIN,
         watch=True),
    Rule("D5", DOCTOR, "Pain after a week",
         AllOf(Above("hours_since_massage", WEEK_HOURS), AtLeast("severity", 3),
               NOT_USUAL_PAIN),
         "Your massage was {hours_since_massage} hours ago, more than a week, "
         "and it still hurts ({severity} out of 10).",
         Citation(WARNING_SIGNS, "pain-after-a-week"),
         "Pain that is still there a week after the massage"),
    Rule("D6", DOCTOR, "Getting worse after two days",
         AllOf(Is("trend", "worse"), AtLeast("hours_since_massage", EASING_BY_HOURS)),
         "Your pain is getting worse {hours_since_massage} hours after the massage. "
         "Normal soreness is easing by then.",
         Citation(WARNING_SIGNS, "getting-worse"),
         "Pain that is getting worse two days or more after the massage", watch=True),
    Rule("D7", DOCTOR, "Shooting pain", AnyOf(Is("pain_down_leg"), Is("pain_down_arm")),
         "You have pain shooting down an arm or a leg.",
         Citation(WARNING_SIGNS, "shooting-pain"),
         "Pain shooting down an arm or a leg", watch=True),
    Rule("D8", DOCTOR, "Still hard to turn or bend after three days",
         AllOf(Is("movement_limited"), Above("hours_since_massage", GONE_BY_HOURS)),
         "It is still hard to turn or bend where it hurts, more than three days after the "
         "massage.",
         Citation(WARNING_SIGNS, "stiffness"),
         "Stiffness that still limits how you move three days after the massage", watch=True),
    Rule("D9", DOCTOR, "Pain at night or at rest", Is("night_pain"),
         "Your pain wakes you from sleep or stays as bad when you lie still.",
         Citation(WARNING_SIGNS, "night-pain"),
         "Pain that wakes you at night or stays as bad when you lie still", watch=True),
    Rule("D11", DOCTOR, "Urinary symptoms", Is("urinary_symptoms"),
         "It burns or hurts when you pass urine, or you need to go very often.",
         Citation(WARNING_SIGNS, "urinary-symptoms"),
         "Burning or painful urination, or needing to go very often"),
    Rule("D12", DOCTOR, "Recent injury", AllOf(Is("recent_injury"), AnyOf(MODERATE, NOT_BETTER)),
         "You hurt your back or neck in the last 6 months, or felt a sudden sharp pain during "
         "the massage that has not settled, and your pain is {severity} out of 10 and "
         "{trend}.",
         Citation(WARNING_SIGNS, "recent-injury"),
         "A recent back or neck injury, or a sharp pain during the massage that has not "
         "settled"),
    Rule("D13", DOCTOR, "Severe pain", SEVERE,
         "Your pain is severe: {severity} out of 10.",
         Citation(WARNING_SIGNS, "severe-pain"),
         "Severe pain: 7 out of 10 or more"),
    Rule("D14", DOCTOR, "A known condition", ASK_A_DOCTOR_FIRST,
         "You have been diagnosed with: {conditions}. "
         "A doctor should check you before any more massage.",
         Citation(WARNING_SIGNS, "known-conditions"),
         "A known condition of the bones or blood, or cancer or TB", who=ASK_A_DOCTOR_FIRST),
    Rule("D15", DOCTOR, "Pregnancy", Is("pregnant"),
         "You are pregnant. A doctor or midwife should check you before any more massage.",
         Citation(WARNING_SIGNS, "pregnancy"),
         "Pregnancy", who=Is("pregnant")),
    Rule("D16", DOCTOR, "Bruising on blood thinners",
         AllOf(BLEEDING_RISK, Is("bruising", "at_site")),
         "You take blood thinners or have a bleeding disorder, and you have bruises where you "
         "were massaged.",
         Citation(WARNING_SIGNS, "bruising-blood-thinners"),
         "On blood thinners or with a bleeding disorder: bruises where you were massaged",
         who=BLEEDING_RISK),
    Rule("D17", DOCTOR, "Fainting on standing up", Is("fainted", "on_standing"),
         "You fainted once just after standing up. A first faint should be checked by a "
         "doctor.",
         Citation(WARNING_SIGNS, "fainting-on-standing"),
         "Fainting once just after standing up"),
    Rule("D18", DOCTOR, "A child with pain", AllOf(CHILD, MODERATE),
         "You are under 16 and your pain is {severity} out of 10. A doctor should check "
         "pain this strong in a child.",
         Citation(WARNING_SIGNS, "children-pain"),
         "Under 16: pain of 4 out of 10 or more", who=CHILD),
    Rule("D19", DOCTOR, "Numbness in an arm or leg", Is("limb_numbness"),
         "You have new numbness or tingling in an arm or leg that is still there. A nerve may "
         "be pressed or irritated.",
         Citation(WARNING_SIGNS, "numbness-not-worse"),
         "New numbness or tingling in an arm or leg that does not go away", watch=True),
    Rule("D20", DOCTOR, "A disc or spine condition with pain",
         AllOf(SPINE_CONDITIONS, AnyOf(MODERATE, NOT_BETTER)),
         "You have been diagnosed with: {conditions}, and your pain is {severity} out of 10 "
         "and {trend}.",
         Citation(WARNING_SIGNS, "disc-or-spine-condition"),
         "With a disc or spine condition: pain of 4 out of 10 or more, or pain that is not "
         "getting better", who=SPINE_CONDITIONS),
    Rule("D21", DOCTOR, "Pain after two weeks",
         AllOf(Above("hours_since_massage", TWO_WEEKS_HOURS), AtLeast("severity", 1),
               NOT_USUAL_PAIN),
         "Your massage was {hours_since_massage} hours ago, more than two weeks, "
         "and it still hurts ({severity} out of 10).",
         Citation(WARNING_SIGNS, "pain-after-two-weeks"),
         "Any pain still there two weeks after the massage", who=NOT_USUAL_PAIN, watch=True),
)

RULES_BY_ID = MappingProxyType({rule.id: rule for rule in RULES})
