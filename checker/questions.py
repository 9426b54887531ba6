"""The questions the checker asks, as data.

This one table drives validation (answers.py), the plain-word descriptions of
the rules (conditions.py), the web form and the "How the checker decides" page.
The field ids, kinds, ranges, choices and defaults are fixed by the spec. A
question checks itself when it is built, and the whole table is checked once at
import (check_questions).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import KW_ONLY, dataclass
from types import MappingProxyType
from typing import Any

from .i18n import _, ngettext
from .wording import join_and

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
    _: KW_ONLY
    title: str
    intro: str
    # The box that answers "none of these" to the section's yes-or-no boxes, where the
    # form shows them as one list of boxes (the danger signs): the reader ticks it,
    # or a sign; nothing is taken as "no" unasked.
    none_label: str = ""
    # A danger section: each answer in it that alone makes the level "emergency" stops
    # the questions for the instruction to call. The danger sections come first.
    danger: bool = False


@dataclass(frozen=True, kw_only=True)
class Band:
    """A named range of a number answer: "mild" is 1 to 3 on the pain scale."""

    minimum: int
    maximum: int
    word: str
    meaning: str

    def to_dict(self) -> dict[str, Any]:
        """Return the band as plain JSON-ready data, in the language being spoken."""
        return {"min": self.minimum, "max": self.maximum, "word": _(self.word),
                "meaning": _(self.meaning)}


@dataclass(frozen=True, kw_only=True)
class Part:
    """One box of a number answer typed in several units: "2 days and 4 hours".

    ``size`` is how many of the answer's own unit one of these is (a day is 24
    hours); ``maximum`` is the most the box takes.
    """

    one: str
    many: str
    size: int
    maximum: int

    def to_dict(self) -> dict[str, Any]:
        """Return the part as plain JSON-ready data, in the language being spoken: its
        English name as a key (the form's ids), its word after many (the box's label),
        and its word after a count of each plural category of Unicode's rules
        (Intl.PluralRules: "one", "few", "many", "other"), by which a page says "2 дня"
        and "5 дней"."""
        return {"key": self.many, "many": ngettext(self.one, self.many, 5),
                "forms": {category: ngettext(self.one, self.many, count)
                          for category, count in PLURAL_SAMPLES.items()},
                "size": self.size, "max": self.maximum}


@dataclass(frozen=True)
class Question:
    """One question: its field id, kind, allowed answers and wording.

    ``topic`` is the short phrase the rule descriptions use ("pain score",
    "temperature"). ``ordered`` says the choices run from least to most
    worrying, so that "a worse answer" has a meaning.
    """

    id: str
    _: KW_ONLY
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
    # A number answer typed in several boxes (days and hours), largest unit first;
    # the answer is their sum in the question's own unit.
    parts: tuple[Part, ...] = ()
    # Why the question is asked, where a reader may wonder (their age).
    why: str = ""
    # The form's honest "I don't know" answer, where there is one ("Not sure"):
    # choosing it leaves the field out, so the engine takes the spec's default.
    unsure: str = ""
    # For a list of choices the form must have answered: the box that says none apply.
    none_label: str = ""
    # A yes or no asked on its own (Yes / No) in a section with a list of boxes: a fact
    # about the reader that shapes what follows (being pregnant), not a sign to tick.
    asked_alone: bool = False
    # The choices a doctor should check before any more massage (the known conditions).
    ask_a_doctor: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"question {self.id}: unknown kind {self.kind!r}")
        if self.section not in SECTIONS_BY_ID:
            raise ValueError(f"question {self.id}: unknown section {self.section!r}")
        if (self.kind in (CHOICE, MULTI_CHOICE)) != bool(self.choices):
            raise ValueError(f"question {self.id}: a choice or a list needs choices, and "
                             "only they have them")
        if twice := repeated(self.values):
            raise ValueError(f"question {self.id}: choice(s) {twice} given twice")
        if self.ordered and self.kind != CHOICE:
            raise ValueError(f"question {self.id}: only a choice can be ordered")
        if self.asked_alone and self.kind != BOOLEAN:
            raise ValueError(f"question {self.id}: only a yes or no can be asked alone")
        unknown = [value for value in self.ask_a_doctor if value not in self.values]
        if unknown:
            raise ValueError(f"question {self.id}: ask_a_doctor names {unknown}, which are "
                             "not among its choices")
        if self.parts and (self.kind != INTEGER or self.parts[-1].size != 1):
            raise ValueError(f"question {self.id}: parts are for a number answer, and the "
                             "last part must be the answer's own unit")

    @property
    def asked_as_list(self) -> bool:
        """Whether the form shows this yes-or-no question as one box in its section's
        list of boxes (the danger signs, how the pain behaves, other symptoms), answered
        "no" by the list's none box. A question with a "Not sure" stays a question, and
        so does a follow-up shown by another answer (a cough, with a temperature)."""
        return (self.kind == BOOLEAN and bool(SECTIONS_BY_ID[self.section].none_label)
                and not self.unsure and not self.show_if and not self.asked_alone)

    @property
    def must_answer(self) -> bool:
        """Whether the form asks for an answer before moving on: nothing that bears on
        safety is pre-selected. Every number the spec requires, every choice, every
        yes or no (Yes, No, or the question's "Not sure"), and a list with a none box;
        a list without one (where it hurts) may be left empty."""
        if self.asked_as_list:
            return False  # the section's none box asks for it
        return self.required or self.kind in (BOOLEAN, CHOICE) or bool(self.none_label)

    @property
    def values(self) -> tuple[str, ...]:
        """Return the allowed choice values, in order."""
        return tuple(value for value, _ in self.choices)

    def label(self, value: Any) -> str:
        """Return the label of one answer value, in the language being spoken."""
        if self.kind == BOOLEAN:
            return _("yes") if value else _("no")
        if self.kind == INTEGER:
            return f"{value} {_(self.unit) if self.unit else ''}".rstrip()
        return _(dict(self.choices)[value])

    def band(self, value: int) -> Band | None:
        """Return the named band a number answer falls in, or None."""
        return next((band for band in self.bands if band.minimum <= value <= band.maximum), None)

    def to_dict(self) -> dict[str, Any]:
        """Return the question as plain JSON-ready data (for the form and the docs), its
        words in the language being spoken."""
        return {
            "id": self.id,
            "kind": self.kind,
            "section": self.section,
            "text": _(self.text),
            "help": _(self.help) if self.help else "",
            "required": self.required,
            "default": list(self.default) if isinstance(self.default, tuple) else self.default,
            "choices": [{"value": value, "label": _(label)} for value, label in self.choices],
            "min": self.minimum,
            "max": self.maximum,
            "unit": _(self.unit) if self.unit else "",
            "show_if": list(self.show_if),
            "bands": [band.to_dict() for band in self.bands],
            "parts": [part.to_dict() for part in self.parts],
            "why": _(self.why) if self.why else "",
            "unsure": _(self.unsure) if self.unsure else "",
            "none_label": _(self.none_label) if self.none_label else "",
            "must_answer": self.must_answer,
        }

    def in_parts(self, value: int) -> str:
        """Return a number answer in words by its parts ("2 days and 4 hours"), or
        with its unit when it has no parts."""
        if not self.parts:
            return self.label(value)
        words = []
        for part in self.parts:
            count, value = divmod(value, part.size)
            if count:
                words.append(f"{count} {ngettext(part.one, part.many, count)}")
        last = self.parts[-1]
        return join_and(words) or f"0 {ngettext(last.one, last.many, 0)}"


# A count in each plural category of Unicode's rules (as Intl.PluralRules names them),
# for the forms of a word a page picks by category: 1 час, 2 часа, 5 часов.
PLURAL_SAMPLES = MappingProxyType({"zero": 0, "one": 1, "two": 2, "few": 2, "many": 5,
                                   "other": 5})


# ---------------------------------------------------------------------------
# Checks of the whole table, run once at import (below)

def check_questions(sections: tuple[Section, ...], questions: tuple[Question, ...]) -> None:
    """Raise ValueError unless the sections and questions make one sound form: each id
    given once, the danger sections first, every section asked, a section's boxes one
    list under its none box, and every show_if an answer to a question asked before."""
    for kind, ids in (("section", [section.id for section in sections]),
                      ("question", [question.id for question in questions])):
        if twice := repeated(ids):
            raise ValueError(f"{kind} id(s) {twice} given twice")
    if [section.danger for section in sections] != sorted(
            (section.danger for section in sections), reverse=True):
        raise ValueError("the danger sections must come first")
    for section in sections:
        boxes = [question.asked_as_list for question in questions
                 if question.section == section.id]
        if not boxes:
            raise ValueError(f"section {section.id}: it has no questions")
        runs = sum(box and (index == 0 or not boxes[index - 1])
                   for index, box in enumerate(boxes))
        if section.none_label and runs != 1:
            raise ValueError(f"section {section.id}: its boxes must be one list, answered by "
                             f"{section.none_label!r}, not {runs}")
    for question in questions:
        check_show_if(question, questions)


def check_show_if(question: Question, questions: tuple[Question, ...]) -> None:
    """Raise ValueError unless each show_if token is "field=value", an answer to a
    question asked before ("true" or "false" for a yes or no), or "field" alone for
    a box of a list (shown when it is ticked)."""
    order = [each.id for each in questions]
    for token in question.show_if:
        field, equals, value = token.partition("=")
        if field not in order:
            raise ValueError(f"question {question.id}: show_if {token!r} names {field!r}, "
                             "which is not a question")
        trigger = questions[order.index(field)]
        if order.index(field) >= order.index(question.id):
            raise ValueError(f"question {question.id}: show_if {token!r} names {field}, "
                             "which is not asked before it")
        answers = ("true", "false") if trigger.kind == BOOLEAN else trigger.values
        if not (value in answers if equals else trigger.asked_as_list):
            raise ValueError(f"question {question.id}: show_if {token!r} is not an answer "
                             f"to {field}")


def repeated(ids: Sequence[str]) -> list[str]:
    """Return the ids given more than once, sorted."""
    return sorted({each for each in ids if ids.count(each) > 1})


# ---------------------------------------------------------------------------
# Data

# The danger sections come first: an answer there alone can mean "call the emergency
# number", and the form stops for it at once. They are two short steps, not one long one.
DANGER_SECTION = "emergency"

SECTIONS = (
    Section(DANGER_SECTION, title="First, check for danger signs",
            intro="Some answers here mean you need help now: the checker will tell you at once.",
            none_label="None of these", danger=True),
    Section("emergency_more", title="More signs that need help now",
            intro="Your urine, signs of a serious infection, an allergy to the oil, fainting, and "
                  "pregnancy.",
            none_label="None of these", danger=True),
    Section("massage", title="About you and the massage",
            intro="When it was and what kind, your age, and blood thinners."),
    Section("pain", title="How bad the pain is, and where",
            intro="Score it, then show where it hurts."),
    Section("pain_course", title="How the pain is changing",
            intro="Compared with when it started, and what makes it worse.",
            none_label="None of these"),
    Section("symptoms", title="Temperature and skin",
            intro="A raised temperature, bruises, and changes to your skin since the massage.",
            none_label="None of these"),
    Section("symptoms_more", title="Other symptoms",
            intro="Anything else you have noticed since the massage.",
            none_label="None of these"),
    Section("background", title="Your health", intro="Your health before the massage."),
)

SECTIONS_BY_ID = MappingProxyType({section.id: section for section in SECTIONS})

_NEW_HELP = ("Answer yes if this is new since the massage, or if you are not sure "
             "it was there before.")

# The pain scale in words (policy v2), so that "7 out of 10" means the same to everyone.
PAIN_BANDS = (
    Band(minimum=0, maximum=0, word="no pain", meaning="No pain at all."),
    Band(minimum=1, maximum=3, word="mild",
         meaning="It comes and goes and does not stop your daily activities."),
    Band(minimum=4, maximum=6, word="moderate",
         meaning="It is always there and makes it hard to concentrate or sleep, but you can "
                 "still get up, wash and dress."),
    Band(minimum=7, maximum=10, word="severe",
         meaning="It is so bad that it is hard to think or talk, you cannot sleep, and it is "
                 "very hard to move."),
)

QUESTIONS: tuple[Question, ...] = (
    # --- emergency: an answer here alone can mean "call the emergency number" ---
    Question("saddle_numbness", kind=BOOLEAN, section="emergency",
             text="Is the skin numb around your private parts, bottom or inner thighs?",
             help="It may feel like you are sitting on something, or toilet paper feels strange.",
             topic="numbness around the genitals, buttocks or inner thighs", default=False),
    Question("bladder_bowel", kind=BOOLEAN, section="emergency",
             text="Is it suddenly hard to pass urine, can you not control your bladder or bowels, "
                  "or is it newly hard to get or keep an erection?",
             help=_NEW_HELP,
             topic="new trouble passing urine, loss of bladder or bowel control, or new erection "
                   "problems", default=False),
    Question("limb_weakness", kind=BOOLEAN, section="emergency",
             text="Is an arm or leg suddenly weak?",
             help="For example a leg gives way, a foot drags, or you cannot grip. Arms or legs "
                  "that just feel tired or heavy after a massage do not count.",
             topic="new weakness in an arm or leg", default=False),
    Question("stroke_signs", kind=BOOLEAN, section="emergency",
             text="Is one side of your face or body suddenly numb or weak, or do you have a sudden "
                  "severe headache, or trouble seeing, speaking or swallowing?",
             help="Also: a drooping face, double vision, walking unsteadily, new confusion or "
                  "extreme sleepiness, or dizziness or a spinning feeling that has not settled "
                  "after lying down for a few minutes. Feeling light-headed for a moment when you "
                  "got up from the table does not count.",
             topic="signs of a stroke (sudden numbness or weakness of one side of the face or "
                   "body, sudden severe headache, dizziness that does not settle, sight, speech or "
                   "swallowing problems, drooping face, unsteady walking, new confusion)",
             default=False),
    Question("chest_symptoms", kind=BOOLEAN, section="emergency",
             text="Do you have chest pain, feel short of breath, or cough up blood?",
             help="Chest pain that feels tight, heavy or pressing, perhaps spreading to an arm, "
                  "the jaw or the back, or a sudden, severe tearing pain in the chest or upper "
                  "back. Answer yes even if it comes and goes. Soreness over the ribs that hurts "
                  "when you press it does not count: choose \"Ribs\" under where it hurts. But if "
                  "you are short of breath, answer yes even if your ribs are sore too.",
             topic="chest pain, shortness of breath, coughing up blood, or a sudden tearing pain "
                   "in the chest or upper back", default=False),
    Question("both_legs", kind=BOOLEAN, section="emergency",
             text="Does pain shoot down both legs, or are both legs numb, tingling or weak?",
             help="Both legs at the same time, not just one. Soreness where your legs themselves "
                  "were massaged does not count.",
             topic="pain shooting down both legs, or numbness, tingling or weakness in both legs",
             default=False),
    Question("dark_urine", kind=BOOLEAN, section="emergency_more",
             text="Is your urine brown, red or the colour of cola?",
             help="Not just darker yellow than usual.",
             topic="brown, red or cola-coloured urine", default=False),
    Question("sepsis_signs", kind=BOOLEAN, section="emergency_more",
             text="Do you feel very unwell, with skin, lips or tongue that look blue, grey, pale "
                  "or blotchy, very fast breathing, or no urine all day?",
             help="These can be signs of sepsis, a reaction to an infection that needs treatment "
                  "at once.",
             topic="feeling very unwell with blue, grey, pale or blotchy skin, lips or tongue, "
                   "very fast breathing, or no urine all day", default=False),
    Question("allergic_reaction", kind=CHOICE, section="emergency_more",
             text="Since the massage, have you had a new rash or swelling?",
             help="Massage oils and creams can cause an allergic reaction.",
             topic="rash or swelling since the massage", default="none", ordered=True,
             choices=(("none", "No new rash or swelling"),
                      ("rash_only", "An itchy rash or hives only, and I feel well"),
                      ("swelling_or_breathing",
                       "Swollen lips, tongue, face or throat, wheezing or trouble breathing, "
                       "or feeling faint with a rash"))),
    Question("fainted", kind=CHOICE, section="emergency_more",
             text="Have you fainted (passed out) since the massage?",
             help="Feeling light-headed for a moment, without passing out, does not count.",
             topic="fainting since the massage", default="none", ordered=True,
             choices=(("none", "No"),
                      ("on_standing", "Once, just after standing up, and I was fully "
                                      "recovered within a minute"),
                      ("other", "At another time: lying down, during the massage, more than "
                                "once, or I have not fully recovered"))),
    # --- massage ---
    Question("hours_since_massage", kind=INTEGER, section="massage",
             text="How long ago did the massage end?",
             help="Type the days and the hours. If it was today, type only the hours. For example, "
                  "yesterday evening may be 0 days and 15 hours, or 1 day and 2 hours.",
             topic="time since the massage", required=True, minimum=0, maximum=8760, unit="hours",
             parts=(Part(one="day", many="days", size=24, maximum=365),
                    Part(one="hour", many="hours", size=1, maximum=23))),
    Question("massage_type", kind=CHOICE, section="massage",
             text="What kind of massage was it?",
             help="Pick the closest. If you do not know, choose \"I don't know\".",
             topic="type of massage", default="unknown",
             choices=(("relaxing", "Relaxing (gentle, slow strokes)"),
                      ("classic", "Classic (Swedish) massage"),
                      ("deep_tissue", "Deep tissue (firm, deep pressure)"),
                      ("sports", "Sports massage"),
                      ("acupressure", "Acupressure or shiatsu (pressing on points)"),
                      ("manual_therapy", "Manual therapy (joints moved or 'cracked')"),
                      ("other", "Another kind"),
                      ("unknown", "I don't know"))),
    Question("first_massage", kind=BOOLEAN, section="massage",
             text="Was this your first massage, or the first for several months?",
             help="Muscles that are not used to massage are often sore afterwards.",
             topic="first massage, or first after a break of months", default=False),
    # --- pain ---
    Question("severity", kind=INTEGER, section="pain",
             text="How bad is the pain right now, from 0 to 10, when you rest or move normally?",
             help="0 means no pain and 10 the worst pain you can imagine. Do not count the "
                  "tenderness when you press on the sore spot. Each group of scores says what it "
                  "means.",
             topic="pain score", required=True, minimum=0, maximum=10, unit="out of 10",
             bands=PAIN_BANDS),
    Question("pain_areas", kind=MULTI_CHOICE, section="pain",
             text="Where does it hurt?",
             help="Choose all that apply. The neck includes the back of the head.",
             topic="painful areas", default=(),
             choices=(("neck", "Neck"),
                      ("upper_back", "Upper back (between the shoulder blades)"),
                      ("mid_back", "Middle of the back"),
                      ("lower_back", "Lower back"),
                      ("tailbone", "Tailbone"),
                      ("ribs", "Ribs"))),
    Question("pain_before", kind=CHOICE, section="pain_course",
             text="Did you have this pain before the massage?",
             help="For example, if you had the massage for back pain you already had.",
             topic="pain before the massage", default="new",
             choices=(("new", "No, it is new"),
                      ("same_as_usual", "Yes, and it is no worse than usual"),
                      ("worse_than_usual", "Yes, but it is worse than usual"))),
    Question("trend", kind=CHOICE, section="pain_course",
             text="Since it started, is the pain getting better or worse?",
             help="Compare with how it felt when it started.",
             topic="the pain is", default="same", ordered=True, unsure="Not sure",
             choices=(("better", "Getting better"),
                      ("same", "About the same"),
                      ("worse", "Getting worse"))),
    Question("painkillers", kind=CHOICE, section="pain",
             text="Have ordinary painkillers helped?",
             help="Painkillers from a pharmacy, taken as the pack says.",
             topic="ordinary painkillers", default="not_tried", ordered=True,
             choices=(("helped", "They helped"),
                      ("not_tried", "Not tried"),
                      ("not_helped", "They did not help"))),
    Question("movement_limited", kind=BOOLEAN, section="pain_course",
             text="Is it hard to turn or bend where it hurts?",
             help="You cannot move as far or as freely as usual.",
             topic="hard to turn or bend where it hurts", default=False),
    Question("pain_down_leg", kind=BOOLEAN, section="pain_course",
             text="Does pain shoot down a leg, below the knee?",
             help="A sharp or burning pain that travels down the leg.",
             topic="pain shooting down a leg, below the knee", default=False),
    Question("pain_down_arm", kind=BOOLEAN, section="pain_course",
             text="Does pain shoot down an arm?",
             help="A sharp or burning pain that travels down the arm.",
             topic="pain shooting down an arm", default=False),
    Question("worse_when_straining", kind=BOOLEAN, section="pain_course",
             text="Does the pain get worse when you cough, sneeze or strain on the toilet?",
             help="A jolt of pain in your back or neck at that moment.",
             topic="pain worse when coughing, sneezing or straining", default=False),
    Question("hurts_to_breathe", kind=BOOLEAN, section="pain_course",
             text="Does it hurt to take a deep breath, cough or laugh?",
             help="Pain in your back or ribs when you breathe in deeply.",
             topic="pain on a deep breath, a cough or a laugh", default=False),
    Question("night_pain", kind=BOOLEAN, section="pain_course",
             text="Does the pain wake you from sleep, or stay as bad when you lie still in any "
                  "position?",
             help="Ordinary soreness usually eases when you rest and find a comfortable position.",
             topic="pain that wakes you from sleep or stays as bad lying still", default=False),
    # --- symptoms ---
    Question("fever", kind=CHOICE, section="symptoms",
             text="Do you have a raised temperature?",
             help="Measure it with a thermometer if you can. No thermometer? Choose \"38 °C or "
                  "more\" if your chest feels hotter than usual or you keep shivering (your back "
                  "is no guide after a massage). Feeling warm or flushed, or cold and shivery for "
                  "a while, just after a massage does not count.",
             topic="temperature", default="none", ordered=True,
             choices=(("none", "No: below 37.5 °C, or not measured and I do not feel feverish"),
                      ("low", "37.5 to 37.9 °C"),
                      ("high", "38 °C or more, or my chest feels hot or I keep shivering"))),
    Question("bruising", kind=CHOICE, section="symptoms",
             text="Do you have bruises?",
             help="Look where you were massaged and on the rest of your body. A bruise from a "
                  "knock you remember does not count.",
             topic="bruising", default="none", ordered=True,
             choices=(("none", "No bruises"),
                      ("at_site", "Only where I was massaged"),
                      ("elsewhere", "New bruises I cannot explain, or tiny red or purple spots, "
                                    "in places that were not massaged"))),
    Question("headache", kind=BOOLEAN, section="symptoms_more",
             text="Do you have a new headache, unlike headaches you usually get?",
             help="A headache that is new since the massage or feels different from your usual "
                  "ones.",
             topic="a new headache, unlike usual ones", default=False),
    Question("redness_swelling", kind=BOOLEAN, section="symptoms",
             text="Is the skin where you were massaged red, swollen or hot the next day, or is the "
                  "redness spreading?",
             help="Skin is often pink for an hour or two after a massage: that does not count. "
                  "Compare with the same place on the other side.",
             topic="redness, swelling or heat where massaged that lasts to the next day or spreads",
             default=False),
    Question("limb_numbness", kind=BOOLEAN, section="symptoms_more",
             text="Is an arm or leg newly numb or tingling, and still is now?",
             help="Pins and needles, or less feeling than usual. An arm that went to sleep on the "
                  "table and then recovered does not count.",
             topic="new numbness or tingling in an arm or leg that is still there", default=False),
    Question("calf_swelling", kind=BOOLEAN, section="symptoms",
             text="Is one calf or leg swollen, or painful with warm or red skin?",
             help="On one side only, not both.",
             topic="one calf or leg swollen, or painful with warm or red skin, on one side",
             default=False),
    Question("one_sided_rash", kind=BOOLEAN, section="symptoms",
             text="Do you have a painful rash or blisters on one side of your body only?",
             help="For example a band of rash or blisters around one side of the back, chest or "
                  "tummy.",
             topic="a painful rash or blisters on one side of the body", default=False),
    Question("urinary_symptoms", kind=BOOLEAN, section="symptoms_more",
             text="Does it burn or hurt when you pass urine, or do you need to go very often?",
             help=_NEW_HELP,
             topic="burning, painful or very frequent urination", default=False),
    Question("abdominal_pain", kind=BOOLEAN, section="symptoms_more",
             text="Do you have new pain in your belly (tummy)?",
             help="With or without feeling sick or being sick.",
             topic="new belly pain", default=False),
    Question("cough", kind=BOOLEAN, section="symptoms",
             text="Do you have a new cough?",
             help="A cough that started recently.",
             topic="a new cough", default=False, show_if=("fever=low", "fever=high")),
    Question("weight_loss", kind=BOOLEAN, section="symptoms_more",
             text="Have you lost weight without trying?",
             help="Without changing what you eat or how active you are.",
             topic="weight loss you cannot explain", default=False, unsure="Not sure"),
    # --- background (the age and blood thinners asked with the massage, pregnancy with
    # the danger signs it may bring) ---
    Question("age_group", kind=CHOICE, section="massage",
             text="How old are you?",
             help="Choose \"Prefer not to say\" if you would rather not answer.",
             topic="age", default="not_given",
             why="Age changes what pain can mean. From 65, bones break more easily, even without a "
                 "known bone problem. In children, pain at night or with a temperature needs a "
                 "doctor's look the same day.",
             choices=(("under_16", "Under 16"),
                      ("16_to_49", "16 to 49"),
                      ("50_to_64", "50 to 64"),
                      ("65_or_over", "65 or over"),
                      ("not_given", "Prefer not to say"))),
    Question("recent_injury", kind=BOOLEAN, section="background",
             text="Did you hurt your back or neck in the last 6 months, or feel a sudden sharp "
                  "pain during the massage that has not settled?",
             help="For example a fall, a car accident or a sports injury. Joints that click "
                  "without pain during a massage are normal and do not count.",
             topic="back or neck injury or fall in the last 6 months, or a sudden sharp pain "
                   "during the massage that has not settled", default=False),
    Question("conditions", kind=MULTI_CHOICE, section="background",
             text="Has a doctor told you that you have, or have had, any of these?",
             help="Choose all that apply, or \"None of these\".",
             topic="diagnosed conditions", default=(), none_label="None of these",
             choices=(("herniated_disc", "Herniated (slipped) disc"),
                      ("osteochondrosis", "Osteochondrosis (wear of the spine)"),
                      ("scoliosis", "Scoliosis (a curved spine)"),
                      ("osteoporosis", "Osteoporosis (thin, weak bones)"),
                      ("spinal_stenosis", "Spinal stenosis (narrowed spine)"),
                      ("ankylosing_spondylitis", "Ankylosing spondylitis"),
                      ("cancer", "Cancer (now or in the past)"),
                      ("recent_chemotherapy", "Chemotherapy in the last 6 weeks"),
                      ("bleeding_disorder", "A bleeding disorder"),
                      ("skin_disease", "A skin disease"),
                      ("tuberculosis", "Tuberculosis (TB)"),
                      ("long_term_steroids", "Steroid tablets for 3 months or more"),
                      ("weak_immune_system", "A weak immune system (from an illness or its "
                                             "treatment)")),
             ask_a_doctor=("osteoporosis", "cancer", "bleeding_disorder", "tuberculosis")),
    Question("anticoagulants", kind=BOOLEAN, section="massage",
             text="Do you take blood thinners?",
             help="For example warfarin, apixaban or rivaroxaban.",
             topic="takes blood thinners", default=False),
    Question("pregnant", kind=BOOLEAN, section="emergency_more",
             text="Are you pregnant?",
             help="Answer yes if you might be.",
             topic="pregnant", default=False, asked_alone=True),
    Question("pregnancy_signs", kind=BOOLEAN, section="emergency_more",
             text="Since the massage, have you had any of these: pain just below the ribs, blurred "
                  "vision or flashing lights, sudden swelling of the face, hands or feet, bleeding "
                  "or fluid from the vagina, pains that come in waves, or the baby moving less?",
             help="Any one of these in pregnancy needs your midwife or maternity unit now.",
             topic="in pregnancy: pain below the ribs, blurred vision, sudden swelling, bleeding "
                   "or fluid from the vagina, pains in waves, or the baby moving less",
             default=False, show_if=("pregnant=true",)),
)

# In section order, each section's questions as listed (the age, blood thinners and
# pregnancy are listed among the background but asked early).
QUESTIONS = tuple(sorted(QUESTIONS, key=lambda question: [section.id for section in SECTIONS]
                         .index(question.section)))

QUESTIONS_BY_ID = MappingProxyType({question.id: question for question in QUESTIONS})

check_questions(SECTIONS, QUESTIONS)
