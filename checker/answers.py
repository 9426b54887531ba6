"""Validate a mapping of answers against the question data.

Bad input is always an error with a message that names the field and what is
wrong; nothing is ever silently replaced by a default.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from .questions import BOOLEAN, CHOICE, INTEGER, MULTI_CHOICE, QUESTIONS, QUESTIONS_BY_ID, Question


class InvalidAnswers(ValueError):
    """The answers do not fit the questions; the message says which field and why.

    ``field`` is the field the message names, or None when the problem is the input
    as a whole (not JSON, not an object), so that a form can point at the question
    without reading the message.
    """

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class Answers(Mapping[str, Any]):
    """A complete, validated, immutable set of answers (defaults filled in).

    Lists are stored as tuples. Build one with :func:`validate`.
    """

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = MappingProxyType(dict(values))

    def __getitem__(self, field: str) -> Any:
        return self._values[field]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Answers({dict(self._values)!r})"

    def to_dict(self) -> dict[str, Any]:
        """Return the answers as plain JSON-ready data (lists, not tuples)."""
        return {field: list(value) if isinstance(value, tuple) else value
                for field, value in self._values.items()}


# ---------------------------------------------------------------------------
# Validation

def validate(data: object) -> Answers:
    """Return ``data`` as complete :class:`Answers`; raise InvalidAnswers naming the problem.

    An :class:`Answers` object is checked again too: anyone can build one.
    """
    if isinstance(data, Answers):
        data = data.to_dict()
    if not isinstance(data, Mapping):
        raise InvalidAnswers(f"the answers must be a JSON object, not {describe_value(data)}")
    for field in data:
        if field not in QUESTIONS_BY_ID:
            raise InvalidAnswers(unknown_field_message(field),
                                 field=field if isinstance(field, str) else None)
    values = {}
    for question in QUESTIONS:
        if question.id in data:
            values[question.id] = check_value(question, data[question.id])
        elif question.required:
            raise InvalidAnswers(f"{question.id}: is required but missing", field=question.id)
        else:
            values[question.id] = question.default
    return Answers(values)


def check_value(question: Question, value: object) -> object:
    """Return ``value`` if it is a valid answer to ``question``; raise InvalidAnswers if not."""
    return CHECKERS[question.kind](question, value)


def check_integer(question: Question, value: object) -> int:
    """Return ``value`` if it is an integer in the question's range."""
    expected = f"must be an integer from {question.minimum} to {question.maximum}"
    # bool is a subclass of int in Python, but true/false is not a number.
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidAnswers(f"{question.id}: {expected}, not {describe_value(value)}",
                             field=question.id)
    assert question.minimum is not None and question.maximum is not None
    if not question.minimum <= value <= question.maximum:
        shown = value if abs(value) < LARGE else "a very large number"
        raise InvalidAnswers(f"{question.id}: {expected}, got {shown}", field=question.id)
    return value


def check_boolean(question: Question, value: object) -> bool:
    """Return ``value`` if it is true or false."""
    if not isinstance(value, bool):
        raise InvalidAnswers(f"{question.id}: must be true or false, not {describe_value(value)}",
                             field=question.id)
    return value


def check_choice(question: Question, value: object) -> str:
    """Return ``value`` if it is one of the question's choices."""
    if not isinstance(value, str):
        raise InvalidAnswers(f"{question.id}: must be one of {allowed(question)}, "
                             f"not {describe_value(value)}", field=question.id)
    if value not in question.values:
        raise InvalidAnswers(f"{question.id}: unknown choice {quote(value)}; "
                             f"allowed: {allowed(question)}", field=question.id)
    return value


def check_choices(question: Question, value: object) -> tuple[str, ...]:
    """Return ``value`` as a tuple if it is a list of different choices of the question."""
    if not isinstance(value, list | tuple):
        raise InvalidAnswers(f"{question.id}: must be a list of choices from {allowed(question)}, "
                             f"not {describe_value(value)}", field=question.id)
    for item in value:
        if not isinstance(item, str):
            raise InvalidAnswers(f"{question.id}: the list holds {describe_value(item)}, "
                                 f"not a choice; allowed: {allowed(question)}", field=question.id)
        if item not in question.values:
            raise InvalidAnswers(f"{question.id}: unknown choice {quote(item)} in the list; "
                                 f"allowed: {allowed(question)}", field=question.id)
    seen = set()
    for item in value:
        if item in seen:
            raise InvalidAnswers(f"{question.id}: {quote(item)} is listed more than once",
                                 field=question.id)
        seen.add(item)
    return tuple(value)


# Python refuses to print integers of thousands of digits; say "very large" instead.
LARGE = 10**15

CHECKERS = {INTEGER: check_integer, BOOLEAN: check_boolean,
            CHOICE: check_choice, MULTI_CHOICE: check_choices}


# ---------------------------------------------------------------------------
# Messages

def unknown_field_message(field: object) -> str:
    """Return the message for a field the questions do not have, with the closest name."""
    if not isinstance(field, str):
        name = shown = repr(field)[:40]
    else:
        name = field
        shown = name if name.isidentifier() and len(name) <= SHOWN_LENGTH else quote(name)
    message = f"{shown}: unknown field"
    close = difflib.get_close_matches(name, list(QUESTIONS_BY_ID), n=1)
    return f"{message}; did you mean {close[0]}?" if close else message


def allowed(question: Question) -> str:
    """Return the allowed choice values as a readable list."""
    return ", ".join(quote(value) for value in question.values)


def quote(text: str) -> str:
    """Return text in double quotes, as it would be written in JSON; a long text is
    cut to its start, so that a message stays short whatever was sent."""
    if len(text) > SHOWN_LENGTH:
        return json.dumps(text[:SHOWN_LENGTH], ensure_ascii=False)[:-1] + '..." (cut)'
    return json.dumps(text, ensure_ascii=False)


# How much of an answer's text a message repeats.
SHOWN_LENGTH = 40


def describe_value(value: object) -> str:
    """Return a short JSON-style description of a value: its type and, if short, the value."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"the number {value}" if abs(value) < LARGE else "a very large number"
    if isinstance(value, float):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {quote(value)}" if len(value) <= SHOWN_LENGTH else "a long text"
    if isinstance(value, Mapping):
        return "an object"
    if isinstance(value, list | tuple):
        return "a list"
    return f"a {type(value).__name__}"
