"""What to do now, and what to watch for, fitted to the answers: tables of tips.

A tip is shown when the result's level is one of its levels and its condition
(if any) holds. Tips appear in table order. The wording is short, plain and
mainstream; it gives no doses and no figures that the articles do not give.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .answers import validate
from .conditions import (
    BLEEDING_RISK,
    FEVER,
    FRESH,
    AllOf,
    AnyOf,
    Condition,
    Includes,
    Is,
    Not,
    OneOf,
)
from .emergency_numbers import numbers_in_words
from .i18n import N_, _
from .levels import (
    CALM,
    DOCTOR,
    EMERGENCY,
    LEVEL_IDS,
    LEVELS_BY_ID,
    NOT_EMERGENCY,
    SELF_CARE,
    URGENT,
)
from .rules import rules_at
from .wording import lower_first


@dataclass(frozen=True)
class Tip:
    """One line of advice, for some levels, when a condition holds."""

    text: str
    levels: frozenset[str]
    when: Condition | None = None

    def __post_init__(self) -> None:
        if not self.levels or not self.levels <= set(LEVEL_IDS):
            raise ValueError(f"tip {self.text[:30]!r}...: unknown levels {sorted(self.levels)}")

    def applies(self, answers: Mapping[str, Any], level: str) -> bool:
        """Return True if the tip belongs in a result at ``level`` for these answers."""
        return level in self.levels and (self.when is None or self.when.holds(answers))


@dataclass(frozen=True)
class SafetyNetLine:
    """One line of safety-netting: a sentence, or an opening and the signs it lists."""

    text: str
    signs: tuple[str, ...] = ()

    def sentence(self) -> str:
        """Return the line as one sentence, its signs joined with semicolons."""
        if not self.signs:
            return self.text
        return f"{self.text} {'; '.join(lower_first(sign) for sign in self.signs)}."

    def to_dict(self) -> dict[str, Any]:
        """Return the line as JSON-ready data."""
        return {"text": self.text, "signs": list(self.signs)}


@dataclass(frozen=True)
class WarningGroup:
    """The signs of one level, named in the safety-netting of calmer results."""

    level: str
    # The opening in words, with "{numbers}" where the emergency numbers go.
    opening_template: str
    shown_at: frozenset[str]

    def opening(self) -> str:
        """Return the opening in the language being spoken, with its numbers."""
        return _(self.opening_template).format(numbers=numbers_in_words())


def advice_for(answers: Mapping[str, Any], level: str) -> tuple[str, ...]:
    """Return the advice lines for these answers at this level, in table order."""
    return tuple(_(tip.text) for tip in ADVICE if tip.applies(answers, level))


def safety_net(answers: Mapping[str, Any], level: str) -> tuple[SafetyNetLine, ...]:
    """Return the safety-netting for these answers at this level (never empty).

    It opens with what to do while waiting for help. Below the emergency level it
    then names every emergency sign from the rule table, and the watched urgent
    and doctor signs that concern this person and have not already fired. Lines
    fitted to the person (WATCH_FOR) come last.
    """
    lines = [SafetyNetLine(_(tip.text)) for tip in WHILE_YOU_WAIT if tip.applies(answers, level)]
    for group in WARNING_GROUPS:
        if level not in group.shown_at:
            continue
        signs = tuple(_(rule.sign) for rule in rules_at(group.level)
                      if group.level == EMERGENCY
                      or (rule.watch and rule.concerns(answers) and not rule.fires(answers)))
        if signs:
            lines.append(SafetyNetLine(group.opening(), signs))
    lines.extend(SafetyNetLine(_(tip.text)) for tip in WATCH_FOR if tip.applies(answers, level))
    return tuple(lines)


def get_help_sooner(answers: Mapping[str, Any], level: str) -> tuple[str, ...]:
    """Return the few points of safety-netting that fit these answers, for the top
    of a result (at most SOONER_LIMIT): what to do while waiting, the lines fitted
    to the person (WATCH_FOR), the signs of rules that concern only some people
    and concern this one, then the general points of the level (SOONER). The
    full lists are in :func:`safety_net`."""
    lines = [_(tip.text) for tip in WHILE_YOU_WAIT if tip.applies(answers, level)]
    lines.extend(_(tip.text) for tip in WATCH_FOR if tip.applies(answers, level))
    covered = {tip.when for tip in WATCH_FOR if tip.applies(answers, level)}
    for group in WARNING_GROUPS:
        if level not in group.shown_at:
            continue
        lines.extend(f"{_(rule.sign)} \N{EN DASH} {_(SOONER_ACTIONS[group.level])}"
                     for rule in rules_at(group.level)
                     if rule.who is not None and rule.who not in covered
                     and not rule.who.holds(ORDINARY_ANSWERS)
                     and rule.concerns(answers) and not rule.fires(answers)
                     and (group.level == EMERGENCY or rule.watch))
    general = [_(tip.text) for tip in SOONER if tip.applies(answers, level)]
    room = max(SOONER_LIMIT - len(general), 1)
    return tuple(dict.fromkeys(lines[:room] + general))[:SOONER_LIMIT]


# ---------------------------------------------------------------------------
# Data

# Anti-inflammatory painkillers (ibuprofen, naproxen, aspirin) are not safe for these people.
NO_ANTI_INFLAMMATORIES = AnyOf(Is("pregnant"), BLEEDING_RISK)
BRUISED_OR_SWOLLEN = AnyOf(Not(Is("bruising", "none")), Is("redness_swelling"))
TELL_THE_THERAPIST = AnyOf(Is("first_massage"), Is("bruising", "at_site"),
                           OneOf("massage_type", "deep_tissue", "sports"),
                           Includes("conditions", "osteochondrosis", "scoliosis", "skin_disease"),
                           Is("anticoagulants"))
AFTER_NECK_MASSAGE = Includes("pain_areas", "neck")
RASH_ONLY = Is("allergic_reaction", "rash_only")
CHEMOTHERAPY_FEVER = AllOf(Includes("conditions", "recent_chemotherapy"), FEVER)
PAIN_BEFORE = Not(Is("pain_before", "new"))

ADVICE = (
    # --- getting help ---
    Tip("Do not drive yourself. Ask someone to take you, or wait for the ambulance.",
        frozenset({EMERGENCY})),
    Tip("Keep still while you wait. Do not let anyone massage, stretch or 'crack' your back "
        "or neck.", frozenset({EMERGENCY})),
    Tip("If you can, ask someone to stay with you until help comes.", frozenset({EMERGENCY})),
    Tip("Do not wait to see if it passes. If you cannot get a same-day appointment, call an "
        "out-of-hours service or go to urgent care.", frozenset({URGENT})),
    Tip("Book an appointment with your doctor in the next few days.", frozenset({DOCTOR})),
    Tip("If you have a 24-hour chemotherapy helpline, call it now. If you cannot reach it "
        "straight away, call the emergency number.", frozenset({EMERGENCY}), CHEMOTHERAPY_FEVER),
    Tip("Call your midwife or maternity unit now. Do not wait for your next appointment.",
        frozenset({URGENT}), AllOf(Is("pregnant"), Is("pregnancy_signs"))),
    Tip("Shingles is treated with antiviral tablets, which work best when started within 3 "
        "days of the rash appearing, so do not wait. Keep the rash clean and loosely covered.",
        NOT_EMERGENCY, Is("one_sided_rash")),
    Tip("Tell the doctor about the massage: what kind it was and when.",
        frozenset({EMERGENCY, URGENT, DOCTOR})),
    # What the level says about more massage, in its own words.
    *(Tip(LEVELS_BY_ID[level].massage, frozenset({level})) for level in (URGENT, DOCTOR)),
    # --- after a faint, a rash from the oil ---
    Tip("After a faint, sit or lie down for a minute before you stand up, and stand up slowly. "
        "If you feel faint again, lie down and raise your legs.",
        NOT_EMERGENCY, Is("fainted", "on_standing")),
    Tip("Wash the massage oil off your skin with mild soap and water. A pharmacist can suggest "
        "an antihistamine for the itch. Tell the therapist which oil or cream was used, so it "
        "is not used on you again.", NOT_EMERGENCY, RASH_ONLY),
    # --- self-care ---
    Tip("Soreness after a massage usually starts within hours, is at its worst in the first "
        "day or two, and is clearly better by three days.", frozenset({SELF_CARE})),
    Tip("Keep moving gently. Short walks and gentle stretches usually help more than lying "
        "still.", CALM),
    Tip("For fresh bruising or swelling, use cold for the first 48 hours: an ice pack or a bag "
        "of frozen peas wrapped in a towel, for short spells. Never put ice straight on your "
        "skin.", NOT_EMERGENCY, AllOf(BRUISED_OR_SWOLLEN, FRESH)),
    Tip("Warmth can ease stiff, sore muscles: a warm shower or bath, or a heat pack wrapped in "
        "a cloth. Do not put heat on skin that is red, swollen or hot.",
        CALM, AllOf(Not(Is("redness_swelling")), Not(FEVER),
                    AnyOf(Is("bruising", "none"), Not(FRESH)))),
    # --- painkillers ---
    Tip("Do not take anti-inflammatory painkillers such as ibuprofen, naproxen or aspirin: they "
        "are not safe in pregnancy, with blood thinners or with a bleeding disorder. Paracetamol "
        "may suit most people, but ask a pharmacist or your doctor first.",
        NOT_EMERGENCY, NO_ANTI_INFLAMMATORIES),
    Tip("If you need a painkiller, an ordinary one from a pharmacy, such as paracetamol or "
        "ibuprofen, can ease the soreness. Take it as the pack says, and ask a pharmacist which "
        "one suits you.",
        CALM, AllOf(Not(NO_ANTI_INFLAMMATORIES), Not(Is("painkillers", "not_helped")))),
    Tip("Do not take more painkillers than the pack says, even if they are not helping.",
        NOT_EMERGENCY, Is("painkillers", "not_helped")),
    # --- next time ---
    Tip("Nobody should massage skin that is affected by your skin disease.",
        NOT_EMERGENCY, Includes("conditions", "skin_disease")),
    Tip("Before your next massage, tell the therapist about this soreness and about your health, "
        "and ask for lighter pressure. Say at once if anything hurts.",
        CALM, TELL_THE_THERAPIST),
)

# Safety-netting: the changes that should make the person get help sooner. It opens
# with what to do while waiting for help, then names the signs (WARNING_GROUPS),
# then adds the lines fitted to the person (WATCH_FOR).
WHILE_YOU_WAIT = (
    Tip("If you feel worse while you wait for help, call the emergency number again.",
        frozenset({EMERGENCY})),
    Tip("If you cannot see a doctor today, or you get worse while you wait, go to an emergency "
        "department.", frozenset({URGENT})),
    Tip("If the pain gets much worse before your appointment, see a doctor today.",
        frozenset({DOCTOR})),
)

WATCH_FOR = (
    Tip("Because you have a rash since the massage, call the emergency number at once if your "
        "lips, tongue, face or throat swell, you wheeze or find it hard to breathe, or you feel "
        "faint.", NOT_EMERGENCY, RASH_ONLY),
    Tip("You had this pain before the massage. See a doctor if it becomes different from your "
        "usual pain: much worse, in a new place, with new numbness or weakness, or not settling "
        "the way it usually does.", CALM, PAIN_BEFORE),
    Tip("Because you take blood thinners or have a bleeding disorder, call the emergency number "
        "at once for sudden severe back pain, new numbness or weakness, or a new headache. See "
        "a doctor today if a bruise keeps growing, or you see blood in your urine or black poo.",
        NOT_EMERGENCY, BLEEDING_RISK),
    Tip("Because your neck hurts after a massage, see a doctor today if you get a new headache, "
        "and call the emergency number for any sign of a stroke. Rarely, a torn artery in the "
        "neck starts with neck pain and a headache, days before a stroke.",
        NOT_EMERGENCY, AllOf(AFTER_NECK_MASSAGE, Not(Is("headache")))),
)

# The signs named in the safety-netting, by level, and at which result levels.
WARNING_GROUPS = (
    WarningGroup(EMERGENCY, "Call the emergency number ({numbers}) if you get any of these:",
                 NOT_EMERGENCY),
    WarningGroup(URGENT, "See a doctor today if you get any of these:", CALM),
    WarningGroup(DOCTOR, "Book an appointment with a doctor if you have any of these:",
                 frozenset({SELF_CARE})),
)

# Answers with nothing of note: a sign that concerns everyone is not one fitted to a person.
ORDINARY_ANSWERS = validate({"hours_since_massage": 0, "severity": 0})

# The points at the top of a result: at most this many, so that they are read.
SOONER_LIMIT = 5

# What the top of a result says to do for one sign of a level.
SOONER_ACTIONS = {EMERGENCY: N_("call the emergency number at once."),
                  URGENT: N_("see a doctor today."),
                  DOCTOR: N_("book a doctor's appointment.")}

# The general points at the top of a result, after those fitted to the person.
SOONER = (
    Tip("Call the emergency number at once for any danger sign: the full list is below, "
        "under \"All the warning signs\".", NOT_EMERGENCY),
    Tip("Book a doctor's appointment if the pain is not clearly better three days after the "
        "massage, or is getting worse two days after it.", frozenset({SELF_CARE})),
    Tip("See a doctor today if you get a temperature of 38 °C or more, new belly pain, or "
        "one calf swollen or painful.", CALM),
)
