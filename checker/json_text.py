"""Answers from JSON text and results to JSON text: shared by the command line
and the browser glue, so both give exactly the same output."""

from __future__ import annotations

import json
from typing import Any

from .answers import InvalidAnswers
from .engine import assess
from .i18n import SOURCE_LANGUAGE, UnknownLanguage
from .result import Result


def load_answers(text: str) -> object:
    """Return the JSON value in ``text``; raise InvalidAnswers if it is not valid JSON.

    Stricter than ``json.loads``: NaN and Infinity are refused, and so is an
    object that names the same field twice.
    """
    try:
        return json.loads(text, object_pairs_hook=unique_object, parse_constant=refuse_constant)
    except json.JSONDecodeError as error:
        raise InvalidAnswers(f"not valid JSON: {error.msg} (line {error.lineno}, "
                             f"column {error.colno})") from None
    except InvalidAnswers:
        raise
    except ValueError:
        # Python refuses integers with thousands of digits.
        raise InvalidAnswers("not valid JSON: a number is far too long") from None
    except RecursionError:
        raise InvalidAnswers("not valid JSON: it is nested too deeply") from None


def dump_result(result: Result) -> str:
    """Return the result as indented JSON text (UTF-8 characters kept as they are)."""
    return json.dumps(result.to_dict(), indent=2, ensure_ascii=False)


def assess_json(text: str, language: str = SOURCE_LANGUAGE) -> str:
    """Return the result for answers given as JSON text, as JSON text, in ``language``.

    Raises InvalidAnswers for text that is not JSON or answers that are not valid, and
    UnknownLanguage for a language the checker does not speak.
    """
    return dump_result(assess(load_answers(text), language))


def assess_reply(text: str, language: str = SOURCE_LANGUAGE) -> str:
    """Return, as one line of JSON text, the result for answers given as JSON text, or
    what is wrong with them: ``{"result": {...}}`` or ``{"invalid": {"message": "...",
    "field": "..." or null}}``.

    The result's words are in ``language`` ("en", "ru"). Bad input is part of the
    reply, never an exception, so that a caller across a language boundary (the
    browser glue) needs no Python error handling; so is a language the checker does
    not speak (with "field" null).
    """
    try:
        reply = {"result": assess(load_answers(text), language).to_dict()}
    except InvalidAnswers as error:
        reply = {"invalid": {"message": str(error), "field": error.field}}
    except UnknownLanguage as error:
        reply = {"invalid": {"message": str(error), "field": None}}
    return json.dumps(reply, ensure_ascii=False)


def unique_object(pairs: list[tuple[str, object]]) -> dict[str, Any]:
    """Return a JSON object's pairs as a dict; raise InvalidAnswers if a name repeats."""
    result = {}
    for name, value in pairs:
        if name in result:
            raise InvalidAnswers(f"not valid answers: {json.dumps(name, ensure_ascii=False)} "
                                 "is given twice", field=name)
        result[name] = value
    return result


def refuse_constant(name: str) -> None:
    """Refuse NaN, Infinity and -Infinity, which are not JSON."""
    raise InvalidAnswers(f"not valid JSON: {name} is not allowed")
