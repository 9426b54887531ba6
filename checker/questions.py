"""The questions the checker asks, as data.

This one table drives validation (answers.py), the plain-word descriptions of
the rules (conditions.py), the web form and the "How the checker decides" page.
The field ids, kinds, ranges, choices and defaults are fixed by the spec.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

# The kinds of answer a question takes.
INTEGER = "integer"
BOOLEAN = "boolean"
CHOICE = "choice"
MULTI_CHOICE = "multi-choice"
KINDS = (INTEGER, BOOLEAN, CHOICE, MULTI_CHOICE)


@dataclass(frozen=True)
class Section:
    """A group of questions shown together in the form."""

    id: str
    title: str
    intro: str


@dataclass(frozen=True)
class Band:
    """A named range of a number answer: "mild" is 1 to 3 on the pain scale."""

    minimum: int
    maximum: int
    word: str
    meaning: str

    def to_dict(self) -> dict[str, Any]:
        """Return the band as plain JSON-ready data."""
        return {"min": self.minimum, "max": self.maximum, "word": self.word,
                "meaning": self.meaning}


@dataclass(frozen=True)
class Question:
    """One question: its field id, kind, allowed answers and wording.

    ``topic`` is the short phrase the rule descriptions use ("pain score",
    "temperature"). ``ordered`` says the choices run from least to most
    worrying, so that "a worse answer" has a meaning.
    """

    id: str
    kind: str
    section: str
    text: str
    help: str
    topic: str
    default: object = None
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    minimum: int | None = None
    maximum: int | None = None
    unit: str = ""
    ordered: bool = False
    # The form shows the question only when one of these holds ("field": that box
    # is ticked; "field=value": that answer is chosen); hidden, it keeps its default.
    show_if: tuple[str, ...] = ()
    # Named ranges of a number answer, so that a number means the same to everyone.
    bands: tuple[Band, ...] = ()

    @property
    def values(self) -> tuple[str, ...]:
        """Return the allowed choice values, in order."""
        return tuple(value for value, _ in self.choices)

    def label(self, value: Any) -> str:
        """Return the plain-English label of one answer value."""
        if self.kind == BOOLEAN:
            return "yes" if value else "no"
        if self.kind == INTEGER:
            return f"{value} {self.unit}".rstrip()
        return dict(self.choices)[value]

    def band(self, value: int) -> Band | None:
        """Return the named band a number answer falls in, or None."""
        return next((band for band in self.bands if band.minimum <= value <= band.maximum), None)

    def to_dict(self) -> dict[str, Any]:
        """Return the question as plain JSON-ready data (for the form and the docs)."""
        return {
            "id": self.id,
            "kind": self.kind,
            "section": self.section,
            "text": self.text,
            "help": self.help,
            "required": self.required,
            "default": list(self.default) if isinstance(self.default, tuple) else self.default,
            "choices": [{"value": value, "label": label} for value, label in self.choices],
            "min": self.minimum,
            "max": self.maximum,
            "unit": self.unit,
            "show_if": list(self.show_if),
            "bands": [band.to_dict() for band in self.bands],
        }


# ---------------------------------------------------------------------------
# Data

# The first section: each of its boxes on its own means "call the emergency number".
DANGER_SECTION = "emergency"

SECTIONS = (
    Section(DANGER_SECTION, "First, check for danger signs",
            "If you answer yes to any of these, the checker will tell you to get help now."),
    Section("massage", "About the massage", "When it was and what kind."),
    Section("pain", "About the pain", "How bad it is, where it is and how it is changing."),
    Section("symptoms", "Other symptoms", "Anything else you have noticed since the massage."),
    Section("background", "About you", "Your health before the massage."),
)

_NEW_HELP = ("Answer yes if this is new since the massage, or if you are not sure "
             "it was there before.")

# The pain scale in words (policy v2), so that "7 out of 10" means the same to everyone.
PAIN_BANDS = (
    Band(0, 0, "no pain", "No pain at all."),
    Band(1, 3, "mild", "It comes and goes and does not stop your daily activities."),
    Band(4, 6, "moderate", "It is always there and makes it hard to concentrate or sleep, "
                           "but you can still get up, wash and dress."),
    Band(7, 10, "severe", "It is so bad that it is hard to think or talk, you cannot sleep, "
                          "and it is very hard to move."),
)

QUESTIONS = (
    # --- emergency: each box on its own means "call the emergency number" (E1-E7) ---
    Question("saddle_numbness", BOOLEAN, "emergency",
             "Is the skin numb around your private parts, bottom or inner thighs?",
             "It may feel like you are sitting on something, or toilet paper feels strange.",
             "numbness around the genitals, buttocks or inner thighs", default=False),
    Question("bladder_bowel", BOOLEAN, "emergency",
             "Is it suddenly hard to pass urine, can you not control your bladder or bowels, "
             "or is it newly hard to get or keep an erection?",
             _NEW_HELP,
             "new trouble passing urine, loss of bladder or bowel control, or new erection "
             "problems", default=False),
    Question("limb_weakness", BOOLEAN, "emergency",
             "Is an arm or leg suddenly weak?",
             "For example a leg gives way, a foot drags, or you cannot grip.",
             "new weakness in an arm or leg", default=False),
    Question("stroke_signs", BOOLEAN, "emergency",
             "Do you have a sudden severe headache, sudden dizziness, or trouble seeing, "
             "speaking or swallowing?",
             "Also: a drooping face, double vision, walking unsteadily, new confusion or "
             "extreme sleepiness, or a spinning feeling that does not settle when you lie down.",
             "signs of a stroke (sudden severe headache, dizziness that does not settle, sight, "
             "speech or swallowing problems, drooping face, unsteady walking, new confusion)",
             default=False),
    Question("chest_symptoms", BOOLEAN, "emergency",
             "Do you have chest pain, feel short of breath, or cough up blood?",
             "Chest pain that feels tight, heavy or pressing, perhaps spreading to an arm, the "
             "jaw or the back. Answer yes even if it comes and goes. Soreness over the ribs "
             "that hurts when you press it does not count: choose \"Ribs\" under where it hurts.",
             "chest pain, shortness of breath or coughing up blood", default=False),
    Question("both_legs", BOOLEAN, "emergency",
             "Does pain shoot down both legs, or are both legs numb, tingling or weak?",
             "Both legs at the same time, not just one. Soreness where your legs themselves "
             "were massaged does not count.",
             "pain shooting down both legs, or numbness, tingling or weakness in both legs",
             default=False),
    Question("dark_urine", BOOLEAN, "emergency",
             "Is your urine brown, red or the colour of cola?",
             "Not just darker yellow than usual.",
             "brown, red or cola-coloured urine", default=False),
    # --- massage ---
    Question("hours_since_massage", INTEGER, "massage",
             "How many hours ago did the massage end?",
             "One day is 24 hours, two days are 48, three days are 72, a week is 168.",
             "time since the massage", required=True, minimum=0, maximum=8760, unit="hours"),
    Question("massage_type", CHOICE, "massage",
             "What kind of massage was it?",
             "Pick the closest. If you do not know, choose \"I don't know\".",
             "type of massage", default="unknown",
             choices=(("relaxing", "Relaxing (gentle, slow strokes)"),
                      ("classic", "Classic (Swedish) massage"),
                      ("deep_tissue", "Deep tissue (firm, deep pressure)"),
                      ("sports", "Sports massage"),
                      ("acupressure", "Acupressure or shiatsu (pressing on points)"),
                      ("manual_therapy", "Manual therapy (joints moved or 'cracked')"),
                      ("other", "Another kind"),
                      ("unknown", "I don't know"))),
    Question("first_massage", BOOLEAN, "massage",
             "Was this your first massage, or the first for several months?",
             "Muscles that are not used to massage are often sore afterwards.",
             "first massage, or first after a break of months", default=False),
    # --- pain ---
    Question("severity", INTEGER, "pain",
             "How bad is the pain at its worst right now, from 0 to 10?",
             "0 means no pain and 10 the worst pain you can imagine. Mild (1 to 3): it comes "
             "and goes. Moderate (4 to 6): it is always there. Severe (7 to 10): it is hard to "
             "think, talk, sleep or move.",
             "pain score", required=True, minimum=0, maximum=10, unit="out of 10",
             bands=PAIN_BANDS),
    Question("pain_areas", MULTI_CHOICE, "pain",
             "Where does it hurt?",
             "Choose all that apply.",
             "painful areas", default=(),
             choices=(("neck", "Neck"),
                      ("upper_back", "Upper back (between the shoulder blades)"),
                      ("mid_back", "Middle of the back"),
                      ("lower_back", "Lower back"),
                      ("tailbone", "Tailbone"),
                      ("ribs", "Ribs"))),
    Question("trend", CHOICE, "pain",
             "Since it started, is the pain getting better or worse?",
             "Compare with how it felt when it started.",
             "the pain is", default="same", ordered=True,
             choices=(("better", "Getting better"),
                      ("same", "About the same"),
                      ("worse", "Getting worse"))),
    Question("painkillers", CHOICE, "pain",
             "Have ordinary painkillers helped?",
             "Painkillers from a pharmacy, taken as the pack says.",
             "ordinary painkillers", default="not_tried", ordered=True,
             choices=(("helped", "They helped"),
                      ("not_tried", "Not tried"),
                      ("not_helped", "They did not help"))),
    Question("movement_limited", BOOLEAN, "pain",
             "Is it hard to turn or bend where it hurts?",
             "You cannot move as far or as freely as usual.",
             "hard to turn or bend where it hurts", default=False),
    Question("pain_down_leg", BOOLEAN, "pain",
             "Does pain shoot down a leg, below the knee?",
             "A sharp or burning pain that travels down the leg.",
             "pain shooting down a leg, below the knee", default=False),
    Question("pain_down_arm", BOOLEAN, "pain",
             "Does pain shoot down an arm?",
             "A sharp or burning pain that travels down the arm.",
             "pain shooting down an arm", default=False),
    Question("worse_when_straining", BOOLEAN, "pain",
             "Does the pain get worse when you cough, sneeze or strain on the toilet?",
             "A jolt of pain in your back or neck at that moment.",
             "pain worse when coughing, sneezing or straining", default=False),
    Question("night_pain", BOOLEAN, "pain",
             "Does the pain wake you from sleep, or stay as bad when you lie still in any "
             "position?",
             "Ordinary soreness usually eases when you rest and find a comfortable position.",
             "pain that wakes you from sleep or stays as bad lying still", default=False),
    # --- symptoms ---
    Question("fever", CHOICE, "symptoms",
             "Do you have a raised temperature?",
             "Measure it with a thermometer if you can. No thermometer? Choose \"38 °C or "
             "more\" if your chest or back feels hotter than usual, or you are shivering. "
             "Feeling warm or flushed just after a massage does not count.",
             "temperature", default="none", ordered=True,
             choices=(("none", "No: below 37.5 °C, or not measured and I do not feel feverish"),
                      ("low", "37.5 to 37.9 °C"),
                      ("high", "38 °C or more, or hot and shivery"))),
    Question("headache", BOOLEAN, "symptoms",
             "Do you have a new headache, unlike headaches you usually get?",
             "A headache that is new since the massage or feels different from your usual ones.",
             "a new headache, unlike usual ones", default=False),
    Question("redness_swelling", BOOLEAN, "symptoms",
             "Is the skin where you were massaged red, swollen or hot the next day, or is the "
             "redness spreading?",
             "Skin is often pink for an hour or two after a massage: that does not count. "
             "Compare with the same place on the other side.",
             "redness, swelling or heat where massaged that lasts to the next day or spreads",
             default=False),
    Question("bruising", CHOICE, "symptoms",
             "Do you have bruises?",
             "Look where you were massaged and on the rest of your body.",
             "bruising", default="none", ordered=True,
             choices=(("none", "No bruises"),
                      ("at_site", "Only where I was massaged"),
                      ("elsewhere", "Bruises or purple spots in places that were not massaged"))),
    Question("limb_numbness", BOOLEAN, "symptoms",
             "Is an arm or leg newly numb or tingling, and still is now?",
             "Pins and needles, or less feeling than usual. An arm that went to sleep on the "
             "table and then recovered does not count.",
             "new numbness or tingling in an arm or leg that is still there", default=False),
    Question("calf_swelling", BOOLEAN, "symptoms",
             "Is one calf or leg swollen, painful and warm?",
             "Only one side, not both.",
             "one calf or leg swollen, painful and warm", default=False),
    Question("urinary_symptoms", BOOLEAN, "symptoms",
             "Does it burn or hurt when you pass urine, or do you need to go very often?",
             _NEW_HELP,
             "burning, painful or very frequent urination", default=False),
    Question("abdominal_pain", BOOLEAN, "symptoms",
             "Do you have new pain in your belly (tummy)?",
             "With or without feeling sick or being sick.",
             "new belly pain", default=False),
    Question("cough", BOOLEAN, "symptoms",
             "Do you have a new cough?",
             "A cough that started recently.",
             "a new cough", default=False, show_if=("fever=low", "fever=high")),
    Question("weight_loss", BOOLEAN, "symptoms",
             "Have you lost weight without trying?",
             "Without changing what you eat or how active you are.",
             "weight loss you cannot explain", default=False),
    # --- background ---
    Question("recent_injury", BOOLEAN, "background",
             "Did you hurt your back or neck in the last 6 months, or feel a sudden sharp pain "
             "during the massage that has not settled?",
             "For example a fall, a car accident or a sports injury. Joints that click without "
             "pain during a massage are normal and do not count.",
             "back or neck injury or fall in the last 6 months, or a sudden sharp pain during "
             "the massage that has not settled", default=False),
    Question("conditions", MULTI_CHOICE, "background",
             "Has a doctor told you that you have, or have had, any of these?",
             "Choose all that apply. Leave empty if none.",
             "diagnosed conditions", default=(),
             choices=(("herniated_disc", "Herniated (slipped) disc"),
                      ("osteochondrosis", "Osteochondrosis (wear of the spine)"),
                      ("scoliosis", "Scoliosis (a curved spine)"),
                      ("osteoporosis", "Osteoporosis (thin, weak bones)"),
                      ("spinal_stenosis", "Spinal stenosis (narrowed spine)"),
                      ("ankylosing_spondylitis", "Ankylosing spondylitis"),
                      ("cancer", "Cancer (now or in the past)"),
                      ("bleeding_disorder", "A bleeding disorder"),
                      ("skin_disease", "A skin disease"),
                      ("tuberculosis", "Tuberculosis (TB)"),
                      ("long_term_steroids", "Steroid tablets for 3 months or more"),
                      ("weak_immune_system", "A weak immune system, from an illness or a "
                                             "treatment such as chemotherapy"))),
    Question("anticoagulants", BOOLEAN, "background",
             "Do you take blood thinners?",
             "For example warfarin, apixaban or rivaroxaban.",
             "takes blood thinners", default=False),
    Question("pregnant", BOOLEAN, "background",
             "Are you pregnant?",
             "Answer yes if you might be.",
             "pregnant", default=False),
)

QUESTIONS_BY_ID = MappingProxyType({question.id: question for question in QUESTIONS})
SECTIONS_BY_ID = MappingProxyType({section.id: section for section in SECTIONS})
