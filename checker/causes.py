"""Likely causes, with links into the Causes article, chosen from the answers.

CAUSES holds each cause's wording, keyed by its anchor in the article.
CAUSE_RULES says when a cause is suggested: at which levels and on which
answers. A cause is listed once, in the order of CAUSES, however many of its
rules match.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import KW_ONLY, dataclass, replace
from types import MappingProxyType
from typing import Any

from .citations import Citation
from .conditions import (
    ASK_A_DOCTOR_FIRST,
    FEVER,
    AllOf,
    AnyOf,
    AtLeast,
    Condition,
    Includes,
    Is,
    Not,
    OneOf,
)
from .i18n import _
from .levels import ALL_LEVELS, CALM, LEVEL_IDS, NOT_EMERGENCY, SELF_CARE


@dataclass(frozen=True)
class Cause:
    """A possible cause of the pain, and where the article explains it."""

    anchor: str
    _: KW_ONLY
    title: str
    text: str

    @property
    def source(self) -> Citation:
        """Return the section of the Causes article that explains the cause."""
        return Citation(CAUSES_ARTICLE, self.anchor)

    def to_dict(self) -> dict[str, Any]:
        """Return the cause as JSON-ready data."""
        return {"title": self.title, "text": self.text, "source": self.source.link}


@dataclass(frozen=True)
class CauseRule:
    """Suggest the cause ``anchor`` at these levels when the condition holds."""

    anchor: str
    levels: frozenset[str]
    when: Condition

    def __post_init__(self) -> None:
        if self.anchor not in CAUSES_BY_ANCHOR:
            raise ValueError(f"cause rule for unknown cause {self.anchor!r}")
        if not self.levels or not self.levels <= set(LEVEL_IDS):
            raise ValueError(f"cause rule {self.anchor!r}: unknown levels {sorted(self.levels)}")


def causes_for(answers: Mapping[str, Any], level: str) -> tuple[Cause, ...]:
    """Return the likely causes for these answers at this level, in article order."""
    chosen = {rule.anchor for rule in CAUSE_RULES
              if level in rule.levels and rule.when.holds(answers)}
    return tuple(replace(cause, title=_(cause.title), text=_(cause.text))
                 for cause in CAUSES if cause.anchor in chosen)


# ---------------------------------------------------------------------------
# Data

# The article whose sections explain the causes, each at its anchor.
CAUSES_ARTICLE = "causes"

CAUSES = (
    Cause("normal-soreness", title="Ordinary soreness",
          text="Muscles that are not used to massage get tiny strains, a bit like after new "
               "exercise. The ache is usually mild, mostly gone within about two days, and clearly "
               "better by three."),
    Cause("too-much-pressure", title="Too much pressure",
          text="Pressure that is stronger than your body can take can bruise and strain the "
               "muscles. Ask for lighter pressure next time."),
    Cause("therapist-skill", title="The therapist's skill",
          text="A massage that is too forceful can hurt the soft tissues, so the pain is worse "
               "when you move and painkillers help less."),
    Cause("contraindications", title="Massage despite a contraindication",
          text="Some illnesses and conditions are a reason not to have a massage, or to have it "
               "only with special care, until a doctor agrees."),
    Cause("hidden-conditions", title="A hidden or known condition",
          text="Pain after a massage can be the first sign of a back, bone or blood problem, or a "
               "known condition flaring up."),
    Cause("injury", title="An injury",
          text="An earlier injury, or a crack during the massage, can make the area hurt more."),
    Cause("muscle-strain", title="Muscle strain",
          text="A muscle that was stretched too far or pressed too hard can stay stiff and "
               "tender."),
    Cause("fascia", title="Irritated fascia",
          text="The thin layer that wraps the muscles can become irritated and give a steady, dull "
               "ache and stiffness."),
    Cause("nerve-irritation", title="A pressed or irritated nerve",
          text="Numbness, tingling, weakness or pain that shoots down an arm or leg can come from "
               "a nerve being squeezed."),
    Cause("circulation", title="A blood circulation problem",
          text="A swollen, warm calf can be a blood clot, and bruises in other places can mean the "
               "blood does not clot well."),
    Cause("referred-pain", title="Pain from an organ",
          text="An illness of an organ in the belly or chest can be felt as back pain and may have "
               "nothing to do with the massage."),
    Cause("kidneys", title="The kidneys",
          text="A kidney infection causes pain in the lower back or side with a raised temperature "
               "and burning when you pass urine."),
    Cause("pelvic-organs", title="The pelvic organs",
          text="Problems of the bladder, prostate, womb or ovaries can cause pain in the lower "
               "back."),
    Cause("gallbladder-pancreas", title="The gallbladder or pancreas",
          text="Inflammation here causes pain in the upper belly that can go through to the back, "
               "often with feeling sick."),
    Cause("lungs", title="The lungs",
          text="A chest infection can cause pain around the ribs or in the back, worse when you "
               "breathe in or cough."),
)

CAUSES_BY_ANCHOR = MappingProxyType({cause.anchor: cause for cause in CAUSES})

SPINE_BONE_OR_BLOOD = ("herniated_disc", "osteochondrosis", "scoliosis", "osteoporosis",
                       "spinal_stenosis", "ankylosing_spondylitis", "cancer",
                       "bleeding_disorder", "tuberculosis", "long_term_steroids",
                       "weak_immune_system")

CAUSE_RULES = (
    CauseRule("normal-soreness", frozenset({SELF_CARE}), AtLeast("severity", 1)),
    CauseRule("too-much-pressure", CALM, AnyOf(OneOf("massage_type", "deep_tissue", "sports"),
                                               Is("bruising", "at_site"))),
    CauseRule("too-much-pressure", ALL_LEVELS, Is("dark_urine")),
    CauseRule("therapist-skill", CALM, AnyOf(Is("redness_swelling"), Is("movement_limited"),
                                             Is("painkillers", "not_helped"))),
    CauseRule("contraindications", ALL_LEVELS, AnyOf(ASK_A_DOCTOR_FIRST, Is("pregnant"), FEVER)),
    CauseRule("hidden-conditions", ALL_LEVELS, AnyOf(Includes("conditions", *SPINE_BONE_OR_BLOOD),
                                              Is("anticoagulants"), Is("night_pain"),
                                              Is("weight_loss"))),
    CauseRule("injury", ALL_LEVELS, Is("recent_injury")),
    CauseRule("muscle-strain", NOT_EMERGENCY, Is("movement_limited")),
    CauseRule("fascia", CALM, AllOf(Is("movement_limited"), Not(FEVER))),
    CauseRule("nerve-irritation", ALL_LEVELS, AnyOf(Is("pain_down_leg"), Is("pain_down_arm"),
                                             Is("limb_numbness"), Is("limb_weakness"),
                                             Is("both_legs"), Is("saddle_numbness"),
                                             Is("bladder_bowel"), Is("worse_when_straining"))),
    CauseRule("circulation", ALL_LEVELS, AnyOf(Is("calf_swelling"), Is("bruising", "elsewhere"))),
    CauseRule("referred-pain", ALL_LEVELS, AnyOf(Is("abdominal_pain"), Is("urinary_symptoms"),
                                          AllOf(Is("cough"), Includes("pain_areas", "ribs")))),
    CauseRule("kidneys", ALL_LEVELS, AllOf(Is("urinary_symptoms"), FEVER)),
    CauseRule("pelvic-organs", ALL_LEVELS, AnyOf(
        AllOf(Is("urinary_symptoms"), Not(FEVER)),
        AllOf(Is("abdominal_pain"), Includes("pain_areas", "lower_back", "tailbone")))),
    CauseRule("gallbladder-pancreas", ALL_LEVELS, Is("abdominal_pain")),
    CauseRule("lungs", ALL_LEVELS, AnyOf(AllOf(Is("cough"), Includes("pain_areas", "ribs")),
                                  Is("chest_symptoms"))),
)
