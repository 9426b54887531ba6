"""The triage policy as a table of rules (spec section 3).

Each rule has a stable id, a level, a declarative condition, the reason shown
to the person and a link to the article section that explains it. The engine,
the "How the checker decides" page and the citations all read this table.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from .conditions import Above, AllOf, AnyOf, AtLeast, Condition, Includes, Is, Not, lower_first
from .levels import DOCTOR, EMERGENCY, LEVELS_BY_ID, URGENT
from .questions import INTEGER, MULTI_CHOICE, QUESTIONS_BY_ID


@dataclass(frozen=True)
class Rule:
    """One line of the triage policy.

    ``reason`` may name answers in braces, e.g. ``{severity}``; they are filled
    in with the person's own answers (for a list, only the values the condition
    names).
    """

    id: str
    level: str
    name: str
    condition: Condition
    reason: str
    source: str

    def __post_init__(self) -> None:
        if self.level not in LEVELS_BY_ID:
            raise ValueError(f"rule {self.id}: unknown level {self.level!r}")
        unknown = set(self.reason_fields()) - set(QUESTIONS_BY_ID)
        if unknown:
            raise ValueError(f"rule {self.id}: reason names unknown field(s) {sorted(unknown)}")

    def fires(self, answers: Mapping) -> bool:
        """Return True if the rule's condition holds for the answers."""
        return self.condition.holds(answers)

    def reason_fields(self) -> tuple[str, ...]:
        """Return the answer fields the reason text names in braces."""
        return tuple(field for _, field, _, _ in string.Formatter().parse(self.reason) if field)

    def reason_for(self, answers: Mapping) -> str:
        """Return the reason text with the person's answers filled in."""
        mentioned = self.condition.mentions()
        return self.reason.format_map({
            field: answer_words(field, answers[field], mentioned.get(field, frozenset()))
            for field in self.reason_fields()})


def answer_words(field: str, value: object, only: frozenset) -> str:
    """Return an answer in words: a number as is, a list as "a, b and c" of its labels."""
    question = QUESTIONS_BY_ID[field]
    if question.kind == INTEGER:
        return str(value)
    if question.kind == MULTI_CHOICE:
        return join_and([lower_first(question.label(item))
                         for item in value if not only or item in only])
    return lower_first(question.label(value))


def join_and(words: list[str]) -> str:
    """Return words as "a", "a and b" or "a, b and c"."""
    return " and ".join([", ".join(words[:-1]), words[-1]]) if len(words) > 1 else "".join(words)


# ---------------------------------------------------------------------------
# Data

FEVER = Not(Is("fever", "none"))
SEVERE = AtLeast("severity", 7)
KNOWN_CONDITIONS = Includes("conditions", "herniated_disc", "spinal_stenosis", "osteoporosis",
                            "ankylosing_spondylitis", "cancer", "bleeding_disorder",
                            "tuberculosis")

RULES = (
    # --- emergency ---
    Rule("E1", EMERGENCY, "Saddle numbness", Is("saddle_numbness"),
         "You have numbness around your genitals, buttocks or inner thighs.",
         "warning-signs/#saddle-numbness"),
    Rule("E2", EMERGENCY, "Bladder or bowel trouble", Is("bladder_bowel"),
         "You have new trouble passing urine, or cannot control your bladder or bowels.",
         "warning-signs/#bladder-bowel"),
    Rule("E3", EMERGENCY, "Weakness in an arm or leg", Is("limb_weakness"),
         "You have new weakness in an arm or leg.",
         "warning-signs/#limb-weakness"),
    Rule("E4", EMERGENCY, "Signs of a stroke", Is("stroke_signs"),
         "You have signs that can mean a stroke, such as a sudden bad headache, dizziness, "
         "trouble seeing or speaking, or a drooping face.",
         "warning-signs/#stroke-signs"),
    Rule("E5", EMERGENCY, "Chest symptoms", Is("chest_symptoms"),
         "You have chest pain, shortness of breath, or you are coughing up blood.",
         "warning-signs/#chest-symptoms"),
    Rule("E6", EMERGENCY, "Both legs affected", Is("both_legs"),
         "You have numbness, tingling or weakness in both legs.",
         "warning-signs/#both-legs"),
    # --- urgent ---
    Rule("U1", URGENT, "Numbness in an arm or leg", Is("limb_numbness"),
         "You have new numbness or tingling in an arm or leg.",
         "warning-signs/#numbness"),
    Rule("U2", URGENT, "Dark urine", Is("dark_urine"),
         "Your urine is dark brown, like cola. After deep pressure this can mean muscle damage.",
         "warning-signs/#dark-urine"),
    Rule("U3", URGENT, "Swollen calf", Is("calf_swelling"),
         "One calf or leg is swollen, painful and warm. This can be a sign of a blood clot.",
         "warning-signs/#calf-swelling"),
    Rule("U4", URGENT, "High fever", Is("fever", "high"),
         "You have a temperature of 38 °C or more.",
         "warning-signs/#high-fever"),
    Rule("U5", URGENT, "Possible kidney infection", AllOf(FEVER, Is("urinary_symptoms")),
         "You have a raised temperature and it burns or hurts when you pass urine, or you need "
         "to go very often. This can be a kidney infection.",
         "warning-signs/#kidney-infection"),
    Rule("U6", URGENT, "Belly pain", Is("abdominal_pain"),
         "You have pain in your belly and feel sick or are being sick.",
         "warning-signs/#belly-pain"),
    Rule("U7", URGENT, "Unexplained bruising", Is("bruising", "elsewhere"),
         "You have bruises or purple spots in places that were not massaged.",
         "warning-signs/#unexplained-bruising"),
    Rule("U8", URGENT, "Bruising or swelling on blood thinners",
         AllOf(Is("anticoagulants"), AnyOf(Not(Is("bruising", "none")), Is("redness_swelling"))),
         "You take blood thinners and have bruising, redness or swelling after the massage.",
         "warning-signs/#blood-thinners"),
    Rule("U9", URGENT, "Osteoporosis and severe pain",
         AllOf(Includes("conditions", "osteoporosis"), SEVERE),
         "You have osteoporosis and your pain is bad: {severity} out of 10.",
         "warning-signs/#osteoporosis-severe-pain"),
    Rule("U10", URGENT, "Severe pain that painkillers do not help",
         AllOf(AtLeast("severity", 8), Is("painkillers", "not_helped")),
         "Your pain is very bad ({severity} out of 10) and painkillers have not helped.",
         "warning-signs/#severe-pain-not-helped"),
    Rule("U11", URGENT, "Severe neck pain getting worse",
         AllOf(Includes("pain_areas", "neck"), SEVERE, Is("trend", "worse")),
         "Your neck hurts badly ({severity} out of 10) and the pain is getting worse.",
         "warning-signs/#neck-pain-worsening"),
    Rule("U12", URGENT, "Possible chest infection",
         AllOf(FEVER, Is("cough"), Includes("pain_areas", "ribs")),
         "You have a raised temperature, a new cough and pain in your ribs. "
         "This can be a chest infection.",
         "warning-signs/#chest-infection"),
    Rule("U13", URGENT, "Severe pain after a recent injury", AllOf(Is("recent_injury"), SEVERE),
         "You hurt your back or neck recently and your pain is bad: {severity} out of 10.",
         "warning-signs/#injury-severe-pain"),
    # --- doctor ---
    Rule("D1", DOCTOR, "Slight fever", Is("fever", "low"),
         "You have a slightly raised temperature (37.0 to 37.9 °C).",
         "warning-signs/#low-fever"),
    Rule("D2", DOCTOR, "Redness or swelling", Is("redness_swelling"),
         "The skin where you were massaged is red, swollen or hot.",
         "warning-signs/#redness-swelling"),
    Rule("D3", DOCTOR, "Painkillers not helping", Is("painkillers", "not_helped"),
         "Ordinary painkillers have not helped.",
         "warning-signs/#painkillers-not-helping"),
    Rule("D4", DOCTOR, "Not better after three days",
         AllOf(Above("hours_since_massage", 72), Not(Is("trend", "better"))),
         "Your massage was {hours_since_massage} hours ago, more than three days, "
         "and the pain is not getting better.",
         "warning-signs/#not-better-after-three-days"),
    Rule("D5", DOCTOR, "Pain after a week",
         AllOf(Above("hours_since_massage", 168), AtLeast("severity", 3)),
         "Your massage was {hours_since_massage} hours ago, more than a week, "
         "and it still hurts ({severity} out of 10).",
         "warning-signs/#pain-after-a-week"),
    Rule("D6", DOCTOR, "Getting worse after two days",
         AllOf(Is("trend", "worse"), AtLeast("hours_since_massage", 48)),
         "Your pain is getting worse {hours_since_massage} hours after the massage. "
         "Normal soreness is easing by then.",
         "warning-signs/#getting-worse"),
    Rule("D7", DOCTOR, "Shooting pain", AnyOf(Is("pain_down_leg"), Is("pain_down_arm")),
         "You have pain shooting down an arm or a leg.",
         "warning-signs/#shooting-pain"),
    Rule("D8", DOCTOR, "Hard to turn or bend", Is("movement_limited"),
         "It is hard to turn or bend where it hurts.",
         "warning-signs/#stiffness"),
    Rule("D9", DOCTOR, "Pain at night or at rest", Is("night_pain"),
         "Your pain wakes you at night or does not ease when you rest.",
         "warning-signs/#night-pain"),
    Rule("D10", DOCTOR, "Weight loss", Is("weight_loss"),
         "You have lost weight without trying.",
         "warning-signs/#weight-loss"),
    Rule("D11", DOCTOR, "Urinary symptoms", Is("urinary_symptoms"),
         "It burns or hurts when you pass urine, or you need to go very often.",
         "warning-signs/#urinary-symptoms"),
    Rule("D12", DOCTOR, "Recent injury", Is("recent_injury"),
         "You hurt your back or neck in the last 6 months, or felt a crack with sudden sharp "
         "pain during the massage.",
         "warning-signs/#recent-injury"),
    Rule("D13", DOCTOR, "Severe pain", SEVERE,
         "Your pain is bad: {severity} out of 10.",
         "warning-signs/#severe-pain"),
    Rule("D14", DOCTOR, "A known condition", KNOWN_CONDITIONS,
         "You have been diagnosed with: {conditions}. "
         "A doctor should check you before any more massage.",
         "warning-signs/#known-conditions"),
    Rule("D15", DOCTOR, "Pregnancy", Is("pregnant"),
         "You are pregnant. A doctor or midwife should check you before any more massage.",
         "warning-signs/#pregnancy"),
)

RULES_BY_ID = MappingProxyType({rule.id: rule for rule in RULES})
