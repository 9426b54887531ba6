"""JSON text in and out: strict parsing, the same output as the command line."""

from __future__ import annotations

import json

import pytest

from checker import InvalidAnswers, assess, assess_json, assess_reply
from checker.json_text import dump_result, load_answers


def test_assess_json_gives_the_result_as_indented_utf8_json():
    text = assess_json('{"hours_since_massage": 26, "severity": 5, "fever": "high"}')
    assert json.loads(text)["level"] == "urgent"
    assert "38 °C" in text and text.startswith('{\n  "level"')
    assert text == dump_result(assess({"hours_since_massage": 26, "severity": 5,
                                       "fever": "high"}))


@pytest.mark.parametrize(("text", "message"), [
    ("", r"^not valid JSON: Expecting value \(line 1, column 1\)$"),
    ("{", r"^not valid JSON: Expecting property name enclosed in double quotes"),
    ('{"severity": 4,}', r"^not valid JSON: .*\(line 1, column 1[56]\)$"),
    ('{"severity": NaN}', r"^not valid JSON: NaN is not allowed$"),
    ('{"severity": -Infinity}', r"^not valid JSON: -Infinity is not allowed$"),
    ('{"severity": 4, "severity": 5}', r'^not valid answers: "severity" is given twice$'),
    ('{"severity": ' + "9" * 5000 + "}", r"^not valid JSON: a number is far too long$"),
    ("[" * 100000 + "]" * 100000, r"^not valid JSON: it is nested too deeply$"),
])
def test_bad_json_text_is_invalid_answers(text, message):
    with pytest.raises(InvalidAnswers, match=message):
        load_answers(text)


def test_not_an_object_is_invalid_answers():
    with pytest.raises(InvalidAnswers, match="must be a JSON object, not a list"):
        assess_json("[]")


# ---------------------------------------------------------------------------
# The reply the browser's worker passes on: the result, or the problem and its field

def test_assess_reply_holds_the_same_result_as_assess_json():
    text = '{"hours_since_massage": 26, "severity": 5, "fever": "high"}'
    reply = json.loads(assess_reply(text))
    assert reply == {"result": json.loads(assess_json(text))}
    assert "\n" not in assess_reply(text) and "38 °C" in assess_reply(text)


@pytest.mark.parametrize(("text", "message", "field"), [
    ('{"severity": 3}', "hours_since_massage: is required but missing", "hours_since_massage"),
    ('{"hours_since_massage": 5, "severity": 11}',
     "severity: must be an integer from 0 to 10, got 11", "severity"),
    ('{"sevrity": 3}', "sevrity: unknown field; did you mean severity?", "sevrity"),
    ('{"severity": 4, "severity": 5}', 'not valid answers: "severity" is given twice', "severity"),
    ("[]", "the answers must be a JSON object, not a list", None),
    ("null", "the answers must be a JSON object, not null", None),
    ("{", "not valid JSON: Expecting property name enclosed in double quotes "
          "(line 1, column 2)", None),
    ('{"severity": NaN}', "not valid JSON: NaN is not allowed", None),
])
def test_assess_reply_names_the_problem_and_its_field_instead_of_raising(text, message, field):
    assert json.loads(assess_reply(text)) == {"invalid": {"message": message, "field": field}}
