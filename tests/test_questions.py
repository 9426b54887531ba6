"""The question data matches the spec's intake table exactly, and is usable by the
form and the docs (every question has wording, a section and a sound default)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from checker.conditions import AllOf, Includes, Is
from checker.questions import (
    BOOLEAN,
    CHOICE,
    INTEGER,
    MULTI_CHOICE,
    QUESTIONS,
    QUESTIONS_BY_ID,
    SECTIONS,
    Band,
    Part,
    Question,
    Section,
    check_questions,
)
from checker.rules import RULES, RULES_BY_ID, check_rules

# The spec's intake table (section 2), written out again here on purpose.
SPEC = {
    "hours_since_massage": (INTEGER, (0, 8760), None),
    "severity": (INTEGER, (0, 10), None),
    "massage_type": (CHOICE, ("relaxing", "classic", "deep_tissue", "sports", "acupressure",
                              "manual_therapy", "other", "unknown"), "unknown"),
    "first_massage": (BOOLEAN, None, False),
    "pain_areas": (MULTI_CHOICE, ("neck", "upper_back", "mid_back", "lower_back", "tailbone",
                                  "ribs"), ()),
    "trend": (CHOICE, ("better", "same", "worse"), "same"),
    "painkillers": (CHOICE, ("not_tried", "helped", "not_helped"), "not_tried"),
    "redness_swelling": (BOOLEAN, None, False),
    "bruising": (CHOICE, ("none", "at_site", "elsewhere"), "none"),
    "movement_limited": (BOOLEAN, None, False),
    "pain_down_leg": (BOOLEAN, None, False),
    "pain_down_arm": (BOOLEAN, None, False),
    "fever": (CHOICE, ("none", "low", "high"), "none"),
    "limb_numbness": (BOOLEAN, None, False),
    "limb_weakness": (BOOLEAN, None, False),
    "both_legs": (BOOLEAN, None, False),
    "saddle_numbness": (BOOLEAN, None, False),
    "bladder_bowel": (BOOLEAN, None, False),
    "stroke_signs": (BOOLEAN, None, False),
    "chest_symptoms": (BOOLEAN, None, False),
    "calf_swelling": (BOOLEAN, None, False),
    "dark_urine": (BOOLEAN, None, False),
    "urinary_symptoms": (BOOLEAN, None, False),
    "abdominal_pain": (BOOLEAN, None, False),
    "cough": (BOOLEAN, None, False),
    "recent_injury": (BOOLEAN, None, False),
    "conditions": (MULTI_CHOICE, ("herniated_disc", "osteochondrosis", "scoliosis",
                                  "osteoporosis", "spinal_stenosis", "ankylosing_spondylitis",
                                  "cancer", "bleeding_disorder", "skin_disease",
                                  "tuberculosis", "long_term_steroids",
                                  "weak_immune_system", "recent_chemotherapy"), ()),
    "anticoagulants": (BOOLEAN, None, False),
    "pregnant": (BOOLEAN, None, False),
    "night_pain": (BOOLEAN, None, False),
    "weight_loss": (BOOLEAN, None, False),
    "headache": (BOOLEAN, None, False),
    "worse_when_straining": (BOOLEAN, None, False),
    # v3
    "age_group": (CHOICE, ("under_16", "16_to_49", "50_to_64", "65_or_over", "not_given"),
                  "not_given"),
    "pain_before": (CHOICE, ("new", "same_as_usual", "worse_than_usual"), "new"),
    "hurts_to_breathe": (BOOLEAN, None, False),
    "allergic_reaction": (CHOICE, ("none", "rash_only", "swelling_or_breathing"), "none"),
    "fainted": (CHOICE, ("none", "on_standing", "other"), "none"),
    "sepsis_signs": (BOOLEAN, None, False),
    "one_sided_rash": (BOOLEAN, None, False),
    "pregnancy_signs": (BOOLEAN, None, False),
}
# An answer to each of these can on its own be an emergency (E1-E7, E15-E17): the
# form's first two steps.
EMERGENCY_FIELDS = {"saddle_numbness", "bladder_bowel", "limb_weakness", "stroke_signs",
                    "chest_symptoms", "both_legs", "dark_urine", "sepsis_signs",
                    "allergic_reaction", "fainted"}


def test_the_questions_are_exactly_the_spec_fields():
    assert [question.id for question in QUESTIONS if question.id not in SPEC] == []
    assert sorted(QUESTIONS_BY_ID) == sorted(SPEC)


@pytest.mark.parametrize("field", sorted(SPEC))
def test_each_question_has_the_spec_kind_values_and_default(field):
    kind, values, default = SPEC[field]
    question = QUESTIONS_BY_ID[field]
    assert question.kind == kind
    assert question.required == (default is None)
    if kind == INTEGER:
        assert (question.minimum, question.maximum) == values
        assert question.choices == ()
    elif kind == BOOLEAN:
        assert question.choices == ()
        assert question.default is default
    else:
        # Choices may be listed in another order (least to most worrying), never other values.
        assert sorted(question.values) == sorted(values)
        assert question.default == default


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda question: question.id)
def test_each_question_is_worded(question):
    assert question.text.endswith("?") and question.help and question.topic
    assert all(label and not label[0].islower() for _, label in question.choices)


# ---------------------------------------------------------------------------
# Bad data fails when it is built, or when the package is imported

WORDS = {"text": "X?", "help": "Help.", "topic": "x"}


def test_the_fields_after_the_id_are_keywords():
    with pytest.raises(TypeError):
        Question("x", BOOLEAN, "massage", "X?", "Help.", "x")
    with pytest.raises(TypeError):
        Section("x", "Title", "Intro.")
    with pytest.raises(TypeError):
        Band(0, 3, "mild", "Mild.")
    with pytest.raises(TypeError):
        Part("day", "days", 24, 9)


@pytest.mark.parametrize(("fields", "message"), [
    ({"kind": "text", "section": "massage"}, "question x: unknown kind 'text'"),
    ({"kind": BOOLEAN, "section": "danger"}, "question x: unknown section 'danger'"),
    ({"kind": CHOICE, "section": "massage"}, "question x: a choice or a list needs choices"),
    ({"kind": BOOLEAN, "section": "massage", "choices": (("a", "A"),)},
     "question x: a choice or a list needs choices, and only they have them"),
    ({"kind": CHOICE, "section": "massage", "choices": (("a", "A"), ("b", "B"), ("a", "C"))},
     r"question x: choice\(s\) \['a'\] given twice"),
    ({"kind": BOOLEAN, "section": "massage", "ordered": True},
     "question x: only a choice can be ordered"),
    ({"kind": CHOICE, "section": "emergency_more", "choices": (("a", "A"),),
      "asked_alone": True}, "question x: only a yes or no can be asked alone"),
])
def test_a_bad_question_fails_when_built(fields, message):
    with pytest.raises(ValueError, match=message):
        Question("x", **WORDS, **fields)


@pytest.mark.parametrize(("module", "old", "new", "message"), [
    ("questions", 'show_if=("pregnant=true",)', 'show_if=("pregnant=yes",)',
     "question pregnancy_signs: show_if 'pregnant=yes' is not an answer to pregnant"),
    ("rules", 'Rule("D21", level=DOCTOR', 'Rule("D20", level=DOCTOR',
     r"rule id(s) ['D20'] given twice"),
])
def test_bad_data_stops_the_import(tmp_path, module, old, new, message):
    """The tables are checked when the package is imported, not only by these tests."""
    shutil.copytree(Path(__file__).resolve().parents[1] / "checker", tmp_path / "checker",
                    ignore=shutil.ignore_patterns("__pycache__"))
    source = tmp_path / "checker" / f"{module}.py"
    text = source.read_text(encoding="utf-8")
    assert text.count(old) == 1
    source.write_text(text.replace(old, new), encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", "import checker"], cwd=tmp_path,
                         capture_output=True, text=True)
    assert run.returncode == 1
    assert run.stderr.strip().endswith(f"ValueError: {message}")


def changed(field: str, **changes) -> tuple[Question, ...]:
    """Return the questions with one of them changed."""
    return tuple(replace(question, **changes) if question.id == field else question
                 for question in QUESTIONS)


@pytest.mark.parametrize(("sections", "questions", "message"), [
    (SECTIONS, (*QUESTIONS, QUESTIONS_BY_ID["cough"]),
     r"question id\(s\) \['cough'\] given twice"),
    ((*SECTIONS, SECTIONS[-1]), QUESTIONS, r"section id\(s\) \['background'\] given twice"),
    ((SECTIONS[2], *SECTIONS[:2], *SECTIONS[3:]), QUESTIONS,
     "the danger sections must come first"),
    (SECTIONS, tuple(question for question in QUESTIONS if question.section != "background"),
     "section background: it has no questions"),
    # A yes or no with a "Not sure" is a question of its own, not a box: here it splits
    # the list of boxes in two, and one "None of these" would answer both.
    (SECTIONS, changed("worse_when_straining", unsure="Not sure"),
     "section pain_course: its boxes must be one list, answered by 'None of these', not 2"),
])
def test_a_bad_table_of_questions_fails_at_import(sections, questions, message):
    with pytest.raises(ValueError, match=message):
        check_questions(sections, questions)


def test_the_danger_sections_hold_the_single_answer_emergencies_and_come_first():
    danger = [section.id for section in SECTIONS if section.danger]
    assert danger == ["emergency", "emergency_more"] == [section.id for section in SECTIONS[:2]]
    single = {rule.condition.field for rule in RULES
              if rule.level == "emergency" and isinstance(rule.condition, Is)}
    assert single == EMERGENCY_FIELDS
    # Every answer that alone means "call now" is asked in the first two steps, first.
    first = [question.id for question in QUESTIONS if question.section in danger]
    assert EMERGENCY_FIELDS <= set(first)
    assert [question.id for question in QUESTIONS[:len(first)]] == first
    assert [section.id for section in SECTIONS] == [
        "emergency", "emergency_more", "massage", "pain", "pain_course", "symptoms",
        "symptoms_more", "background"]


def test_questions_are_grouped_by_section_in_section_order():
    order = [section.id for section in SECTIONS]
    sections = [question.section for question in QUESTIONS]
    assert sections == sorted(sections, key=order.index)


@pytest.mark.parametrize(("field", "worst"), [
    ("trend", "worse"), ("painkillers", "not_helped"), ("fever", "high"), ("bruising", "elsewhere"),
    ("allergic_reaction", "swelling_or_breathing"), ("fainted", "other"),
])
def test_ordered_choices_run_from_least_to_most_worrying(field, worst):
    question = QUESTIONS_BY_ID[field]
    assert question.ordered and question.values[-1] == worst
    assert question.values[0] in ("better", "helped", "none")


@pytest.mark.parametrize(("field", "value", "label"), [
    ("severity", 7, "7 out of 10"),
    ("hours_since_massage", 72, "72 hours"),
    ("cough", True, "yes"),
    ("cough", False, "no"),
    ("fever", "high", "38 °C or more, or my chest feels hot or I keep shivering"),
    ("fever", "low", "37.5 to 37.9 °C"),
    ("conditions", "osteoporosis", "Osteoporosis (thin, weak bones)"),
])
def test_label_says_an_answer_in_words(field, value, label):
    assert QUESTIONS_BY_ID[field].label(value) == label


def test_to_dict_gives_plain_json_data_for_the_form():
    data = QUESTIONS_BY_ID["pain_areas"].to_dict()
    assert data["default"] == [] and data["kind"] == "multi-choice"
    assert data["choices"][0] == {"value": "neck", "label": "Neck"}
    assert QUESTIONS_BY_ID["severity"].to_dict()["min"] == 0
    assert QUESTIONS_BY_ID["severity"].to_dict()["max"] == 10


@pytest.mark.parametrize(("show_if", "message"), [
    (("fever=low", "temperature=high"),
     "question cough: show_if 'temperature=high' names 'temperature', which is not a question"),
    (("headache=true",), "question cough: show_if 'headache=true' names headache, which is not "
                         "asked before it"),
    (("cough=true",), "question cough: show_if 'cough=true' names cough, which is not asked "
                      "before it"),
    (("fever=warm",), "question cough: show_if 'fever=warm' is not an answer to fever"),
    (("calf_swelling=yes",), "question cough: show_if 'calf_swelling=yes' is not an answer to "
                             "calf_swelling"),
    # "field" alone is for a box, shown when it is ticked: a choice has no tick.
    (("fever",), "question cough: show_if 'fever' is not an answer to fever"),
])
def test_show_if_names_a_real_answer_asked_before(show_if, message):
    with pytest.raises(ValueError, match=message):
        check_questions(SECTIONS, changed("cough", show_if=show_if))


def test_show_if_may_name_a_box_alone_or_an_answer_to_a_yes_or_no():
    check_questions(SECTIONS, changed("cough", show_if=("calf_swelling", "bruising=at_site",
                                                         "redness_swelling=false")))


def test_show_if_names_real_answers_and_never_hides_a_red_flag():
    with pytest.raises(ValueError, match="show_if 'fever=warm' is not an answer to fever"):
        check_questions(SECTIONS, changed("cough", show_if=("fever=warm",)))
    # Hidden, a question keeps its default: every rule that reads it must also read
    # what shows it, so hiding it can never keep a rule from firing.
    hides = replace(RULES_BY_ID["U12"],
                    condition=AllOf(Is("cough"), Includes("pain_areas", "ribs")))
    with pytest.raises(ValueError, match="rule U12: it reads cough, which the form hides until "
                                         "fever is answered, so it must read that too"):
        check_rules(tuple(hides if rule.id == "U12" else rule for rule in RULES))


# What does not count, as the spec's meanings say (policies v2 and v3), in the form's words.
@pytest.mark.parametrize(("field", "words"), [
    ("redness_swelling", "pink for an hour or two after a massage: that does not count"),
    ("limb_numbness", "went to sleep on the table and then recovered does not count"),
    ("recent_injury", "click without pain during a massage are normal and do not count"),
    ("both_legs", "where your legs themselves were massaged does not count"),
    ("chest_symptoms", "Soreness over the ribs that hurts when you press it does not count"),
    ("fever", "cold and shivery for a while, just after a massage does not count"),
    ("limb_weakness", "feel tired or heavy after a massage do not count"),
    ("bruising", "A bruise from a knock you remember does not count"),
    ("stroke_signs", "light-headed for a moment when you got up from the table does not count"),
    ("severity", "Do not count the tenderness when you press on the sore spot"),
    ("fainted", "Feeling light-headed for a moment, without passing out, does not count"),
    # v3 widened these: the form must say so.
    ("chest_symptoms", "if you are short of breath, answer yes even if your ribs are sore"),
    ("chest_symptoms", "tearing pain in the chest or upper back"),
])
def test_the_help_says_what_does_not_count(field, words):
    assert words in QUESTIONS_BY_ID[field].help


def test_the_stroke_question_asks_about_one_side_of_the_face_or_body():
    assert "one side of your face or body" in QUESTIONS_BY_ID["stroke_signs"].text


def test_the_pain_scale_is_in_words_with_the_specs_bands():
    severity = QUESTIONS_BY_ID["severity"]
    bands = [(band.minimum, band.maximum, band.word) for band in severity.bands]
    assert bands == [(0, 0, "no pain"), (1, 3, "mild"), (4, 6, "moderate"), (7, 10, "severe")]
    assert [severity.band(value).word for value in (3, 4, 6, 7)] == [
        "mild", "moderate", "moderate", "severe"]
    assert severity.to_dict()["bands"][3] == {
        "min": 7, "max": 10, "word": "severe", "meaning": severity.bands[3].meaning}
    assert QUESTIONS_BY_ID["hours_since_massage"].band(5) is None


@pytest.mark.parametrize(("hours", "words"), [
    (0, "0 hours"), (1, "1 hour"), (5, "5 hours"), (24, "1 day"), (48, "2 days"),
    (52, "2 days and 4 hours"), (25, "1 day and 1 hour"), (120, "5 days"),
    (8760, "365 days"),
])
def test_the_time_since_the_massage_is_said_in_days_and_hours(hours, words):
    assert QUESTIONS_BY_ID["hours_since_massage"].in_parts(hours) == words


def test_the_time_since_the_massage_is_typed_in_days_and_hours_not_hours_alone():
    """A reader who types days into an hours box turns every time rule off (v3)."""
    parts = QUESTIONS_BY_ID["hours_since_massage"].to_dict()["parts"]
    assert [(part["many"], part["size"]) for part in parts] == [("days", 24), ("hours", 1)]
    assert parts[0]["max"] * 24 <= QUESTIONS_BY_ID["hours_since_massage"].maximum
    assert parts[1]["max"] == 23


def test_parts_are_only_for_a_number_ending_in_its_own_unit():
    days = Part(one="day", many="days", size=24, maximum=9)
    with pytest.raises(ValueError, match="parts are for a number answer"):
        Question("x", kind=BOOLEAN, section="massage", **WORDS, parts=(days,))
    with pytest.raises(ValueError, match="the last part must be"):
        Question("x", kind=INTEGER, section="massage", **WORDS, minimum=0, maximum=9,
                 parts=(days,))


def test_the_age_question_offers_every_choice_and_says_why_it_is_asked():
    age = QUESTIONS_BY_ID["age_group"]
    assert age.label("not_given") == "Prefer not to say"
    assert "65" in age.why and "children" in age.why.lower()


def test_pregnancy_signs_are_asked_only_in_pregnancy():
    assert QUESTIONS_BY_ID["pregnancy_signs"].show_if == ("pregnant=true",)


# Nothing answered for the reader (issue 18): every choice and every yes or no is asked,
# a box of a list being answered by a tick or by the list's own "None of these".
def test_every_question_that_bears_on_safety_must_be_answered_in_the_form():
    from checker.questions import SECTIONS_BY_ID
    assert all(section.none_label == "None of these" for section in SECTIONS if section.danger)
    for question in QUESTIONS:
        listed = SECTIONS_BY_ID[question.section].none_label
        if (question.kind == "boolean" and listed and not question.unsure
                and not question.show_if and not question.asked_alone):
            assert question.asked_as_list and not question.must_answer, question.id
        elif question.kind in ("boolean", "choice") or question.required:
            assert question.must_answer and not question.asked_as_list, question.id
    # The blood thinners and pregnancy stay questions of their own, Yes or No.
    for field in ("anticoagulants", "pregnant", "first_massage", "recent_injury"):
        assert not QUESTIONS_BY_ID[field].asked_as_list, field
    assert QUESTIONS_BY_ID["conditions"].none_label == "None of these"
    assert QUESTIONS_BY_ID["conditions"].must_answer
    assert not QUESTIONS_BY_ID["pain_areas"].must_answer  # may be left empty


def test_not_sure_is_offered_only_where_it_is_honest_and_the_spec_has_a_default():
    unsure = {question.id for question in QUESTIONS if question.unsure}
    assert unsure == {"trend", "weight_loss"}
    for field in unsure:
        assert QUESTIONS_BY_ID[field].default is not None, field


def test_blood_thinners_and_pregnancy_are_asked_before_the_pain_and_symptoms():
    from checker.questions import SECTIONS
    order = [section.id for section in SECTIONS]
    for field in ("anticoagulants", "pregnant", "pregnancy_signs", "age_group"):
        assert order.index(QUESTIONS_BY_ID[field].section) < order.index("pain"), field
