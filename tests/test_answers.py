"""Validation: every kind of bad input is one InvalidAnswers whose message names the
field and what is wrong; good input becomes complete, immutable Answers."""

from __future__ import annotations

import pytest

from checker import Answers, InvalidAnswers, assess, validate
from checker.questions import QUESTIONS, QUESTIONS_BY_ID

BASE = {"hours_since_massage": 20, "severity": 4}


def answers(**changes) -> dict:
    """Return the minimal valid answers with some fields changed or added."""
    return {**BASE, **changes}


# ---------------------------------------------------------------------------
# Passing

@pytest.mark.parametrize(("data", "field", "expected"), [
    (BASE, "massage_type", "unknown"),
    (BASE, "pain_areas", ()),
    (BASE, "first_massage", False),
    (answers(severity=0), "severity", 0),
    (answers(severity=10), "severity", 10),
    (answers(hours_since_massage=0), "hours_since_massage", 0),
    (answers(hours_since_massage=8760), "hours_since_massage", 8760),
    (answers(cough=True), "cough", True),
    (answers(fever="low"), "fever", "low"),
    (answers(pain_areas=["neck", "ribs"]), "pain_areas", ("neck", "ribs")),
    (answers(conditions=[]), "conditions", ()),
])
def test_valid_answers_are_kept_and_defaults_filled_in(data, field, expected):
    result = validate(data)
    assert result[field] == expected
    assert set(result) == {question.id for question in QUESTIONS}


def test_answers_are_immutable():
    result = validate(answers(pain_areas=["neck"]))
    with pytest.raises(TypeError):
        result["severity"] = 5
    assert isinstance(result["pain_areas"], tuple)
    assert validate(result) == result
    assert result.to_dict()["pain_areas"] == ["neck"]


# Anyone can build an Answers object: it is checked like any other answers.
@pytest.mark.parametrize(("built", "message"), [
    (Answers({**BASE, "severity": 99}), "severity: must be an integer from 0 to 10, got 99"),
    (Answers({"hours_since_massage": 5}), "severity: is required but missing"),
    (Answers({**BASE, "coughs": True}), r"coughs: unknown field; did you mean cough\?"),
])
def test_an_answers_object_is_validated_too(built, message):
    with pytest.raises(InvalidAnswers, match=message):
        validate(built)
    with pytest.raises(InvalidAnswers, match=message):
        assess(built)


def test_validation_does_not_change_the_callers_data():
    data = answers(pain_areas=["neck"])
    validate(data)
    assert data == {**BASE, "pain_areas": ["neck"]}


# ---------------------------------------------------------------------------
# Failing: one case per kind of error, with its message

@pytest.mark.parametrize(("data", "message"), [
    # not an object
    ([1, 2], r"^the answers must be a JSON object, not a list$"),
    ("hello", r'^the answers must be a JSON object, not the text "hello"$'),
    (None, r"^the answers must be a JSON object, not null$"),
    # unknown field, with and without a close name
    (answers(sevrity=4), r"^sevrity: unknown field; did you mean severity\?$"),
    (answers(colour="red"), r"^colour: unknown field$"),
    (answers(**{"my field": 1}), r'^"my field": unknown field$'),
    ({**BASE, 7: True}, r"^7: unknown field$"),
    # missing required field
    ({"severity": 4}, r"^hours_since_massage: is required but missing$"),
    ({"hours_since_massage": 4}, r"^severity: is required but missing$"),
    # wrong type: bool is not an int, a float is not an integer, text is not a number
    (answers(severity=True), r"^severity: must be an integer from 0 to 10, not the boolean true$"),
    (answers(severity=4.0), r"^severity: must be an integer from 0 to 10, not the number 4\.0$"),
    (answers(severity="4"), r'^severity: must be an integer from 0 to 10, not the text "4"$'),
    (answers(severity=None), r"^severity: must be an integer from 0 to 10, not null$"),
    # wrong type: an int is not a bool, text is not a bool
    (answers(cough=1), r"^cough: must be true or false, not the number 1$"),
    (answers(cough="true"), r'^cough: must be true or false, not the text "true"$'),
    (answers(cough=[]), r"^cough: must be true or false, not a list$"),
    # out of range, with the range
    (answers(severity=11), r"^severity: must be an integer from 0 to 10, got 11$"),
    (answers(severity=-1), r"^severity: must be an integer from 0 to 10, got -1$"),
    (answers(hours_since_massage=8761),
     r"^hours_since_massage: must be an integer from 0 to 8760, got 8761$"),
    (answers(severity=10**5000),
     r"^severity: must be an integer from 0 to 10, got a very large number$"),
    # unknown choice, with the allowed values
    (answers(fever="very high"),
     r'^fever: unknown choice "very high"; allowed: "none", "low", "high"$'),
    (answers(trend=2), r'^trend: must be one of "better", "same", "worse", not the number 2$'),
    # list expected
    (answers(pain_areas="neck"),
     r'^pain_areas: must be a list of choices from "neck", .*, not the text "neck"$'),
    (answers(conditions={"cancer": True}), r"^conditions: must be a list of .*, not an object$"),
    # duplicate in a list
    (answers(pain_areas=["neck", "ribs", "neck"]),
     r'^pain_areas: "neck" is listed more than once$'),
    # unknown choice inside a list
    (answers(pain_areas=["neck", "knee"]),
     r'^pain_areas: unknown choice "knee" in the list; allowed: "neck", '),
    (answers(conditions=[["cancer"]]),
     r'^conditions: the list holds a list, not a choice; allowed: "herniated_disc", '),
])
def test_invalid_answers_raise_one_error_naming_field_and_problem(data, message):
    with pytest.raises(InvalidAnswers, match=message):
        validate(data)


def test_a_caller_can_catch_bad_answers_as_a_value_error():
    try:
        assess({"hours_since_massage": 5, "severity": "bad"})
    except ValueError as error:
        assert str(error).startswith("severity: must be an integer")
    else:
        pytest.fail("bad answers were accepted")


@pytest.mark.parametrize(("data", "field"), [
    ([1, 2], None),
    (None, None),
    (answers(sevrity=4), "sevrity"),
    ({**BASE, 7: True}, None),
    ({"severity": 4}, "hours_since_massage"),
    (answers(severity=True), "severity"),
    (answers(severity=11), "severity"),
    (answers(cough=1), "cough"),
    (answers(fever="very high"), "fever"),
    (answers(trend=2), "trend"),
    (answers(pain_areas="neck"), "pain_areas"),
    (answers(pain_areas=["neck", "neck"]), "pain_areas"),
    (answers(pain_areas=["knee"]), "pain_areas"),
    (answers(conditions=[["cancer"]]), "conditions"),
])
def test_invalid_answers_name_their_field_or_none_for_the_whole_input(data, field):
    with pytest.raises(InvalidAnswers) as raised:
        validate(data)
    assert raised.value.field == field


def test_the_first_unknown_field_is_reported_before_type_errors():
    with pytest.raises(InvalidAnswers, match="^pain: unknown field"):
        validate({"severity": "bad", "pain": 1})


def test_answers_hold_every_field_and_show_them_all():
    result = validate(BASE)
    assert len(result) == len(QUESTIONS) and list(result) == [q.id for q in QUESTIONS]
    assert repr(result) == f"Answers({dict(result)!r})"
    assert eval(repr(result), {"Answers": Answers}) == result


# Policy v3: each new field refuses a wrong type and a value outside its choices,
# with a message that names it.
V3_FIELDS = ("age_group", "pain_before", "hurts_to_breathe", "allergic_reaction", "fainted",
             "sepsis_signs", "one_sided_rash", "pregnancy_signs")


@pytest.mark.parametrize("field", V3_FIELDS)
@pytest.mark.parametrize("bad", ["yes", 1, None, ["none"], {"a": 1}, "", "NONE", 2.5])
def test_each_new_field_refuses_a_wrong_value_by_name(field, bad):
    question = QUESTIONS_BY_ID[field]
    if question.kind == "boolean":
        expected = rf"^{field}: must be true or false, not "
    elif isinstance(bad, str):
        expected = rf"^{field}: unknown choice .*; allowed: "
    else:
        expected = rf"^{field}: must be one of "
    with pytest.raises(InvalidAnswers, match=expected) as caught:
        validate({**BASE, field: bad})
    assert caught.value.field == field


@pytest.mark.parametrize("field", V3_FIELDS)
def test_each_new_field_takes_each_of_its_answers_and_has_the_spec_default(field):
    question = QUESTIONS_BY_ID[field]
    for value in question.values or (True, False):
        assert validate({**BASE, field: value})[field] == value
    assert validate(BASE)[field] == question.default


def test_recent_chemotherapy_is_a_condition_and_a_misspelling_is_refused():
    assert validate({**BASE, "conditions": ["recent_chemotherapy"]})["conditions"] == (
        "recent_chemotherapy",)
    with pytest.raises(InvalidAnswers, match='conditions: unknown choice "chemotherapy" in '
                                             'the list'):
        validate({**BASE, "conditions": ["chemotherapy"]})


@pytest.mark.parametrize("data", [
    {**BASE, "fever": "x" * 1_000_000},
    {**BASE, "pain_areas": ["y" * 1_000_000]},
    {**BASE, "conditions": ["z" * 1_000_000, "z" * 1_000_000]},
    {**BASE, "w" * 1_000_000: True},
])
def test_a_huge_text_gives_a_short_message_that_names_the_field(data):
    with pytest.raises(InvalidAnswers) as caught:
        validate(data)
    message = str(caught.value)
    assert len(message) < 500, message[:600]
    assert '..." (cut)' in message
    field = next(key for key in data if key not in BASE or data[key] != BASE[key])
    assert message.startswith(field if len(field) < 40 else '"www')
