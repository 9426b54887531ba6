"""The triage policy as a table of rules (spec section 3).

Each rule has a stable id, a level, a declarative condition, the reason shown
to the person, the article section that explains it (a Citation), and the
warning sign in a few words. The engine, the "How the checker decides" page, the
citations, every list of warning signs on the site and the safety-netting in
results all read this table. A rule checks itself when it is built, and the
table is checked once at import (check_rules).
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass
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
    OneOf,
)
from .course import EASING_BY_HOURS, GONE_BY_HOURS, TWO_WEEKS_HOURS, WEEK_HOURS
from .i18n import _
from .levels import DOCTOR, EMERGENCY, LEVELS_BY_ID, URGENT
from .questions import INTEGER, MULTI_CHOICE, QUESTIONS_BY_ID, SECTIONS_BY_ID, repeated
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
    _: KW_ONLY
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
        letter = ID_LETTERS.get(self.level)
        if letter is None or self.id[:1] != letter or not self.id[1:].isdigit():
            raise ValueError(f"rule {self.id}: the id must be its level's letter and a number "
                             f"({', '.join(ID_LETTERS.values())} for {', '.join(ID_LETTERS)})")
        if self.id in RETIRED_IDS:
            raise ValueError(f"rule {self.id}: the id is retired and is never reused")
        others = set(self.who.mentions() if self.who else ()) - set(self.condition.mentions())
        if others:
            raise ValueError(f"rule {self.id}: who reads {sorted(others)}, which the condition "
                             "does not: a rule about some people must fire only for them")
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
        """Return the reason text with the person's answers filled in, in the language
        being spoken."""
        mentioned = self.condition.mentions()
        return _(self.reason).format_map({
            field: answer_words(field, answers[field], mentioned.get(field, frozenset()))
            for field in self.reason_fields()})


def check_rules(rules: tuple[Rule, ...]) -> None:
    """Raise ValueError unless each id is given once, every answer that alone is an
    emergency is asked in a danger section (where the form stops for it), and no rule
    reads a question the form may hide without also reading what shows it."""
    if twice := repeated([rule.id for rule in rules]):
        raise ValueError(f"rule id(s) {twice} given twice")
    for rule in rules:
        mentioned = set(rule.condition.mentions())
        if rule.level == EMERGENCY and isinstance(rule.condition, OneOf):
            section = SECTIONS_BY_ID[QUESTIONS_BY_ID[rule.condition.field].section]
            if not section.danger:
                raise ValueError(f"rule {rule.id}: {rule.condition.field} alone is an "
                                 f"emergency, so it is asked in a danger section, not "
                                 f"{section.id}")
        for field in sorted(mentioned):
            shown_by = {token.partition("=")[0] for token in QUESTIONS_BY_ID[field].show_if}
            if shown_by and not shown_by & mentioned:
                raise ValueError(f"rule {rule.id}: it reads {field}, which the form hides "
                                 f"until {' or '.join(sorted(shown_by))} is answered, so it "
                                 "must read that too")


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

# A rule's id is its level's letter and a number (self-care is no rule firing).
ID_LETTERS = MappingProxyType({EMERGENCY: "E", URGENT: "U", DOCTOR: "D"})

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
    Rule("E1", level=EMERGENCY, name="Saddle numbness", condition=Is("saddle_numbness"),
         reason="You have numbness around your genitals, buttocks or inner thighs.",
         source=Citation(WARNING_SIGNS, "saddle-numbness"),
         sign="Numbness around your genitals, buttocks or inner thighs"),
    Rule("E2", level=EMERGENCY, name="Bladder, bowel or erection problems",
         condition=Is("bladder_bowel"),
         reason="You have new trouble passing urine, loss of bladder or bowel control, or new "
                "problems getting or keeping an erection.",
         source=Citation(WARNING_SIGNS, "bladder-bowel"),
         sign="New trouble passing urine, loss of bladder or bowel control, or new erection "
              "problems"),
    Rule("E3", level=EMERGENCY, name="Weakness in an arm or leg", condition=Is("limb_weakness"),
         reason="You have new weakness in an arm or leg.",
         source=Citation(WARNING_SIGNS, "limb-weakness"),
         sign="New weakness in an arm or leg: a leg gives way, a foot drags, or your grip fails"),
    Rule("E4", level=EMERGENCY, name="Signs of a stroke", condition=Is("stroke_signs"),
         reason="You have signs that can mean a stroke, such as sudden numbness or weakness of one "
                "side of the face or body, a sudden severe headache, dizziness that does not "
                "settle, trouble seeing, speaking or swallowing, or a drooping face.",
         source=Citation(WARNING_SIGNS, "stroke-signs"),
         sign="Signs of a stroke: sudden numbness or weakness of one side of the face or body, a "
              "sudden severe headache, dizziness that does not settle when you lie down, double or "
              "lost vision, slurred speech, a drooping face, trouble swallowing, unsteady walking, "
              "or new confusion"),
    Rule("E5", level=EMERGENCY, name="Chest symptoms", condition=Is("chest_symptoms"),
         reason="You have chest pain, shortness of breath, a sudden tearing pain in the chest or "
                "upper back, or you are coughing up blood.",
         source=Citation(WARNING_SIGNS, "chest-symptoms"),
         sign="Chest pain, shortness of breath, coughing up blood, or a sudden severe tearing pain "
              "in the chest or upper back"),
    Rule("E6", level=EMERGENCY, name="Both legs affected", condition=Is("both_legs"),
         reason="You have pain shooting down both legs, or numbness, tingling or weakness in both "
                "legs.",
         source=Citation(WARNING_SIGNS, "both-legs"),
         sign="Pain shooting down both legs, or numbness, tingling or weakness in both legs"),
    Rule("E7", level=EMERGENCY, name="Dark urine", condition=Is("dark_urine"),
         reason="Your urine is brown, red or cola-coloured. After deep pressure this can mean "
                "muscle breakdown, which is treated in hospital.",
         source=Citation(WARNING_SIGNS, "dark-urine"),
         sign="Brown, red or cola-coloured urine"),
    Rule("E8", level=EMERGENCY, name="Bleeding risk with severe pain, numbness or a headache",
         condition=AllOf(BLEEDING_RISK, AnyOf(SEVERE, Is("limb_numbness"), Is("headache"))),
         reason="You take blood thinners or have a bleeding disorder, and you have severe pain, "
                "new numbness or a new headache. This can mean bleeding around the spinal cord or "
                "inside the head.",
         source=Citation(WARNING_SIGNS, "bleeding-risk"),
         sign="On blood thinners or with a bleeding disorder: severe pain, new numbness, or a new "
              "headache", who=BLEEDING_RISK),
    Rule("E9", level=EMERGENCY, name="Stiff neck with a high temperature",
         condition=AllOf(Is("fever", "high"), STIFF_NECK),
         reason="You have a high temperature and a stiff neck that is hard to turn. This can be "
                "meningitis.",
         source=Citation(WARNING_SIGNS, "stiff-neck-high-temperature"),
         sign="A high temperature with a stiff neck that is hard to turn"),
    Rule("E10", level=EMERGENCY, name="Severe belly pain",
         condition=AllOf(Is("abdominal_pain"), AtLeast("severity", 8)),
         reason="You have new belly pain and your pain is very severe ({severity} out of 10). "
                "Sudden severe belly and back pain needs checking in hospital at once.",
         source=Citation(WARNING_SIGNS, "severe-belly-pain"),
         sign="Severe new belly pain"),
    Rule("E11", level=EMERGENCY, name="Cancer with numbness or shooting pain",
         condition=AllOf(CANCER, AnyOf(Is("limb_numbness"), Is("pain_down_leg"),
                                       Is("pain_down_arm"))),
         reason="You have had cancer, and you have new numbness or pain shooting down an arm or "
                "leg. This can mean something is pressing on the spinal cord or a nerve.",
         source=Citation(WARNING_SIGNS, "cancer-nerve-signs"),
         sign="After cancer: new numbness, or pain shooting down an arm or leg", who=CANCER),
    Rule("E12", level=EMERGENCY, name="A temperature with purple spots",
         condition=AllOf(FEVER, Is("bruising", "elsewhere")),
         reason="You have a raised temperature and bruises or purple spots where you were not "
                "massaged. This can be a serious infection of the blood.",
         source=Citation(WARNING_SIGNS, "temperature-purple-spots"),
         sign="A raised temperature with bruises or purple spots where you were not massaged"),
    Rule("E13", level=EMERGENCY, name="Neck pain, a new headache and numbness",
         condition=AllOf(Is("limb_numbness"), Is("headache"), NECK),
         reason="Your neck hurts, you have a new headache, and an arm or leg is numb or tingling. "
                "Rarely, after a neck massage, this can be a tear in an artery of the neck that is "
                "already affecting the brain.",
         source=Citation(WARNING_SIGNS, "neck-artery-tear"),
         sign="Neck pain with a new headache and new numbness in an arm or leg"),
    Rule("E15", level=EMERGENCY, name="Signs of sepsis", condition=Is("sepsis_signs"),
         reason="You feel very unwell, with skin, lips or tongue that look blue, grey, pale or "
                "blotchy, very fast breathing, or no urine all day. These can be signs of sepsis.",
         source=Citation(WARNING_SIGNS, "sepsis"),
         sign="Feeling very unwell with blue, grey, pale or blotchy skin, lips or tongue, very "
              "fast breathing, or no urine all day"),
    Rule("E16", level=EMERGENCY, name="A severe allergic reaction",
         condition=Is("allergic_reaction", "swelling_or_breathing"),
         reason="Your lips, tongue, face or throat have swollen since the massage, you are "
                "wheezing or finding it hard to breathe, or you feel faint with a rash. This can "
                "be a severe allergic reaction (anaphylaxis), for example to the massage oil.",
         source=Citation(WARNING_SIGNS, "allergic-reaction"),
         sign="Swollen lips, tongue, face or throat, wheezing or trouble breathing, or feeling "
              "faint with a rash"),
    Rule("E17", level=EMERGENCY, name="Fainting", condition=Is("fainted", "other"),
         reason="You fainted while lying down or during the massage, more than once, or you have "
                "not fully recovered. This can be a blood clot in the lungs or a problem with the "
                "heart's rhythm.",
         source=Citation(WARNING_SIGNS, "fainting"),
         sign="Fainting while lying down or during a massage, fainting more than once, or not "
              "recovering fully"),
    Rule("E18", level=EMERGENCY, name="A high temperature, a new headache and neck pain",
         condition=AllOf(Is("fever", "high"), Is("headache"), NECK),
         reason="You have a high temperature, a new headache and neck pain. This can be "
                "meningitis, even when you can still turn your neck.",
         source=Citation(WARNING_SIGNS, "high-temperature-headache-neck"),
         sign="A high temperature with a new headache and neck pain"),
    Rule("E19", level=EMERGENCY, name="A temperature after chemotherapy",
         condition=AllOf(CHEMOTHERAPY, FEVER),
         reason="You had chemotherapy in the last 6 weeks and you have a raised temperature. After "
                "chemotherapy, an infection can become dangerous within hours (neutropenic "
                "sepsis).",
         source=Citation(WARNING_SIGNS, "temperature-after-chemotherapy"),
         sign="After chemotherapy in the last 6 weeks: any raised temperature", who=CHEMOTHERAPY),
    # --- urgent ---
    Rule("U1", level=URGENT, name="Numbness with pain that is getting worse or severe",
         condition=AllOf(Is("limb_numbness"), AnyOf(Is("trend", "worse"), SEVERE)),
         reason="You have new numbness or tingling in an arm or leg that is still there, and your "
                "pain is getting worse or is severe ({severity} out of 10).",
         source=Citation(WARNING_SIGNS, "numbness"),
         sign="New numbness or tingling in an arm or leg, with pain that is getting worse or "
              "severe"),
    Rule("U3", level=URGENT, name="Swollen calf", condition=Is("calf_swelling"),
         reason="One calf or leg is swollen, or painful with warm or red skin. This can be a sign "
                "of a blood clot.",
         source=Citation(WARNING_SIGNS, "calf-swelling"),
         sign="One calf or leg swollen, or painful with warm or red skin", watch=True),
    Rule("U4", level=URGENT, name="High temperature", condition=Is("fever", "high"),
         reason="You have a high temperature: 38 °C or more, or your chest feels hotter than usual "
                "or you keep shivering.",
         source=Citation(WARNING_SIGNS, "high-fever"),
         sign="A temperature of 38 °C or more, or your chest feels hot or you keep shivering",
         watch=True),
    Rule("U5", level=URGENT, name="Possible kidney infection",
         condition=AllOf(AnyOf(FEVER, Is("pregnant")), Is("urinary_symptoms")),
         reason="It burns or hurts when you pass urine, or you need to go very often, and you have "
                "a raised temperature or are pregnant. This can be a kidney infection.",
         source=Citation(WARNING_SIGNS, "kidney-infection"),
         sign="Burning or painful urination with a raised temperature, or in pregnancy"),
    Rule("U6", level=URGENT, name="Belly pain", condition=Is("abdominal_pain"),
         reason="You have new pain in your belly.",
         source=Citation(WARNING_SIGNS, "belly-pain"),
         sign="New belly pain", watch=True),
    Rule("U7", level=URGENT, name="Unexplained bruising", condition=Is("bruising", "elsewhere"),
         reason="You have bruises or purple spots in places that were not massaged.",
         source=Citation(WARNING_SIGNS, "unexplained-bruising"),
         sign="Bruises or purple spots where you were not massaged", watch=True),
    Rule("U8", level=URGENT, name="Bleeding risk with swelling or worsening pain",
         condition=AllOf(BLEEDING_RISK, AnyOf(Is("redness_swelling"), Is("trend", "worse"))),
         reason="You take blood thinners or have a bleeding disorder, and the massaged area is red "
                "or swollen, or your pain is getting worse. This can mean bleeding under the skin "
                "or deeper.",
         source=Citation(WARNING_SIGNS, "blood-thinners"),
         sign="On blood thinners or with a bleeding disorder: swelling where you were massaged, or "
              "pain that is getting worse", who=BLEEDING_RISK, watch=True),
    Rule("U9", level=URGENT, name="Possible broken bone",
         condition=AllOf(WEAK_BONES, AnyOf(SEVERE, Is("recent_injury"))),
         reason="You have osteoporosis or take steroid tablets long-term, which can weaken bones, "
                "and your pain is severe or you were recently injured. This can mean a broken "
                "bone.",
         source=Citation(WARNING_SIGNS, "possible-fracture"),
         sign="With osteoporosis or long-term steroid tablets: severe pain, or pain after a fall "
              "or injury", who=WEAK_BONES, watch=True),
    Rule("U10", level=URGENT, name="Severe pain that painkillers do not help",
         condition=AllOf(AtLeast("severity", 8), Is("painkillers", "not_helped")),
         reason="Your pain is very severe ({severity} out of 10) and painkillers have not helped.",
         source=Citation(WARNING_SIGNS, "severe-pain-not-helped"),
         sign="Very severe pain that painkillers do not help", watch=True),
    Rule("U11", level=URGENT, name="Neck pain that is severe or comes with a headache",
         condition=AllOf(NECK, AnyOf(SEVERE, Is("headache"))),
         reason="Your neck hurts, and the pain is severe or you have a new headache. Rarely, this "
                "is a tear in an artery of the neck, whose first signs are neck pain and a "
                "headache, days before any sign of a stroke.",
         source=Citation(WARNING_SIGNS, "neck-pain-headache"),
         sign="Severe neck pain, or neck pain with a new headache", watch=True),
    Rule("U12", level=URGENT, name="Possible chest infection",
         condition=AllOf(FEVER, Is("cough"), Includes("pain_areas", "ribs")),
         reason="You have a raised temperature, a new cough and pain in your ribs. This can be a "
                "chest infection.",
         source=Citation(WARNING_SIGNS, "chest-infection"),
         sign="A raised temperature, a new cough and pain over the ribs"),
    Rule("U13", level=URGENT, name="Severe pain after a recent injury",
         condition=AllOf(Is("recent_injury"), SEVERE),
         reason="You hurt your back or neck recently and your pain is severe: {severity} out of "
                "10.",
         source=Citation(WARNING_SIGNS, "injury-severe-pain"),
         sign="Severe pain after a recent fall or injury"),
    Rule("U14", level=URGENT, name="Weight loss", condition=Is("weight_loss"),
         reason="You have lost weight without trying. With back pain, a doctor should check this "
                "today.",
         source=Citation(WARNING_SIGNS, "weight-loss"),
         sign="Weight loss you cannot explain"),
    Rule("U15", level=URGENT, name="Night pain after three days",
         condition=AllOf(Is("night_pain"), Above("hours_since_massage", GONE_BY_HOURS)),
         reason="Your pain wakes you from sleep or stays as bad when you lie still, and the "
                "massage was more than three days ago ({hours_since_massage} hours).",
         source=Citation(WARNING_SIGNS, "night-pain-after-three-days"),
         sign="Pain that wakes you at night, more than three days after the massage", watch=True),
    Rule("U16", level=URGENT, name="Back pain after cancer",
         condition=AllOf(CANCER, AnyOf(Includes("pain_areas", "neck", "upper_back", "mid_back"),
                                       Is("trend", "worse"), SEVERE, Is("night_pain"))),
         reason="You have had cancer, and your pain is in your neck or upper or middle back, is "
                "getting worse, is severe, or comes at night. Rarely, cancer can spread to the "
                "spine, so a doctor should check you today.",
         source=Citation(WARNING_SIGNS, "cancer-back-pain"),
         sign="After cancer: pain in the neck or upper or middle back, or pain that is severe, "
              "getting worse or there at night", who=CANCER, watch=True),
    Rule("U17", level=URGENT, name="A temperature with redness or swelling",
         condition=AllOf(FEVER, Is("redness_swelling")),
         reason="You have a raised temperature and the skin where you were massaged is red, "
                "swollen or hot. This can be an infection.",
         source=Citation(WARNING_SIGNS, "temperature-redness"),
         sign="A raised temperature with redness, swelling or heat where you were massaged"),
    Rule("U18", level=URGENT, name="Pain worse when coughing or straining",
         condition=Is("worse_when_straining"),
         reason="Your pain gets worse when you cough, sneeze or strain. This can mean something is "
                "pressing inside the spine, such as a bulging disc.",
         source=Citation(WARNING_SIGNS, "worse-when-straining"),
         sign="Pain that gets worse when you cough, sneeze or strain", watch=True),
    Rule("U19", level=URGENT, name="A stiff neck with a raised temperature",
         condition=AllOf(FEVER, STIFF_NECK),
         reason="You have a raised temperature and a stiff neck that is hard to turn.",
         source=Citation(WARNING_SIGNS, "stiff-neck-temperature"),
         sign="Any raised temperature with a stiff neck"),
    Rule("U20", level=URGENT, name="A headache in pregnancy",
         condition=AllOf(Is("pregnant"), Is("headache")),
         reason="You are pregnant and have a new headache. This can be a sign of pre-eclampsia, "
                "which needs checking the same day.",
         source=Citation(WARNING_SIGNS, "pregnancy-headache"),
         sign="In pregnancy: a new headache", who=Is("pregnant"), watch=True),
    Rule("U21", level=URGENT, name="A temperature with a weak immune system",
         condition=AllOf(Includes("conditions", "weak_immune_system"), FEVER),
         reason="Your immune system is weak and you have a raised temperature. Infections can "
                "become serious quickly when the immune system is weak.",
         source=Citation(WARNING_SIGNS, "weak-immune-system"),
         sign="With a weak immune system: any raised temperature",
         who=Includes("conditions", "weak_immune_system"), watch=True),
    Rule("U22", level=URGENT, name="Bleeding risk after an injury",
         condition=AllOf(BLEEDING_RISK, Is("recent_injury"), AnyOf(MODERATE, NOT_BETTER)),
         reason="You take blood thinners or have a bleeding disorder, you were injured recently or "
                "felt a sharp pain during the massage, and your pain is {severity} out of 10 and "
                "{trend}. This can mean bleeding inside after the injury.",
         source=Citation(WARNING_SIGNS, "injury-blood-thinners"),
         sign="On blood thinners or with a bleeding disorder: pain after a fall or injury",
         who=BLEEDING_RISK, watch=True),
    Rule("U23", level=URGENT, name="Possible broken bone at 65 or over",
         condition=AllOf(OLDER, AnyOf(SEVERE, Is("recent_injury"))),
         reason="You are 65 or over, and your pain is severe or you were recently injured. Bones "
                "break more easily with age, even without a known bone problem.",
         source=Citation(WARNING_SIGNS, "older-bones"),
         sign="At 65 or over: severe pain, or pain after a fall or injury", who=OLDER, watch=True),
    Rule("U24", level=URGENT, name="A child with night pain or a temperature",
         condition=AllOf(CHILD, AnyOf(Is("night_pain"), FEVER)),
         reason="You are under 16, and the pain wakes you at night or you have a raised "
                "temperature. In children this needs a doctor's look the same day.",
         source=Citation(WARNING_SIGNS, "children"),
         sign="Under 16: pain that wakes you at night, or a raised temperature", who=CHILD,
         watch=True),
    Rule("U25", level=URGENT, name="A rash on one side (possible shingles)",
         condition=Is("one_sided_rash"),
         reason="You have a painful rash or blisters on one side of your body. This can be "
                "shingles, which the massage does not cause. Antiviral tablets work best when "
                "started within 3 days of the rash.",
         source=Citation(WARNING_SIGNS, "shingles"),
         sign="A painful rash or blisters on one side of the body", watch=True),
    Rule("U26", level=URGENT, name="Warning signs in pregnancy",
         condition=AllOf(Is("pregnant"), Is("pregnancy_signs")),
         reason="You are pregnant and have a warning sign such as pain below the ribs, blurred "
                "vision, sudden swelling, bleeding or fluid from the vagina, pains that come in "
                "waves, or the baby moving less. This can be pre-eclampsia or the start of labour.",
         source=Citation(WARNING_SIGNS, "pregnancy-warning-signs"),
         sign="In pregnancy: pain below the ribs, blurred vision, sudden swelling, bleeding or "
              "fluid from the vagina, pains in waves, or the baby moving less", who=Is("pregnant"),
         watch=True),
    Rule("U27", level=URGENT, name="Painful breathing with weaker bones",
         condition=AllOf(Is("hurts_to_breathe"),
                         AnyOf(Includes("conditions", "osteoporosis", "long_term_steroids",
                                        "cancer"), OLDER)),
         reason="It hurts to breathe in deeply, cough or laugh, and your bones may be weaker "
                "(osteoporosis, steroid tablets, cancer, or age 65 or over). This can mean a "
                "broken rib or a break in the spine.",
         source=Citation(WARNING_SIGNS, "painful-breathing-weak-bones"),
         sign="With weaker bones: pain on a deep breath, a cough or a laugh",
         who=AnyOf(Includes("conditions", "osteoporosis", "long_term_steroids", "cancer"),
                   OLDER), watch=True),
    Rule("U28", level=URGENT, name="A new headache after manual therapy",
         condition=AllOf(Is("headache"), Is("massage_type", "manual_therapy"),
                         Includes("pain_areas", "neck", "upper_back")),
         reason="You had manual therapy, which can move the joints near the neck, and now have a "
                "new headache with pain in your {pain_areas}. Rarely, this is a tear in an artery "
                "of the neck.",
         source=Citation(WARNING_SIGNS, "headache-after-manipulation"),
         sign="After manual therapy: a new headache", who=Is("massage_type", "manual_therapy"),
         watch=True),
    # --- doctor ---
    Rule("D2", level=DOCTOR, name="Redness or swelling", condition=Is("redness_swelling"),
         reason="The skin where you were massaged is still red, swollen or hot, or the redness is "
                "spreading.",
         source=Citation(WARNING_SIGNS, "redness-swelling"),
         sign="Redness, swelling or heat where you were massaged that lasts or spreads"),
    Rule("D3", level=DOCTOR, name="Painkillers not helping",
         condition=AllOf(Is("painkillers", "not_helped"), MODERATE),
         reason="Ordinary painkillers have not helped, and your pain is {severity} out of 10.",
         source=Citation(WARNING_SIGNS, "painkillers-not-helping"),
         sign="Pain of 4 out of 10 or more that ordinary painkillers do not help", watch=True),
    Rule("D4", level=DOCTOR, name="Not better after three days",
         condition=AllOf(Above("hours_since_massage", GONE_BY_HOURS), NOT_BETTER,
                         AtLeast("severity", 3), NOT_USUAL_PAIN),
         reason="Your massage was {hours_since_massage} hours ago, more than three days, and the "
                "pain ({severity} out of 10) is not getting better.",
         source=Citation(WARNING_SIGNS, "not-better-after-three-days"),
         sign="Pain that is not getting better three days after the massage", who=NOT_USUAL_PAIN,
         watch=True),
    Rule("D5", level=DOCTOR, name="Pain after a week",
         condition=AllOf(Above("hours_since_massage", WEEK_HOURS), AtLeast("severity", 3),
                         NOT_USUAL_PAIN),
         reason="Your massage was {hours_since_massage} hours ago, more than a week, and it still "
                "hurts ({severity} out of 10).",
         source=Citation(WARNING_SIGNS, "pain-after-a-week"),
         sign="Pain that is still there a week after the massage"),
    Rule("D6", level=DOCTOR, name="Getting worse after two days",
         condition=AllOf(Is("trend", "worse"), AtLeast("hours_since_massage", EASING_BY_HOURS)),
         reason="Your pain is getting worse {hours_since_massage} hours after the massage. Normal "
                "soreness is easing by then.",
         source=Citation(WARNING_SIGNS, "getting-worse"),
         sign="Pain that is getting worse two days or more after the massage", watch=True),
    Rule("D7", level=DOCTOR, name="Shooting pain",
         condition=AnyOf(Is("pain_down_leg"), Is("pain_down_arm")),
         reason="You have pain shooting down an arm or a leg.",
         source=Citation(WARNING_SIGNS, "shooting-pain"),
         sign="Pain shooting down an arm or a leg", watch=True),
    Rule("D8", level=DOCTOR, name="Still hard to turn or bend after three days",
         condition=AllOf(Is("movement_limited"), Above("hours_since_massage", GONE_BY_HOURS)),
         reason="It is still hard to turn or bend where it hurts, more than three days after the "
                "massage.",
         source=Citation(WARNING_SIGNS, "stiffness"),
         sign="Stiffness that still limits how you move three days after the massage", watch=True),
    Rule("D9", level=DOCTOR, name="Pain at night or at rest", condition=Is("night_pain"),
         reason="Your pain wakes you from sleep or stays as bad when you lie still.",
         source=Citation(WARNING_SIGNS, "night-pain"),
         sign="Pain that wakes you at night or stays as bad when you lie still", watch=True),
    Rule("D11", level=DOCTOR, name="Urinary symptoms", condition=Is("urinary_symptoms"),
         reason="It burns or hurts when you pass urine, or you need to go very often.",
         source=Citation(WARNING_SIGNS, "urinary-symptoms"),
         sign="Burning or painful urination, or needing to go very often"),
    Rule("D12", level=DOCTOR, name="Recent injury",
         condition=AllOf(Is("recent_injury"), AnyOf(MODERATE, NOT_BETTER)),
         reason="You hurt your back or neck in the last 6 months, or felt a sudden sharp pain "
                "during the massage that has not settled, and your pain is {severity} out of 10 "
                "and {trend}.",
         source=Citation(WARNING_SIGNS, "recent-injury"),
         sign="A recent back or neck injury, or a sharp pain during the massage that has not "
              "settled"),
    Rule("D13", level=DOCTOR, name="Severe pain", condition=SEVERE,
         reason="Your pain is severe: {severity} out of 10.",
         source=Citation(WARNING_SIGNS, "severe-pain"),
         sign="Severe pain: 7 out of 10 or more"),
    Rule("D14", level=DOCTOR, name="A known condition", condition=ASK_A_DOCTOR_FIRST,
         reason="You have been diagnosed with: {conditions}. A doctor should check you before any "
                "more massage.",
         source=Citation(WARNING_SIGNS, "known-conditions"),
         sign="A known condition of the bones or blood, or cancer or TB", who=ASK_A_DOCTOR_FIRST),
    Rule("D15", level=DOCTOR, name="Pregnancy", condition=Is("pregnant"),
         reason="You are pregnant. A doctor or midwife should check you before any more massage.",
         source=Citation(WARNING_SIGNS, "pregnancy"),
         sign="Pregnancy", who=Is("pregnant")),
    Rule("D16", level=DOCTOR, name="Bruising on blood thinners",
         condition=AllOf(BLEEDING_RISK, Is("bruising", "at_site")),
         reason="You take blood thinners or have a bleeding disorder, and you have bruises where "
                "you were massaged.",
         source=Citation(WARNING_SIGNS, "bruising-blood-thinners"),
         sign="On blood thinners or with a bleeding disorder: bruises where you were massaged",
         who=BLEEDING_RISK),
    Rule("D17", level=DOCTOR, name="Fainting on standing up",
         condition=Is("fainted", "on_standing"),
         reason="You fainted once just after standing up. A first faint should be checked by a "
                "doctor.",
         source=Citation(WARNING_SIGNS, "fainting-on-standing"),
         sign="Fainting once just after standing up"),
    Rule("D18", level=DOCTOR, name="A child with pain", condition=AllOf(CHILD, MODERATE),
         reason="You are under 16 and your pain is {severity} out of 10. A doctor should check "
                "pain this strong in a child.",
         source=Citation(WARNING_SIGNS, "children-pain"),
         sign="Under 16: pain of 4 out of 10 or more", who=CHILD),
    Rule("D19", level=DOCTOR, name="Numbness in an arm or leg", condition=Is("limb_numbness"),
         reason="You have new numbness or tingling in an arm or leg that is still there. A nerve "
                "may be pressed or irritated.",
         source=Citation(WARNING_SIGNS, "numbness-not-worse"),
         sign="New numbness or tingling in an arm or leg that does not go away", watch=True),
    Rule("D20", level=DOCTOR, name="A disc or spine condition with pain",
         condition=AllOf(SPINE_CONDITIONS, AnyOf(MODERATE, NOT_BETTER)),
         reason="You have been diagnosed with: {conditions}, and your pain is {severity} out of 10 "
                "and {trend}.",
         source=Citation(WARNING_SIGNS, "disc-or-spine-condition"),
         sign="With a disc or spine condition: pain of 4 out of 10 or more, or pain that is not "
              "getting better", who=SPINE_CONDITIONS),
    Rule("D21", level=DOCTOR, name="Pain after two weeks",
         condition=AllOf(Above("hours_since_massage", TWO_WEEKS_HOURS), AtLeast("severity", 1),
                         NOT_USUAL_PAIN),
         reason="Your massage was {hours_since_massage} hours ago, more than two weeks, and it "
                "still hurts ({severity} out of 10).",
         source=Citation(WARNING_SIGNS, "pain-after-two-weeks"),
         sign="Any pain still there two weeks after the massage", who=NOT_USUAL_PAIN, watch=True),
)

RULES_BY_ID = MappingProxyType({rule.id: rule for rule in RULES})

check_rules(RULES)
